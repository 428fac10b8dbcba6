import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { zipSync } from "fflate";
import type { FeatureCollection } from "tsgis";
import { closeAll } from "../support/teardown";
import { startTestOrg, type TestOrg } from "../users/helpers";

describe("content and users behave as in the Python API", () => {
  let org: TestOrg;
  let folder: string;
  beforeAll(async () => {
    org = await startTestOrg();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-parity-"));
  });
  afterAll(async () => {
    await closeAll(org);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  // Python's ContentManager.search (arcgis/gis/__init__.py) turns `item_type` values into the
  // types the portal indexes: "Feature Layer" is a "Feature Service" item, and "Web Map"
  // excludes "Web Mapping Application".
  it("maps itemType values as Python maps item_type", async () => {
    const content = org.publisher.content;
    const tag = "itemtypemapping";
    const map = await content.add({ title: "A map", type: "Web Map", tags: [tag], text: "{}" });
    const app = await content.add({
      title: "An app",
      type: "Web Mapping Application",
      tags: [tag],
      url: "https://example.com/app",
    });
    const service = await content.add({
      title: "A service",
      type: "Feature Service",
      tags: [tag],
      url: "https://example.com/arcgis/rest/services/x/FeatureServer",
    });
    const titles = async (itemType: string): Promise<string[]> =>
      (await content.search(`tags:${tag}`, { itemType, maxItems: 10 })).map((i) => String(i.title));

    expect(await titles("Feature Layer")).toEqual([service.title]);
    expect(await titles("feature layer collection")).toEqual([service.title]);
    expect(await titles("Web Map")).toEqual([map.title]);
    expect(await titles("Web Mapping Application")).toEqual([app.title]);
    expect(await titles("Scene Layer")).toEqual([]);
  });

  // Python's ContentManager.add infers the item type from the file when item_properties has none.
  it("infers the item type of added files", async () => {
    const content = org.publisher.content;
    const files: Record<string, Buffer | string> = {
      "trees.csv": "name,height\noak,20\n",
      "parks.geojson": JSON.stringify({ type: "FeatureCollection", features: [] }),
      "report.pdf": "%PDF-1.4\n%%EOF\n",
      "photo.png": Buffer.from(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
        "base64",
      ),
      "table.xlsx": Buffer.from(
        zipSync({ "[Content_Types].xml": new Uint8Array([60, 97, 47, 62]) }),
      ),
      "roads.zip": Buffer.from(
        zipSync({
          "roads.shp": new Uint8Array(100),
          "roads.shx": new Uint8Array(100),
          "roads.dbf": new Uint8Array(33),
        }),
      ),
      "base.zip": Buffer.from(zipSync({ "base.gdb/a00000001.gdbtable": new Uint8Array(8) })),
    };
    const expected: Record<string, string> = {
      "trees.csv": "CSV",
      "parks.geojson": "GeoJson",
      "report.pdf": "PDF",
      "photo.png": "Image",
      "table.xlsx": "Microsoft Excel",
      "roads.zip": "Shapefile",
      "base.zip": "File Geodatabase",
    };
    for (const [name, bytes] of Object.entries(files)) {
      const file = path.join(folder, name);
      fs.writeFileSync(file, bytes);
      const item = await content.add({ title: name, tags: ["inferred"] }, { data: file });
      expect([name, item.type]).toEqual([name, expected[name]]);
    }
    // Bytes with a file name are read the same way.
    const fromBuffer = await content.add(
      { title: "Buffered", fileName: "more.csv" },
      { data: Buffer.from("a,b\n1,2\n") },
    );
    expect(fromBuffer.type).toBe("CSV");

    const unknown = path.join(folder, "notes.unknownext");
    fs.writeFileSync(unknown, "x");
    await expect(content.add({ title: "?" }, { data: unknown })).rejects.toThrow(
      /itemProperties\.type/,
    );
    const plainZip = path.join(folder, "plain.zip");
    fs.writeFileSync(plainZip, Buffer.from(zipSync({ "readme.txt": new Uint8Array(3) })));
    await expect(content.add({ title: "?" }, { data: plainZip })).rejects.toThrow(
      /itemProperties\.type/,
    );
  });

  // A Feature Collection item keeps its layers in its data (REST API "Feature collection" item
  // data: { layers: [{ layerDefinition, featureSet }] }); Python's Item.layers reads them there.
  it("reads a Feature Collection item's layers from its data", async () => {
    const layer = (name: string, x: number) => ({
      layerDefinition: {
        name,
        geometryType: "esriGeometryPoint",
        objectIdField: "OBJECTID",
        fields: [
          { name: "OBJECTID", type: "esriFieldTypeOID" },
          { name: "label", type: "esriFieldTypeString" },
        ],
      },
      featureSet: {
        geometryType: "esriGeometryPoint",
        features: [{ attributes: { OBJECTID: 1, label: name }, geometry: { x, y: 1 } }],
      },
    });
    const item = await org.publisher.content.add({
      title: "Sketches",
      type: "Feature Collection",
      tags: ["fc"],
      text: JSON.stringify({ layers: [layer("Stops", 3), layer("Depots", 4)] }),
    });
    const layers = await item.getLayers<FeatureCollection>();
    expect(layers).toHaveLength(2);
    expect(layers.map((l) => l.properties.layerDefinition.name)).toEqual(["Stops", "Depots"]);
    expect(layers[1].query().features[0].attributes.label).toBe("Depots");

    const empty = await org.publisher.content.add({
      title: "Nothing",
      type: "Feature Collection",
      tags: ["fc"],
      text: "{}",
    });
    expect(await empty.getLayers()).toEqual([]);
  });

  // ArcGIS Online gives a member created without a role the organisation's default role for new
  // members (portals/self/userDefaultSettings), as Python's UserManager.create does.
  it("gives new members without a role the organisation's default role", async () => {
    const admin = org.admin.users;
    expect(await admin.setUserSettings({ role: "org_publisher" })).toBe(true);
    try {
      const defaulted = await admin.create(
        "parity_default1",
        "parity-password-1",
        "Pat",
        "Default",
        "pat.default@example.com",
      );
      expect(defaulted?.role).toBe("org_publisher");
      const chosen = await admin.create(
        "parity_chosen1",
        "parity-password-1",
        "Cy",
        "Chosen",
        "cy.chosen@example.com",
        { role: "org_user" },
      );
      expect(chosen?.role).toBe("org_user");
      // The portal applies the same default to an invitation that names no role.
      await org.admin.session.post("portals/self/invite", {
        invitationList: {
          invitations: [
            {
              username: "parity_rest1",
              password: "parity-password-1",
              firstname: "Rae",
              lastname: "Rest",
              email: "rae.rest@example.com",
            },
          ],
        },
      });
      expect((await admin.get("parity_rest1"))?.role).toBe("org_publisher");
    } finally {
      await admin.setUserSettings(null);
    }
    const plain = await admin.create(
      "parity_plain1",
      "parity-password-1",
      "Po",
      "Plain",
      "po.plain@example.com",
    );
    expect(plain?.role).toBe("org_user");
  });
});
