// vt-pbf ships no types; this is the one function the basemap calls.
declare module "vt-pbf" {
  /** A tile's layers in geojson-vt's JSON form, encoded as a Mapbox Vector Tile. */
  export function fromGeojsonVt(
    layers: Record<string, { features: unknown[] }>,
    options?: { version?: number; extent?: number },
  ): Uint8Array;
}
