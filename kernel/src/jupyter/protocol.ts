// Shapes of the Jupyter messaging protocol (version 5.3) as the tsgis kernel uses them.

/** 5.3 is the newest version whose features (comm_info target filter, buffers) we implement. */
export const PROTOCOL_VERSION = "5.3";

export type JsonObject = { [key: string]: unknown };

export interface MessageHeader {
  msg_id: string;
  msg_type: string;
  session: string;
  username: string;
  date: string;
  version: string;
}

/** A message as it travels on a socket, buffers included. */
export interface JupyterMessage {
  /** ZeroMQ routing prefix: where a reply to this message must go. */
  identities: Buffer[];
  header: MessageHeader;
  /** `{}` when the message has no parent. */
  parentHeader: MessageHeader | Record<string, never>;
  metadata: JsonObject;
  content: JsonObject;
  buffers: Buffer[];
}

/** The connection file Jupyter writes before starting a kernel. */
export interface ConnectionInfo {
  transport: string;
  ip: string;
  key: string;
  signature_scheme: string;
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
}

export type MimeBundle = { [mimeType: string]: unknown };

/** Binary data accepted wherever the protocol carries buffers. */
export type BinaryData = ArrayBuffer | ArrayBufferView;

export function toBuffer(data: BinaryData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
