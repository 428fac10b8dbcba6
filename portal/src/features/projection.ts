/**
 * The two spatial references the portal stores and serves: WGS 84 (4326) and Web Mercator
 * (3857, also known by its older id 102100). Everything else is refused by the callers.
 */
export type SupportedWkid = 4326 | 3857;

const EARTH_RADIUS = 6378137;
const MAX_MERCATOR_LATITUDE = 85.0511287798;

/** Maps a wkid the clients send to one of the two supported ones, or null. */
export function canonicalWkid(wkid: unknown): SupportedWkid | null {
  const value = typeof wkid === "string" ? Number(wkid) : wkid;
  if (value === 4326) return 4326;
  if (value === 3857 || value === 102100 || value === 102113 || value === 900913) return 3857;
  return null;
}

/** The JSON a response carries for a spatial reference, with `latestWkid` as the real API does. */
export function spatialReferenceJson(wkid: SupportedWkid): { wkid: number; latestWkid: number } {
  return wkid === 4326 ? { wkid: 4326, latestWkid: 4326 } : { wkid: 102100, latestWkid: 3857 };
}

export function lonLatToMercator(lon: number, lat: number): [number, number] {
  const clamped = Math.max(-MAX_MERCATOR_LATITUDE, Math.min(MAX_MERCATOR_LATITUDE, lat));
  const x = (lon * Math.PI * EARTH_RADIUS) / 180;
  const y = Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)) * EARTH_RADIUS;
  return [x, y];
}

/** Degrees rounded to 1e-9 (0.1 mm), so a stored WGS 84 point comes back as it was sent. */
const roundDegrees = (value: number): number => Math.round(value * 1e9) / 1e9;

export function mercatorToLonLat(x: number, y: number): [number, number] {
  const lon = (x / EARTH_RADIUS) * (180 / Math.PI);
  const lat = (2 * Math.atan(Math.exp(y / EARTH_RADIUS)) - Math.PI / 2) * (180 / Math.PI);
  return [roundDegrees(lon), roundDegrees(lat)];
}

/** Converts one coordinate pair between the supported references. */
export function projectPoint(
  x: number,
  y: number,
  from: SupportedWkid,
  to: SupportedWkid,
): [number, number] {
  if (from === to) return [x, y];
  return from === 4326 ? lonLatToMercator(x, y) : mercatorToLonLat(x, y);
}
