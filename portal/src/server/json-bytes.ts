import type { FastifyReply } from "fastify";

/** The content type Fastify gives a JSON answer it serialises itself. */
const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/**
 * A JSON answer already encoded as UTF-8 bytes, for answers too large to build as objects and
 * serialise: a string of a few hundred kilobytes is slow to create and to encode on this kind
 * of machine, bytes written piece by piece are not. `toJSON` gives the value back, so an answer
 * that is serialised after all (`f=pjson`) still reads the same.
 */
export class JsonBytes {
  constructor(readonly bytes: Buffer) {}

  toJSON(): unknown {
    return JSON.parse(this.bytes.toString("utf8"));
  }
}

/** Sends a route's answer: JSON bytes as they are, anything else through Fastify's serialiser. */
export function sendAnswer(reply: FastifyReply, answer: unknown, pretty: boolean): unknown {
  if (answer instanceof JsonBytes && !pretty) {
    return reply.type(JSON_CONTENT_TYPE).send(answer.bytes);
  }
  return answer;
}

/** Pieces are gathered into strings of about this many characters before being encoded. */
const CHUNK_CHARS = 16 * 1024;

/**
 * Writes JSON text into one growing buffer. The pieces are small strings gathered into chunks
 * well below V8's large-object size (a string of hundreds of kilobytes is costly to create) and
 * encoded a chunk at a time (encoding each small piece by itself costs more than the pieces).
 */
export class JsonBytesWriter {
  private buffer: Buffer;
  private length = 0;
  private pending = "";

  constructor(expectedBytes: number) {
    this.buffer = Buffer.allocUnsafe(Math.max(1024, expectedBytes));
  }

  /** Appends JSON text (the caller makes sure it is valid JSON where it is put). */
  text(piece: string): void {
    this.pending += piece;
    if (this.pending.length >= CHUNK_CHARS) this.flush();
  }

  finish(): JsonBytes {
    this.flush();
    return new JsonBytes(this.buffer.subarray(0, this.length));
  }

  private flush(): void {
    const chunk = this.pending;
    this.pending = "";
    // UTF-8 takes at most 3 bytes for each UTF-16 unit; the exact count only near the end.
    if (this.length + chunk.length * 3 > this.buffer.length) {
      const needed = this.length + Buffer.byteLength(chunk, "utf8");
      if (needed > this.buffer.length) this.grow(needed);
    }
    this.length += this.buffer.write(chunk, this.length, "utf8");
  }

  private grow(needed: number): void {
    const larger = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = larger;
  }
}
