// Which organisation webhook events a successful REST operation raises. ArcGIS names events by
// path: "/items/add", "/items/{id}/update", "/groups/{id}/addUsers", "/users/{name}/disable";
// a webhook subscribes to a path and receives every event at or below it ("/" for all).

/** One event in a webhook payload's `events` list. */
export interface WebhookEvent {
  /** The event's path, as webhooks subscribe to it. */
  path: string;
  source: "item" | "group" | "user";
  operation: string;
  id: string;
  username: string | null;
  userId: string | null;
  when: number;
  properties: Record<string, unknown>;
}

const ITEM_OPERATIONS = new Set(["update", "delete", "share", "unshare", "move", "reassign"]);
const GROUP_OPERATIONS = new Set([
  "update",
  "delete",
  "protect",
  "unprotect",
  "invite",
  "addUsers",
  "removeUsers",
  "updateUsers",
  "reassign",
]);
const USER_OPERATIONS = new Set(["update", "delete", "disable", "enable"]);

const OWNER_ITEM = /^\/content\/users\/[^/]+(?:\/[^/]+)?\/items\/([^/]+)\/([^/]+)$/;
const ADD_ITEM = /^\/content\/users\/[^/]+(?:\/[^/]+)?\/addItem$/;
const SHARED_ITEM = /^\/content\/items\/([^/]+)\/(share|unshare)$/;
const GROUP = /^\/community\/groups\/([^/]+)\/([^/]+)$/;
const USER = /^\/community\/users\/([^/]+)\/([^/]+)$/;

/** A successful operation, as the portal answered it. */
export interface CompletedOperation {
  /** The path below /sharing/rest, decoded. */
  path: string;
  params: Record<string, string>;
  answer: Record<string, unknown>;
  actor: { username: string; id: string } | null;
}

/** The events an operation raises; none for reads and for what webhooks do not report. */
export function eventsOf(operation: CompletedOperation): WebhookEvent[] {
  const event = (
    source: WebhookEvent["source"],
    id: string,
    name: string,
    path: string,
  ): WebhookEvent => ({
    path,
    source,
    operation: name,
    id,
    username: operation.actor?.username ?? null,
    userId: operation.actor?.id ?? null,
    when: Date.now(),
    properties: {},
  });
  const { path, answer } = operation;
  if (ADD_ITEM.test(path) && typeof answer.id === "string") {
    return [event("item", answer.id, "add", "/items/add")];
  }
  const item = OWNER_ITEM.exec(path) ?? SHARED_ITEM.exec(path);
  if (item && ITEM_OPERATIONS.has(item[2])) {
    return [event("item", item[1], item[2], `/items/${item[1]}/${item[2]}`)];
  }
  if (path === "/community/createGroup") {
    const id = (answer.group as { id?: unknown } | undefined)?.id;
    return typeof id === "string" ? [event("group", id, "add", "/groups/add")] : [];
  }
  const group = GROUP.exec(path);
  if (group && GROUP_OPERATIONS.has(group[2])) {
    return [event("group", group[1], group[2], `/groups/${group[1]}/${group[2]}`)];
  }
  const user = USER.exec(path);
  if (user && USER_OPERATIONS.has(user[2])) {
    return [event("user", user[1], user[2], `/users/${user[1]}/${user[2]}`)];
  }
  if (path === "/portals/self/updateUserRole" && operation.params.user) {
    const name = operation.params.user;
    return [event("user", name, "updateUserRole", `/users/${name}/updateUserRole`)];
  }
  return [];
}

/** Whether a webhook subscribed to `subscription` receives an event at `path`. */
export function subscribes(subscription: string, path: string): boolean {
  if (subscription === "/" || subscription === path) return true;
  return path.startsWith(subscription.endsWith("/") ? subscription : `${subscription}/`);
}

/** The event paths a webhook may subscribe to: a family, a resource, or one operation. */
export function isEventPath(text: string): boolean {
  return /^\/((items|groups|users)(\/[^/\s]+(\/[A-Za-z]+)?)?)?$/.test(text);
}
