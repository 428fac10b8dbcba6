import { ArcGISError, FeatureLayerCollection, type GIS, type Item } from "tsgis";
import { closeAll } from "../support/teardown";
import { startTestOrg, type TestOrg } from "../users/helpers";

const CSV = ["name,latitude,longitude", "Rome,41.9,12.5", "Oslo,59.9,10.7"].join("\n");

async function failure(promise: Promise<unknown>): Promise<ArcGISError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ArcGISError) return error;
    throw error;
  }
  throw new Error("expected the request to fail");
}

// ArcGIS Online's "Reassign Item" hands over what the item stands for: a hosted feature layer's
// service and data go to the new owner (the old one keeps no owner rights), and "Reassign Group"
// makes the new owner the group's owner while the old owner stays as a plain member.
describe("reassigning hosted layers and groups as on ArcGIS Online", () => {
  let org: TestOrg;
  let from: GIS;
  let to: GIS;
  beforeAll(async () => {
    org = await startTestOrg();
    for (const name of ["parity_from1", "parity_to01"]) {
      await org.admin.users.create(name, "parity-password-1", "P", name, `${name}@example.com`, {
        role: "org_publisher",
      });
    }
    from = await org.connect("parity_from1", "parity-password-1");
    to = await org.connect("parity_to01", "parity-password-1");
  });
  afterAll(async () => {
    await closeAll(org);
  });

  it("moves a hosted layer's service, views, data and source file, then the old owner can go", async () => {
    const csv = await from.content.add(
      { title: "Capitals", type: "CSV", tags: "parity", fileName: "capitals.csv" },
      { data: Buffer.from(CSV) },
    );
    const layerItem = await csv.publish();
    const serviceName = String(layerItem.url).split("/").slice(-2, -1)[0];
    const viewItem: Item = await from.content.createService(`${serviceName}_view`, {
      isView: true,
      capabilities: "Query",
    });
    await FeatureLayerCollection.fromItem(viewItem).manager.addToDefinition({
      layers: [
        {
          name: "Capitals view",
          adminLayerInfo: {
            viewLayerDefinition: { sourceServiceName: serviceName, sourceLayerId: 0 },
          },
        },
      ],
    });

    // Administrators reassign items (the REST reference's "Reassign Item").
    const asAdmin = (await org.admin.content.get(layerItem.id))!;
    expect(await asAdmin.reassignTo("parity_to01")).toBe(true);
    expect(asAdmin.owner).toBe("parity_to01");
    for (const moved of [csv, viewItem]) {
      expect((await org.admin.content.get(moved.id))?.owner).toBe("parity_to01");
    }

    // The new owner reads, edits and redefines the layer.
    const [asNewOwner] = await (await to.content.get(layerItem.id))!.getLayers();
    expect(await asNewOwner.query({ where: "1=1", returnCountOnly: true })).toBe(2);
    const serviceAdmin = String(layerItem.url).replace("/rest/services/", "/rest/admin/services/");
    const redefined = await to.session.post<{ success?: boolean }>(
      `${serviceAdmin}/updateDefinition`,
      { updateDefinition: { capabilities: "Query,Create,Update,Delete,Editing" } },
    );
    expect(redefined.success).toBe(true);
    const edit = await asNewOwner.editFeatures({
      adds: [{ attributes: { name: "Lima" }, geometry: { x: -77, y: -12 } }],
    });
    expect(edit.addResults?.[0]?.success).toBe(true);
    const [viewLayer] = await (await to.content.get(viewItem.id))!.getLayers();
    expect(await viewLayer.query({ where: "1=1", returnCountOnly: true })).toBe(3);

    // The old owner lost it: the item is private to its new owner.
    const layerUrl = `${String(layerItem.url)}/0`;
    expect((await failure(from.session.get(`${layerUrl}/query`, { where: "1=1" }))).code).toBe(403);
    const adminUrl = layerUrl.replace("/rest/services/", "/rest/admin/services/");
    expect(
      (
        await failure(
          from.session.post(`${adminUrl}/updateDefinition`, {
            updateDefinition: { description: "mine" },
          }),
        )
      ).code,
    ).toBe(403);

    // With nothing left, deleting the old owner works (it failed with HTTP 500 before).
    await expect((await org.admin.users.get("parity_from1"))!.delete()).resolves.toBe(true);
  });

  // Python's User.reassign_to moves every item; the source file that went along with its layer
  // is not an error, and the emptied account can then be deleted.
  it("reassigns a whole account whose layer took its source file along", async () => {
    await org.admin.users.create(
      "parity_leaver",
      "parity-password-1",
      "L",
      "Leaver",
      "l@example.com",
      {
        role: "org_publisher",
      },
    );
    const leaver = await org.connect("parity_leaver", "parity-password-1");
    const csv = await leaver.content.add(
      { title: "Leaving", type: "CSV", tags: "parity", fileName: "leaving.csv" },
      { data: Buffer.from(CSV) },
    );
    const layerItem = await csv.publish();
    const account = (await org.admin.users.get("parity_leaver"))!;
    expect(await account.reassignTo("parity_to01")).toBe(true);
    for (const id of [csv.id, layerItem.id]) {
      expect((await org.admin.content.get(id))?.owner).toBe("parity_to01");
    }
    await expect(account.delete()).resolves.toBe(true);
  });

  it("keeps the old owner of a reassigned group as a member, not a manager", async () => {
    const group = (await to.groups.create("Handover group", "parity", { access: "org" }))!;
    expect(await group.reassignTo("publisher")).toBe(true);
    const members = await (await org.admin.groups.get(group.id))!.getMembers();
    expect(members.owner).toBe("publisher");
    expect(members.admins).not.toContain("parity_to01");
    expect(members.users).toContain("parity_to01");
  });
});
