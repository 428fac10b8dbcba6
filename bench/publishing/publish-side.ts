import { GIS } from "tsgis";
import type { RunInput, SidePrepare } from "../lib/case-types";

/**
 * The client of the publishing case: adds the CSV as an item, publishes it (waiting for the
 * job) and reads every row back a page at a time. Signing in is not timed.
 */
export const publishTsgis: SidePrepare = async (input: RunInput) => {
  const gis = await GIS.connect({
    url: String(input.url),
    username: String(input.username),
    password: String(input.password),
    setActive: false,
  });
  return async () => {
    const started = process.hrtime.bigint();
    const csv = await gis.content.add(
      { title: "Bench rows", type: "CSV", fileName: "bench-rows.csv" },
      { data: String(input.filePath) },
    );
    const layerItem = await csv.publish();
    const publishMs = Number(process.hrtime.bigint() - started) / 1e6;
    const [layer] = await layerItem.getLayers();
    const pageSize = Number(input.pageSize);
    let rows = 0;
    let pages = 0;
    let sum = 0;
    for (let offset = 0; ; offset += pageSize) {
      const page = await layer.query({
        outFields: "id,value",
        orderByFields: "id",
        resultOffset: offset,
        resultRecordCount: pageSize,
        returnGeometry: true,
      });
      pages += 1;
      rows += page.features.length;
      for (const feature of page.features) sum += Number(feature.attributes.value);
      if (!page.exceededTransferLimit) break;
    }
    gis.close();
    return { publishMs, rows, pages, valueSum: sum };
  };
};
