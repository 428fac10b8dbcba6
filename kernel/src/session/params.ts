/** A value that can be sent as a REST parameter before encoding. */
export type ParamValue =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | readonly unknown[]
  | { readonly [key: string]: unknown };

export type RequestParams = Record<string, ParamValue>;

/**
 * Encodes parameters the way the ArcGIS REST API reads them: arrays of scalars comma-joined,
 * arrays of objects and objects as JSON, dates as epoch milliseconds, booleans as
 * "true"/"false"; null and undefined are dropped rather than sent as the string "null".
 */
export function encodeParams(params: RequestParams): Record<string, string> {
  const encoded: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const text = encodeValue(value);
    if (text !== undefined) encoded[key] = text;
  }
  return encoded;
}

function encodeValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return String(value.getTime());
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return String(value);
  }
  if (Array.isArray(value)) {
    const allScalars = value.every(
      (v) => typeof v === "string" || typeof v === "number" || typeof v === "boolean",
    );
    return allScalars ? value.join(",") : JSON.stringify(value);
  }
  return JSON.stringify(value);
}
