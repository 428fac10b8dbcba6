// Reassigning a user's hosted feature layer moves its service too, so the layer keeps working
// for its new owner and the old owner can then be deleted (the portal used to answer that
// deletion with an internal error, because the service still named the old owner).
import { FeatureLayerCollection } from "tsgis";
import { startTestOrg, type TestOrg } from "./helpers";

describe("reassigning hosted feature layers", () => {
  let org: TestOrg;

  beforeAll(async () => {
    org = await startTestOrg();
  });

  afterAll(() => org.close());

  it("lets the former owner be deleted once their content is reassigned", async () => {
    const gis = org.admin;
    await gis.users.create(
      "leaving_publisher",
      "Aa1-leaving-secret",
      "Leaving",
      "Publisher",
      "l@example.com",
      {
        role: "org_publisher",
      },
    );
    await gis.content.createFolder("projects", { owner: "leaving_publisher" });
    const service = await gis.content.createService("Leaving_layer", {
      owner: "leaving_publisher",
      folder: "projects",
      itemProperties: { title: "Leaving layer" },
    });
    await FeatureLayerCollection.fromItem(service).manager.addToDefinition({
      layers: [{ name: "Points", geometryType: "esriGeometryPoint", fields: [] }],
    });
    const leaving = (await gis.users.get("leaving_publisher"))!;
    expect(await leaving.delete({ reassignTo: "admin" })).toBe(true);
    expect(await gis.users.get("leaving_publisher")).toBeNull();

    const moved = (await gis.content.get(service.id))!;
    expect(moved.owner).toBe("admin");
    const [layer] = await moved.getLayers();
    expect(await layer.query({ where: "1=1", returnCountOnly: true })).toBe(0);
    await moved.delete();
  });
});
