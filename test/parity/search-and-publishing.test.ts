import type { FeatureLayer, Item } from "tsgis";
import { closeAll } from "../support/teardown";
import { startTestOrg, type TestOrg } from "../users/helpers";

describe("the portal analyses search text and keeps data types as ArcGIS Online does", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await startTestOrg();
  });
  afterAll(async () => {
    await closeAll(org);
  });

  // ArcGIS Online search ("Search reference" of the ArcGIS REST API): text is matched by its
  // words whatever the case or punctuation, English stop words such as a lower-case "and" are
  // ignored, and only the upper-case AND, OR and NOT are operators.
  it("analyses search text in the index and in the query", async () => {
    const content = org.publisher.content;
    await content.add({
      title: "World Basemaps",
      type: "Web Map",
      tags: ["reference"],
      description: "A collection of the Esri basemaps.",
      text: "{}",
    });
    await content.add({
      title: "Rivers and Lakes",
      type: "Web Map",
      tags: ["hydro"],
      description: "Rivers, lakes; reservoirs!",
      text: "{}",
    });
    const titles = async (q: string): Promise<string[]> =>
      (await content.search(q, { maxItems: 10, sortField: "title", sortOrder: "asc" })).map(
        (item) => String(item.title),
      );

    expect(await titles("owner:publisher and description:basemaps")).toEqual(["World Basemaps"]);
    expect(await titles("description:basemaps")).toEqual(["World Basemaps"]);
    expect(await titles("description:BASEMAPS")).toEqual(["World Basemaps"]);
    expect(await titles("description:reservoirs")).toEqual(["Rivers and Lakes"]);
    expect(await titles("description:lakes")).toEqual(["Rivers and Lakes"]);
    // A phrase is matched with its stop words left out on both sides.
    expect(await titles('title:"rivers and lakes"')).toEqual(["Rivers and Lakes"]);
    expect(await titles('"the esri basemaps"')).toEqual(["World Basemaps"]);
    // Upper-case operators still work; a lower-case "or" is a stop word, not an operator.
    expect(await titles("description:basemaps OR description:reservoirs")).toEqual([
      "Rivers and Lakes",
      "World Basemaps",
    ]);
    expect(await titles("description:basemaps or description:reservoirs")).toEqual([]);
    expect(await titles("owner:publisher NOT tags:hydro")).toEqual(["World Basemaps"]);
    // A stop word beside another clause drops out rather than restricting the search.
    expect(await titles("the AND tags:hydro")).toEqual(["Rivers and Lakes"]);
  });

  async function publishedLayer(
    title: string,
    type: string,
    fileName: string,
    text: string,
  ): Promise<FeatureLayer> {
    const data: Item = await org.publisher.content.add(
      { title, type, tags: "parity", fileName },
      { data: Buffer.from(text) },
    );
    const layerItem = await data.publish();
    const [layer] = await layerItem.getLayers();
    return layer;
  }

  // GeoJSON (RFC 7946) carries its property types: ArcGIS Online publishes a string "06" as a
  // string field and keeps the value as it is.
  it("keeps GeoJSON property types when publishing", async () => {
    const geojson = JSON.stringify({
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          geometry: { type: "Point", coordinates: [-120, 37] },
          properties: { state: "06", name: "California", population: 39_000_000, code: "1" },
        },
        {
          type: "Feature",
          geometry: { type: "Point", coordinates: [-99, 31] },
          properties: { state: "48", name: "Texas", population: 30_000_000, code: "2" },
        },
      ],
    });
    const layer = await publishedLayer("States", "GeoJson", "states.geojson", geojson);
    const fields = Object.fromEntries(
      ((await layer.getProperties()).fields as { name: string; type: string }[]).map((f) => [
        f.name,
        f.type,
      ]),
    );
    expect(fields.state).toBe("esriFieldTypeString");
    expect(fields.code).toBe("esriFieldTypeString");
    expect(fields.population).toBe("esriFieldTypeInteger");
    const set = await layer.query({ where: "1=1", outFields: "*", orderByFields: "name" });
    expect(set.features.map((f) => f.attributes.state)).toEqual(["06", "48"]);
  });

  // CSV has no types: ArcGIS Online reads a column as numbers only when every value is one, and
  // keeps codes with leading zeros as text.
  it("keeps CSV columns with leading zeros or mixed content as text", async () => {
    const csv = [
      "name,zip,fips,mixed,count,latitude,longitude",
      "Boston,02108,025,12,7,42.36,-71.06",
      "Austin,73301,48453,12b,9,30.27,-97.74",
    ].join("\n");
    const layer = await publishedLayer("Cities", "CSV", "cities.csv", csv);
    const fields = Object.fromEntries(
      ((await layer.getProperties()).fields as { name: string; type: string }[]).map((f) => [
        f.name,
        f.type,
      ]),
    );
    expect(fields.zip).toBe("esriFieldTypeString");
    expect(fields.fips).toBe("esriFieldTypeString");
    expect(fields.mixed).toBe("esriFieldTypeString");
    expect(fields.count).toBe("esriFieldTypeInteger");
    const set = await layer.query({ where: "1=1", outFields: "*", orderByFields: "name" });
    expect(set.features.map((f) => [f.attributes.zip, f.attributes.fips])).toEqual([
      ["73301", "48453"],
      ["02108", "025"],
    ]);
  });
});
