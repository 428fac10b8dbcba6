import { canonicalWkid, projectPoint, type SupportedWkid } from "../features/projection";
import { invalidParameter } from "../server/arcgis-error";
import { optionalString } from "../server/param-readers";

/** Reads a point given as "x,y" or as `{x, y, spatialReference}` JSON, as longitude/latitude. */
export function readPoint(
  params: Record<string, string>,
  name: string,
): { lon: number; lat: number } | undefined {
  const text = optionalString(params, name);
  if (text === undefined) return undefined;
  let x: unknown;
  let y: unknown;
  let wkid: SupportedWkid | null = 4326;
  if (text.trim().startsWith("{")) {
    let parsed: { x?: unknown; y?: unknown; spatialReference?: { wkid?: unknown } };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      throw invalidParameter(name, "is not valid JSON.");
    }
    x = parsed.x;
    y = parsed.y;
    if (parsed.spatialReference) wkid = canonicalWkid(parsed.spatialReference.wkid);
  } else {
    [x, y] = text.split(",").map((part) => Number(part.trim()));
  }
  if (wkid === null) throw invalidParameter(name, "must be in spatial reference 4326 or 102100.");
  if (typeof x !== "number" || typeof y !== "number" || !Number.isFinite(x + y)) {
    throw invalidParameter(name, "must be a point: x,y or {x, y, spatialReference}.");
  }
  const [lon, lat] = projectPoint(x, y, wkid, 4326);
  if (Math.abs(lat) > 90) throw invalidParameter(name, "has a latitude outside -90..90.");
  return { lon, lat };
}

/** Reads `outSR` given as a number or as `{wkid}` JSON; 4326 when absent. */
export function readOutSpatialReference(
  params: Record<string, string>,
  name = "outSR",
): SupportedWkid {
  const text = optionalString(params, name);
  if (text === undefined) return 4326;
  let wkid: unknown = text;
  if (text.trim().startsWith("{")) {
    try {
      wkid = (JSON.parse(text) as { wkid?: unknown; latestWkid?: unknown }).wkid;
    } catch {
      throw invalidParameter(name, "is not valid JSON.");
    }
  }
  const canonical = canonicalWkid(wkid);
  if (canonical === null) {
    throw invalidParameter(name, "must be 4326, 3857 or 102100 (the spatial references served).");
  }
  return canonical;
}

/** A comma-separated field list; `*` alone means every field. */
export function readFieldList(params: Record<string, string>, name: string): string[] {
  const text = optionalString(params, name);
  if (text === undefined) return [];
  return text
    .split(",")
    .map((field) => field.trim())
    .filter(Boolean);
}

/** Country codes from `countryCode` / `sourceCountry` ("USA" and "US" both work). */
export function readCountryCodes(
  params: Record<string, string>,
  toCode: (text: string) => string | undefined,
): string[] | undefined {
  const text = optionalString(params, "countryCode") ?? optionalString(params, "sourceCountry");
  if (text === undefined || text.toLowerCase() === "world") return undefined;
  return text.split(",").map((part) => {
    const code = toCode(part.trim());
    if (!code) throw invalidParameter("countryCode", `names an unknown country: ${part.trim()}.`);
    return code;
  });
}

/** The single-line text of an address given either as SingleLine or as separate fields. */
export function addressText(fields: Record<string, unknown>): string {
  const single = fields.SingleLine ?? fields.singleLine ?? fields.singleline;
  if (typeof single === "string" && single.trim()) return single;
  const parts = ["Address", "Address2", "Neighborhood", "City", "Subregion", "Region", "Postal"]
    .map((key) => fields[key])
    .filter((value) => typeof value === "string" && value.trim() !== "") as string[];
  const country = fields.CountryCode ?? fields.countryCode;
  if (typeof country === "string" && country.trim()) parts.push(country);
  return parts.join(", ");
}
