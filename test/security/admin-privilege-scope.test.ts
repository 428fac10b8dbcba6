// A custom role that holds one administrative privilege reports `role: org_admin` (as ArcGIS
// Online does), but it administers only what that privilege names: it may not build a view over,
// export, or replace another member's private hosted layer.
import { ArcGISError, FeatureLayerCollection, type GIS, type Item } from "tsgis";
import { closeAll } from "../support/teardown";
import { startTestOrg, type TestOrg } from "../users/helpers";

const CSV = ["name,latitude,longitude", "Rome,41.9,12.5", "Oslo,59.9,10.7"].join("\n");

async function codeOf(promise: Promise<unknown>): Promise<number | "succeeded"> {
  try {
    await promise;
    return "succeeded";
  } catch (error) {
    if (error instanceof ArcGISError) return error.code;
    throw error;
  }
}

async function publishCsv(gis: GIS, title: string): Promise<{ csv: Item; layer: Item }> {
  const csv = await gis.content.add(
    { title, type: "CSV", tags: "scope", fileName: `${title}.csv` },
    { data: Buffer.from(CSV) },
  );
  return { csv, layer: await csv.publish() };
}

describe("a custom role with one admin privilege", () => {
  let org: TestOrg;
  let custom: GIS;
  let privateLayer: Item;
  let privateServiceName: string;

  beforeAll(async () => {
    org = await startTestOrg();
    const role = (await org.admin.users.roles.create(
      "Help-desk publisher",
      "Publishes, views users",
      {
        privileges: [
          "portal:user:createItem",
          "portal:publisher:publishFeatures",
          "portal:admin:viewUsers",
        ],
      },
    ))!;
    const member = (await org.admin.users.create(
      "helpdesk_pub",
      "helpdesk-pub-1",
      "H",
      "P",
      "h@example.com",
      { role },
    ))!;
    expect(member.role).toBe("org_admin");
    custom = await org.connect("helpdesk_pub", "helpdesk-pub-1");
    ({ layer: privateLayer } = await publishCsv(org.publisher, "Publisher_private"));
    privateServiceName = String(privateLayer.url).split("/").slice(-2, -1)[0]!;
  }, 180_000);

  afterAll(async () => {
    await closeAll(org);
  });

  it("builds no view over another member's private layer", async () => {
    const view = await custom.content.createService(`${privateServiceName}_peek`, {
      isView: true,
      capabilities: "Query",
    });
    const definition = FeatureLayerCollection.fromItem(view).manager.addToDefinition({
      layers: [
        {
          name: "Peek",
          adminLayerInfo: {
            viewLayerDefinition: { sourceServiceName: privateServiceName, sourceLayerId: 0 },
          },
        },
      ],
    });
    expect(await codeOf(definition)).toBe(403);
  });

  it("exports no other member's private layer", async () => {
    const exported = custom.session.post("content/users/helpdesk_pub/export", {
      itemId: privateLayer.id,
      exportFormat: "CSV",
      title: "Taken",
    });
    expect(await codeOf(exported)).toBe(403);
  });

  it("replaces no other member's service with its own", async () => {
    const { layer: own } = await publishCsv(custom, "Helpdesk_staging");
    const replaced = custom.session.post("content/users/helpdesk_pub/replaceService", {
      toReplaceItemId: privateLayer.id,
      replacementItemId: own.id,
      replacedServiceName: "Taken_over",
    });
    expect(await codeOf(replaced)).toBe(403);
    expect((await org.publisher.content.get(privateLayer.id))?.url).toBe(privateLayer.url);
  });
});
