// Files the GIS's session reads by URL as they are (no `f` parameter): a print service's output,
// or a file given as a URL for an upload. The session decides whether the URL gets a token.
import type { Readable } from "node:stream";
import type { Session } from "../session/session";

/** REST: `{fileUrl}` (a file such as an Export Web Map output), its bytes in memory. */
export async function getFileBuffer(session: Session, fileUrl: string): Promise<Buffer> {
  return session.request<Buffer, "buffer">(
    fileUrl,
    {},
    { method: "GET", responseKind: "buffer", format: null },
  );
}

/** REST: `{fileUrl}` (any file the session may read), streamed. */
export async function getFileStream(session: Session, fileUrl: string): Promise<Readable> {
  return session.request(fileUrl, {}, { method: "GET", responseKind: "stream", format: null });
}
