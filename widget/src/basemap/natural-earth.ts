// Land and country borders from Natural Earth (the world-atlas package's TopoJSON), turned
// into WGS84 rings ready for @arcgis/core, land polygons cut at the antimeridian.
import type { GeometryCollection, Topology } from "topojson-specification";
import { feature, mesh } from "topojson-client";
import { cutPolygonAtAntimeridian, type Ring } from "./antimeridian";

export interface OfflineWorld {
  /** Each land polygon: its rings (outer first), within -180…180. */
  land: Ring[][];
  /** Border lines between countries. */
  borders: [number, number][][];
}

type Polygonal = GeoJSON.Polygon | GeoJSON.MultiPolygon;

export function landPolygons(topology: Topology, objectName = "land"): Ring[][] {
  const collection = feature(topology, topology.objects[objectName]) as
    GeoJSON.FeatureCollection<Polygonal> | GeoJSON.Feature<Polygonal>;
  const features = "features" in collection ? collection.features : [collection];
  const polygons: Ring[][] = [];
  for (const { geometry } of features) {
    if (!geometry) continue;
    const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    for (const part of parts) polygons.push(...cutPolygonAtAntimeridian(part as Ring[]));
  }
  return polygons;
}

export function borderLines(topology: Topology, objectName = "countries"): [number, number][][] {
  const object = topology.objects[objectName] as GeometryCollection;
  const lines = mesh(topology, object, (a, b) => a !== b);
  return lines.coordinates.map((line) => line.map(([lon, lat]) => [lon, lat] as [number, number]));
}

export function offlineWorld(landTopology: Topology, countriesTopology: Topology): OfflineWorld {
  return { land: landPolygons(landTopology), borders: borderLines(countriesTopology) };
}
