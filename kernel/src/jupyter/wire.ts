// The Jupyter wire format: [identities…, "<IDS|MSG>", signature, header, parent, metadata,
// content, buffers…], signed with HMAC-SHA256 over the four JSON frames.
import { createHmac, randomUUID, timingSafeEqual } from "crypto";
import {
  isJsonObject,
  type JupyterMessage,
  type MessageHeader,
  PROTOCOL_VERSION,
} from "./protocol";

const DELIMITER = Buffer.from("<IDS|MSG>");

export class MalformedMessageError extends Error {
  override name = "MalformedMessageError";
}

function sign(key: string, frames: Buffer[]): string {
  // Jupyter turns signing off with an empty key; the signature frame is then empty.
  if (!key) return "";
  const hmac = createHmac("sha256", key);
  for (const frame of frames) hmac.update(frame);
  return hmac.digest("hex");
}

function signaturesMatch(expected: string, received: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

function parseJsonObject(frame: Buffer, part: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(frame.toString("utf8"));
  } catch {
    throw new MalformedMessageError(`the ${part} frame is not JSON`);
  }
  if (!isJsonObject(parsed)) throw new MalformedMessageError(`the ${part} frame is not an object`);
  return parsed;
}

/** Keeps every field the client sent: the header comes back verbatim as our parent header. */
function toHeader(value: Record<string, unknown>): MessageHeader {
  if (typeof value.msg_id !== "string" || typeof value.msg_type !== "string") {
    throw new MalformedMessageError("the header lacks msg_id or msg_type");
  }
  const defaults = { session: "", username: "", date: "", version: PROTOCOL_VERSION };
  return { ...defaults, ...value } as MessageHeader;
}

export function decodeMessage(frames: Buffer[], key: string): JupyterMessage {
  const delimiterAt = frames.findIndex((frame) => frame.equals(DELIMITER));
  if (delimiterAt < 0) throw new MalformedMessageError("no <IDS|MSG> delimiter");
  const [signature, header, parent, metadata, content, ...buffers] = frames.slice(delimiterAt + 1);
  if (!signature || !header || !parent || !metadata || !content) {
    throw new MalformedMessageError("fewer than five frames after the delimiter");
  }
  const expected = sign(key, [header, parent, metadata, content]);
  if (key && !signaturesMatch(expected, signature.toString("utf8"))) {
    throw new MalformedMessageError("bad signature");
  }
  return {
    identities: frames.slice(0, delimiterAt),
    header: toHeader(parseJsonObject(header, "header")),
    parentHeader: parseJsonObject(parent, "parent header") as JupyterMessage["parentHeader"],
    metadata: parseJsonObject(metadata, "metadata"),
    content: parseJsonObject(content, "content"),
    buffers,
  };
}

export function encodeMessage(message: JupyterMessage, key: string): Buffer[] {
  const jsonFrames = [message.header, message.parentHeader, message.metadata, message.content].map(
    (part) => Buffer.from(JSON.stringify(part), "utf8"),
  );
  return [
    ...message.identities,
    DELIMITER,
    Buffer.from(sign(key, jsonFrames), "utf8"),
    ...jsonFrames,
    ...message.buffers,
  ];
}

export function newHeader(msgType: string, session: string, username: string): MessageHeader {
  return {
    msg_id: randomUUID(),
    msg_type: msgType,
    session,
    username,
    date: new Date().toISOString(),
    version: PROTOCOL_VERSION,
  };
}
