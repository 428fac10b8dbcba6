import { invalidParameter, permissionDenied } from "../server/arcgis-error";
import {
  optionalBoolean,
  optionalChoice,
  optionalInteger,
  optionalJsonObject,
} from "../server/param-readers";
import type { RequestParams } from "../server/request-params";
import type { StoredThumbnail } from "../store/thumbnail-store";
import type { GroupFields } from "../store/group-store";
import type { GroupRecord } from "../model/group-record";
import { hasPrivilege } from "../model/role-catalogue";
import type { UserRecord } from "../model/user-record";

const SORT_FIELDS = ["title", "owner", "avgRating", "numViews", "created", "modified"] as const;
const EXTRA_STRING_FIELDS = ["provider", "providerGroupName", "phone", "membershipAccess"];
const EXTRA_BOOLEAN_FIELDS = ["autoJoin", "leavingDisallowed", "hiddenMembers"];
const MAX_SNIPPET = 250;
const MAX_THUMBNAIL_BYTES = 1024 * 1024;

export interface ParsedGroupFields {
  readonly fields: GroupFields;
  readonly thumbnail: StoredThumbnail | null;
}

/**
 * Reads the group fields of createGroup and group update requests. On update, a field sent
 * empty is left alone unless `clearEmptyFields=true`, in which case it is cleared.
 */
export function readGroupFields(
  params: RequestParams,
  actor: UserRecord,
  current: GroupRecord | null,
): ParsedGroupFields {
  const values = params.values;
  const clearEmpty = current !== null && optionalBoolean(values, "clearEmptyFields") === true;
  const fields: GroupFields = {};
  const cleared = (name: string): boolean =>
    clearEmpty && name in values && values[name].trim() === "";

  if (values.title !== undefined && values.title.trim() !== "") fields.title = values.title.trim();
  for (const name of ["snippet", "description"] as const) {
    if (cleared(name)) fields[name] = null;
    else if (values[name] !== undefined && values[name] !== "") fields[name] = values[name];
  }
  if (fields.snippet && fields.snippet.length > MAX_SNIPPET) {
    throw invalidParameter("snippet", `must be at most ${MAX_SNIPPET} characters.`);
  }
  if (cleared("tags")) fields.tags = [];
  else if (values.tags !== undefined && values.tags.trim() !== "")
    fields.tags = splitTags(values.tags);

  const access = optionalChoice(values, "access", ["private", "org", "public"]);
  if (access) {
    checkAccessPrivilege(actor, access);
    fields.access = access;
  }
  const invitationOnly = optionalBoolean(values, "isInvitationOnly");
  if (invitationOnly !== undefined) fields.isInvitationOnly = invitationOnly;
  const viewOnly = optionalBoolean(values, "isViewOnly");
  if (viewOnly !== undefined) fields.isViewOnly = viewOnly;

  const extra: Record<string, unknown> = { ...(current?.extra ?? {}) };
  const sortField = optionalChoice(values, "sortField", SORT_FIELDS);
  if (sortField) extra.sortField = sortField;
  const sortOrder = optionalChoice(values, "sortOrder", ["asc", "desc"]);
  if (sortOrder) extra.sortOrder = sortOrder;
  for (const name of EXTRA_STRING_FIELDS) {
    if (cleared(name)) delete extra[name];
    else if (values[name] !== undefined && values[name] !== "") extra[name] = values[name];
  }
  for (const name of EXTRA_BOOLEAN_FIELDS) {
    const value = optionalBoolean(values, name);
    if (value !== undefined) extra[name] = value;
  }
  const maxFileSize = optionalInteger(values, "maxFileSize", { min: 1 });
  if (maxFileSize !== undefined) extra.maxFileSize = maxFileSize;
  const displaySettings = optionalJsonObject(values, "displaySettings");
  if (displaySettings) extra.displaySettings = displaySettings;
  readCapabilities(values, actor, current, extra);
  fields.extra = extra;

  const thumbnail = readThumbnail(params, clearEmpty);
  if (thumbnail === "clear") fields.thumbnail = null;
  else if (thumbnail) fields.thumbnail = thumbnail.filename;
  else if (values.thumbnail && /^https?:\/\//i.test(values.thumbnail)) {
    fields.thumbnail = values.thumbnail;
  }
  return { fields, thumbnail: thumbnail === "clear" ? null : thumbnail };
}

export function splitTags(text: string): string[] {
  return text
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);
}

function checkAccessPrivilege(actor: UserRecord, access: "private" | "org" | "public"): void {
  if (access === "public" && !hasPrivilege(actor, "portal:user:shareGroupToPublic")) {
    throw permissionDenied();
  }
  if (access === "org" && !hasPrivilege(actor, "portal:user:shareGroupToOrg")) {
    throw permissionDenied();
  }
}

/** `updateitemcontrol` (members update all items) is granted at creation only, to those allowed. */
function readCapabilities(
  values: Record<string, string>,
  actor: UserRecord,
  current: GroupRecord | null,
  extra: Record<string, unknown>,
): void {
  if (values.capabilities === undefined || values.capabilities.trim() === "") return;
  const requested = splitTags(values.capabilities).map((c) => c.toLowerCase());
  const unknown = requested.filter((c) => c !== "updateitemcontrol");
  if (unknown.length > 0) throw invalidParameter("capabilities", `has unknown values: ${unknown}.`);
  const existing = (current?.extra.capabilities as string[] | undefined) ?? [];
  if (current && !existing.includes("updateitemcontrol")) {
    throw invalidParameter("capabilities", "can only be set when the group is created.");
  }
  if (!current && !hasPrivilege(actor, "portal:admin:createUpdateCapableGroup")) {
    throw permissionDenied();
  }
  extra.capabilities = ["updateitemcontrol"];
}

function readThumbnail(
  params: RequestParams,
  clearEmpty: boolean,
): StoredThumbnail | "clear" | null {
  const file = params.files.thumbnail;
  if (!file) {
    const text = params.values.thumbnail;
    return clearEmpty && text !== undefined && text.trim() === "" ? "clear" : null;
  }
  if (file.data.length > MAX_THUMBNAIL_BYTES) {
    throw invalidParameter("thumbnail", "must be at most 1 MB.");
  }
  if (
    !/^image\/(png|gif|jpe?g)$/i.test(file.mimetype) &&
    !/\.(png|gif|jpe?g)$/i.test(file.filename)
  ) {
    throw invalidParameter("thumbnail", "must be a PNG, GIF or JPEG image.");
  }
  const contentType = /\.png$/i.test(file.filename)
    ? "image/png"
    : /\.gif$/i.test(file.filename)
      ? "image/gif"
      : /\.jpe?g$/i.test(file.filename)
        ? "image/jpeg"
        : file.mimetype;
  return { filename: file.filename, contentType, data: file.data };
}
