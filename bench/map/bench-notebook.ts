// The notebook the map benchmarks open: one set-up cell that signs in as the demo publisher and
// publishes the public hosted point layer both the widget and the bare view draw; it answers
// with the layer's URL.
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";

const SETUP_CELL = [
  'import { GIS } from "tsgis";',
  "const gis = await GIS.connect({",
  "  url: process.env.TSGIS_PORTAL_URL!,",
  '  username: "publisher",',
  '  password: "tsgis-publisher-1",',
  "});",
  // One public hosted point layer that both the widget and the bare page draw over the basemap.
  "const benchPoints = {",
  '  type: "FeatureCollection",',
  "  features: Array.from({ length: 500 }, (_, i) => ({",
  '    type: "Feature",',
  '    geometry: { type: "Point", coordinates: [2.1 + (i % 25) * 0.02, 48.7 + Math.floor(i / 25) * 0.02] },',
  "    properties: { rank: i },",
  "  })),",
  "};",
  "const benchFile = await gis.content.add(",
  '  { title: "Map bench points", type: "GeoJson" },',
  "  { data: Buffer.from(JSON.stringify(benchPoints)) },",
  ");",
  "const benchLayerItem = await benchFile.publish({ publishParameters: { name: `map_bench_${benchFile.id}` } });",
  "await benchLayerItem.share({ everyone: true });",
  "const [benchLayer] = await benchLayerItem.getLayers();",
  "benchLayer.url",
].join("\n");

export function benchNotebook(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "tsgis-map-bench-"));
  const file = path.join(folder, "map-bench.ipynb");
  const notebook = {
    cells: [
      { cell_type: "code", metadata: {}, execution_count: null, outputs: [], source: SETUP_CELL },
    ],
    metadata: {
      kernelspec: { display_name: "TypeScript (tsgis)", language: "typescript", name: "tsgis" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  writeFileSync(file, JSON.stringify(notebook));
  return file;
}
