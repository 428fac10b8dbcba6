// Binary values inside widget state travel as separate message buffers; `buffer_paths` says
// where each one belongs (ipywidgets protocol 2.x). Extraction removes a binary value from its
// object (or nulls it in an array), as ipywidgets does.
import { isJsonObject, type JsonObject, toBuffer } from "./protocol";

export type BufferPath = (string | number)[];

export interface SplitState {
  state: JsonObject;
  bufferPaths: BufferPath[];
  buffers: Buffer[];
}

function isBinary(value: unknown): value is ArrayBuffer | ArrayBufferView {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

export function extractBuffers(state: JsonObject): SplitState {
  const bufferPaths: BufferPath[] = [];
  const buffers: Buffer[] = [];
  const walk = (value: unknown, path: BufferPath): unknown => {
    if (Array.isArray(value)) {
      return value.map((item, index) => {
        if (!isBinary(item)) return walk(item, [...path, index]);
        bufferPaths.push([...path, index]);
        buffers.push(toBuffer(item));
        return null;
      });
    }
    if (!isJsonObject(value)) return value;
    const copy: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      if (isBinary(item)) {
        bufferPaths.push([...path, key]);
        buffers.push(toBuffer(item));
      } else {
        copy[key] = walk(item, [...path, key]);
      }
    }
    return copy;
  };
  return { state: walk(state, []) as JsonObject, bufferPaths, buffers };
}

/** Puts received buffers back into `state` (modified in place) at their paths. */
export function insertBuffers(
  state: JsonObject,
  bufferPaths: unknown,
  buffers: Buffer[],
): JsonObject {
  if (!Array.isArray(bufferPaths)) return state;
  bufferPaths.forEach((path: unknown, index) => {
    const buffer = buffers[index];
    if (!Array.isArray(path) || path.length === 0 || !buffer) return;
    let container: unknown = state;
    for (const key of path.slice(0, -1)) {
      container = (container as Record<string | number, unknown> | undefined)?.[
        key as string | number
      ];
    }
    if (typeof container === "object" && container !== null) {
      (container as Record<string | number, unknown>)[path[path.length - 1] as string | number] =
        buffer;
    }
  });
  return state;
}
