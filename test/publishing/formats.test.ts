import fs from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { GIS, type Item } from "tsgis";
import { startPortal, type RunningPortal } from "@tsgis/portal";

const PUBLISHER = { username: "publisher", password: "tsgis-publisher-1" };

/** A two-point shapefile written byte by byte from the format description, not by the portal. */
function pointShapefileZip(): Buffer {
  const points = [
    [13.405, 52.52],
    [-0.1276, 51.5072],
  ];
  const shp = Buffer.alloc(100 + points.length * 28);
  const shx = Buffer.alloc(100 + points.length * 8);
  for (const file of [shp, shx]) {
    file.writeInt32BE(9994, 0);
    file.writeInt32BE(file.length / 2, 24);
    file.writeInt32LE(1000, 28);
    file.writeInt32LE(1, 32);
    [-0.1276, 51.5072, 13.405, 52.52].forEach((value, index) =>
      file.writeDoubleLE(value, 36 + index * 8),
    );
  }
  points.forEach(([x, y], index) => {
    const offset = 100 + index * 28;
    shp.writeInt32BE(index + 1, offset);
    shp.writeInt32BE(10, offset + 4);
    shp.writeInt32LE(1, offset + 8);
    shp.writeDoubleLE(x, offset + 12);
    shp.writeDoubleLE(y, offset + 20);
    shx.writeInt32BE(offset / 2, 100 + index * 8);
    shx.writeInt32BE(10, 104 + index * 8);
  });
  const header = 32 + 2 * 32 + 1;
  const recordLength = 1 + 12 + 8;
  const dbf = Buffer.alloc(header + 2 * recordLength + 1, 0x20);
  dbf.fill(0, 0, header);
  dbf[0] = 3;
  dbf.writeUInt32LE(2, 4);
  dbf.writeUInt16LE(header, 8);
  dbf.writeUInt16LE(recordLength, 10);
  dbf.write("CITY", 32, "latin1");
  dbf[43] = "C".charCodeAt(0);
  dbf[48] = 12;
  dbf.write("POP", 64, "latin1");
  dbf[75] = "N".charCodeAt(0);
  dbf[80] = 8;
  dbf[header - 1] = 0x0d;
  [
    ["Berlin", "3426354"],
    ["London", "8961989"],
  ].forEach(([city, population], index) => {
    const start = header + index * recordLength;
    dbf.write(city, start + 1, "latin1");
    dbf.write(population.padStart(8, " "), start + 13, "latin1");
  });
  dbf[dbf.length - 1] = 0x1a;
  return Buffer.from(zipSync({ "cities.shp": shp, "cities.shx": shx, "cities.dbf": dbf }));
}

/** A workbook with shared strings, as spreadsheet programs write them. */
function sharedStringsWorkbook(): Buffer {
  const strings = ["site", "lat", "lon", "Uluru", "Table Mountain"];
  const shared = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((text) => `<si><t>${text}</t></si>`).join("")}</sst>`;
  const sheet =
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
    '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>-25.3444</v></c><c r="C2"><v>131.0369</v></c></row>' +
    '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3"><v>-33.9628</v></c><c r="C3"><v>18.4098</v></c></row>' +
    "</sheetData></worksheet>";
  const workbook =
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sites" sheetId="1" r:id="rId7"/></sheets></workbook>';
  const relations =
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Target="worksheets/data.xml" Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>';
  return Buffer.from(
    zipSync({
      "xl/workbook.xml": strToU8(workbook),
      "xl/_rels/workbook.xml.rels": strToU8(relations),
      "xl/worksheets/data.xml": strToU8(sheet),
      "xl/sharedStrings.xml": strToU8(shared),
    }),
  );
}

describe("publishing and exporting Shapefiles and Excel workbooks", () => {
  let portal: RunningPortal;
  let gis: GIS;

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
    gis = await GIS.connect({ url: portal.url, ...PUBLISHER, setActive: false });
  });

  afterAll(async () => {
    gis.close();
    await portal.close();
  });

  let shapefileLayerItem: Item;

  it("publishes a zipped shapefile and queries it in two spatial references", async () => {
    const zip = await gis.content.add(
      { title: "Capitals", type: "Shapefile", fileName: "capitals.zip" },
      { data: pointShapefileZip() },
    );
    shapefileLayerItem = await zip.publish();
    const [layer] = await shapefileLayerItem.getLayers();
    const set = await layer.query({ orderByFields: "CITY", outSr: 4326 });
    expect(set.features.map((feature) => feature.attributes)).toEqual([
      { OBJECTID: 1, CITY: "Berlin", POP: 3426354 },
      { OBJECTID: 2, CITY: "London", POP: 8961989 },
    ]);
    expect(set.features[1].geometry).toMatchObject({ x: -0.1276, y: 51.5072 });
    const mercator = await layer.query({ where: "POP > 5000000" });
    expect(mercator.features[0].geometry?.x as number).toBeCloseTo(-14_204, -1);
  });

  it("analyzes and publishes an Excel workbook with coordinate columns", async () => {
    const workbook = await gis.content.add(
      { title: "Sites", type: "Microsoft Excel", fileName: "sites.xlsx" },
      { data: sharedStringsWorkbook() },
    );
    const analyzed = await gis.content.analyze({ item: workbook, fileType: "excel" });
    expect(analyzed.publishParameters).toMatchObject({
      locationType: "coordinates",
      latitudeFieldName: "lat",
      longitudeFieldName: "lon",
    });
    const layerItem = await workbook.publish();
    const [layer] = await layerItem.getLayers();
    const rows = await layer.query({ outSr: 4326, asDf: true, orderByFields: "site" });
    expect(rows.map((row) => row.site)).toEqual(["Table Mountain", "Uluru"]);
    expect(rows[1].SHAPE).toMatchObject({ x: 131.0369, y: -25.3444 });
  });

  it("exports to a shapefile whose files follow the format", async () => {
    const exported = (await shapefileLayerItem.export("Capitals again", "Shapefile")) as Item;
    expect(exported.type).toBe("Shapefile");
    const files = unzipSync(fs.readFileSync(String(await exported.getData())));
    const names = Object.keys(files).sort();
    expect(names.map((name) => name.replace(/^.*\./, ""))).toEqual([
      "cpg",
      "dbf",
      "prj",
      "shp",
      "shx",
    ]);
    const shp = Buffer.from(files[names.find((name) => name.endsWith(".shp"))!]);
    expect(shp.readInt32BE(0)).toBe(9994);
    expect(shp.readInt32LE(32)).toBe(1);
    expect(shp.readInt32BE(24) * 2).toBe(shp.length);
    expect(shp.readDoubleLE(100 + 8 + 4)).toBeCloseTo(13.405, 6);
    const dbf = Buffer.from(files[names.find((name) => name.endsWith(".dbf"))!]);
    expect(dbf.readUInt32LE(4)).toBe(2);
    expect(strFromU8(files[names.find((name) => name.endsWith(".prj"))!])).toMatch(
      /^GEOGCS\["GCS_WGS_1984"/,
    );
    const republished = await (
      await gis.content.add(
        { title: "Round trip", type: "Shapefile", fileName: "round.zip" },
        { data: fs.readFileSync(String(await exported.getData())) },
      )
    ).publish();
    const [layer] = await republished.getLayers();
    expect(await layer.query({ where: "CITY = 'London'", returnCountOnly: true })).toBe(1);
  });

  it("exports to an Excel workbook with a header row and the values", async () => {
    const exported = (await shapefileLayerItem.export("Capitals sheet", "Excel")) as Item;
    expect(exported.type).toBe("Microsoft Excel");
    const files = unzipSync(fs.readFileSync(String(await exported.getData())));
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain('<t xml:space="preserve">CITY</t>');
    expect(sheet).toContain('<t xml:space="preserve">London</t>');
    expect(sheet).toContain("<v>8961989</v>");
  });

  it("reports a broken archive clearly", async () => {
    const broken = await gis.content.add(
      { title: "Broken", type: "Shapefile", fileName: "broken.zip" },
      { data: Buffer.from("not a zip") },
    );
    await expect(broken.publish()).rejects.toThrow(/zip/);
  });
});
