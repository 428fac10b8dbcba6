// Organisation webhooks (gis.admin.webhooks) against the portal over HTTP, with receivers on
// loopback: what ArcGIS's REST reference describes for portals/self/webhooks — create, list,
// update, activate, delete, settings, notificationStatus, the payload's info and events, the
// deactivation policy — and who may call them.
import { createHmac } from "node:crypto";
import { Webhook } from "tsgis";
import { startRecordingServer, type RunningServer } from "../support/http-servers";
import { closeAll } from "../support/teardown";
import { arcgisFailure, startTestOrg, type TestOrg } from "./helpers";

interface Payload {
  info: { webhookId: string; webhookName: string; portalURL: string; when: number };
  events: { source: string; operation: string; id: string; username: string; when: number }[];
}

/** Waits (bounded) until `ready` holds; the deliveries follow the operations asynchronously. */
async function eventually(ready: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never happened: ${what}`);
}

describe("organisation webhooks", () => {
  let org: TestOrg;
  let receiver: RunningServer;
  let failing: RunningServer;
  const payloads = (): Payload[] =>
    receiver.requests.map((request) => JSON.parse(request.body.toString("utf8")) as Payload);

  beforeAll(async () => {
    org = await startTestOrg();
    receiver = await startRecordingServer();
    failing = await startRecordingServer((_request, response) => {
      response.statusCode = 500;
      response.end("down");
    });
  });
  afterAll(() => closeAll(receiver, failing, org));

  it("delivers an item event to the payload URL, signed with the secret", async () => {
    const hook = await org.admin.admin.webhooks.create(
      "Items",
      `${receiver.url}/hook`,
      ["/items"],
      {
        secret: "s3cret-value",
      },
    );
    expect(hook).toBeInstanceOf(Webhook);
    expect(hook.properties).toMatchObject({ name: "Items", isActive: true, events: ["/items"] });
    expect(hook.properties.secret).toBe("");

    const item = await org.publisher.content.add({ title: "Hooked", type: "Web Map", text: "{}" });
    await eventually(() => receiver.requests.length > 0, "the item event reached the receiver");

    const [request] = receiver.requests;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/hook");
    const expected = createHmac("sha256", "s3cret-value").update(request.body).digest("hex");
    expect(request.headers["x-esri-signature"]).toBe(`sha256=${expected}`);
    const [payload] = payloads();
    expect(payload.info).toMatchObject({ webhookId: hook.id, webhookName: "Items" });
    expect(payload.info.portalURL).toBe(org.portal.url);
    expect(payload.events).toEqual([
      expect.objectContaining({
        source: "item",
        operation: "add",
        id: item.id,
        username: "publisher",
      }),
    ]);
    expect(JSON.stringify(payload)).not.toMatch(/token/i);

    await eventually(async () => (await hook.getNotifications()).length === 1, "recorded");
    expect((await hook.getNotifications())[0]).toMatchObject({ success: true, statusCode: 200 });
    await hook.delete();
  });

  it("sends only the events a webhook subscribed to", async () => {
    receiver.requests.length = 0;
    const group = (await org.admin.groups.create("Watched", "hooks"))!;
    const hook = await org.admin.admin.webhooks.create("One group", `${receiver.url}/group`, [
      `/groups/${group.id}`,
    ]);
    await org.publisher.content.add({ title: "Not watched", type: "Web Map", text: "{}" });
    await group.update({ snippet: "now watched" });
    await eventually(() => receiver.requests.length > 0, "the group event");
    expect(payloads().flatMap((payload) => payload.events)).toEqual([
      expect.objectContaining({ source: "group", operation: "update", id: group.id }),
    ]);
    await hook.delete();
  });

  it("retries, records the failures and deactivates as its policy says", async () => {
    const hooks = org.admin.admin.webhooks;
    expect(
      await hooks.setSettings({ notificationAttempts: 2, notificationElapsedTimeInSeconds: 1 }),
    ).toBe(true);
    expect(await hooks.getSettings()).toMatchObject({
      notificationAttempts: 2,
      notificationElapsedTimeInSeconds: 1,
      notificationTimeOutInSeconds: 10,
    });
    const hook = await hooks.create("Down", `${failing.url}/x`, ["/users"], {
      numberOfFailures: 1,
      daysInPast: 1,
    });
    const user = await org.admin.users.get("user");
    await user!.update({ description: "changed" });
    await eventually(async () => !(await hook.refresh()).properties.isActive, "deactivated");
    expect(failing.requests).toHaveLength(2);
    expect(await hook.getNotifications()).toEqual([
      expect.objectContaining({ success: false, attempts: 2, statusCode: 500 }),
    ]);
    expect(await hook.update({ active: true, name: "Back" })).toBe(true);
    expect(hook.properties).toMatchObject({ name: "Back", isActive: true });
    expect((await hooks.list()).map((listed) => listed.id)).toContain(hook.id);
    await hook.delete();
    expect(await hooks.get(hook.id)).toBeNull();
    await hooks.setSettings({ notificationAttempts: 3, notificationElapsedTimeInSeconds: 5 });
  });

  it("refuses bad input naming the parameter, and creates nothing", async () => {
    const hooks = org.admin.admin.webhooks;
    await expect(hooks.create("x", "ftp://example.com/in", ["/items"])).rejects.toMatchObject({
      code: 400,
      details: [expect.stringContaining("'url'")],
    });
    await expect(hooks.create("x", `${receiver.url}/in`, ["items"])).rejects.toMatchObject({
      code: 400,
      details: [expect.stringContaining("'events'")],
    });
    await expect(hooks.create("x", "http://203.0.113.9/in", ["/items"])).rejects.toMatchObject({
      code: 400,
    });
    await expect(hooks.create("x", `${receiver.url}/in`, [])).rejects.toThrow(TypeError);
    await expect(
      hooks.create("x", `${receiver.url}/in`, ["/items"], { numberOfFailures: 0 }),
    ).rejects.toThrow(/numberOfFailures/);
    expect(await hooks.list()).toEqual([]);
  });

  it("is for full administrators only", async () => {
    expect((await arcgisFailure(org.publisher.admin.webhooks.list())).code).toBe(403);
    expect(
      (await arcgisFailure(org.user.admin.webhooks.create("x", `${receiver.url}/in`, ["/"]))).code,
    ).toBe(403);
    expect((await arcgisFailure(org.anonymous.admin.webhooks.list())).code).toBe(499);
  });
});
