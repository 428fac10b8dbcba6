import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { ArcGISError, CategorySchemaManager, Item, Layer } from "tsgis";
import { startTestOrg, type TestOrg } from "../users/helpers";

/** A zip of stored (uncompressed) entries, enough to test resource archives. */
function zipOf(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe("item resources, feedback, relationships, apps, categories, copies and clones", () => {
  let org: TestOrg;
  let folder: string;
  beforeAll(async () => {
    org = await startTestOrg();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-extras-"));
  });
  afterAll(async () => {
    await org.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("adds, lists, reads, updates and removes resources, archives included", async () => {
    const item = await org.user.content.add({ title: "Styled", type: "Web Map", text: "{}" });
    const logo = path.join(folder, "logo.png");
    fs.writeFileSync(logo, "png bytes");
    expect(await item.resources.add({ file: logo, folderName: "images" })).toMatchObject({
      success: true,
    });
    expect(await item.resources.add({ fileName: "config.json", text: '{"zoom":3}' })).toMatchObject(
      { success: true },
    );
    const archive = path.join(folder, "bundle.zip");
    fs.writeFileSync(archive, zipOf({ "a.txt": "alpha", "deep/b.txt": "beta" }));
    await item.resources.add({ file: archive, folderName: "unpacked", archive: true });
    expect((await item.resources.list()).map((r) => r.resource)).toEqual([
      "config.json",
      "images/logo.png",
      "unpacked/a.txt",
      "unpacked/deep/b.txt",
    ]);
    expect(await item.resources.get("config.json")).toEqual({ zoom: 3 });
    const saved = await item.resources.get("unpacked/deep/b.txt", {
      outFolder: folder,
      outFileName: "b-copy.txt",
    });
    expect(fs.readFileSync(saved as string, "utf8")).toBe("beta");
    await item.resources.update(null, { fileName: "config.json", text: '{"zoom":5}' });
    expect(await item.resources.get("config.json")).toEqual({ zoom: 5 });
    await expect(
      item.resources.update(null, { fileName: "absent.json", text: "{}" }),
    ).rejects.toThrow(/does not exist/);
    await expect(item.resources.add({ fileName: "run.exe", text: "x" })).rejects.toThrow(
      /not allowed/,
    );
    await expect(item.resources.add({ text: "x" })).rejects.toThrow(/fileName/);
    await expect(item.resources.add({})).rejects.toThrow(/file/);
    expect(await item.resources.remove({ file: "images/logo.png" })).toBe(true);
    await expect(item.resources.remove({ file: "images/logo.png" })).rejects.toThrow(ArcGISError);
    const other = await org.publisher.content.get(item.id);
    expect(other).toBeNull();
    expect(await item.resources.remove()).toBe(true);
    expect(await item.resources.list()).toEqual([]);
  });

  it("comments, rates, and marks content status", async () => {
    const item = await org.publisher.content.add({ title: "Rated", type: "CSV" });
    await item.share({ org: true });
    const seen = (await org.user.content.get(item.id))!;
    const commentId = await seen.addComment("Useful data");
    expect(typeof commentId).toBe("string");
    expect((await item.getComments()).map((c) => [c.owner, c.comment])).toEqual([
      ["user", "Useful data"],
    ]);
    await expect(seen.addComment("")).rejects.toThrow(/comment/);
    expect(await seen.setRating(4)).toBe(true);
    expect(await seen.getRating()).toBe(4);
    await item.refresh();
    expect(item.avgRating).toBe(4);
    await expect(seen.setRating(7)).rejects.toThrow(/^n: 7 is outside 1…5$/);
    await expect(item.setRating(5)).rejects.toThrow(/own item/);
    expect(await seen.deleteRating()).toBe(true);
    expect(await seen.getRating()).toBeNull();
    expect(await item.setContentStatus("deprecated")).toBe(true);
    expect(item.contentStatus).toBe("deprecated");
    await expect(item.setContentStatus("authoritative")).rejects.toThrow(ArcGISError);
    const asAdmin = (await org.admin.content.get(item.id))!;
    expect(await asAdmin.setContentStatus("authoritative")).toBe(true);
    expect(asAdmin.contentStatus).toBe("authoritative");
    expect(await asAdmin.setContentStatus(null)).toBe(true);
    expect(asAdmin.contentStatus).toBeNull();
    await expect(item.setContentStatus("gold" as "deprecated")).rejects.toThrow(RangeError);
  });

  it("relates items and lists related items both ways", async () => {
    const map = await org.user.content.add({ title: "Map", type: "Web Map", text: "{}" });
    const service = await org.user.content.add({
      title: "Service",
      type: "Feature Service",
      url: "https://x.example.com/FeatureServer",
    });
    expect(await map.addRelationship(service, "Map2Service")).toBe(true);
    expect((await map.relatedItems("Map2Service")).map((i) => i.id)).toEqual([service.id]);
    expect(
      (await service.relatedItems("Map2Service", { direction: "reverse" })).map((i) => i.id),
    ).toEqual([map.id]);
    await expect(map.addRelationship(service, "Friends")).rejects.toThrow(
      /^relType: expected a relationship type such as Map2Service, got "Friends"$/,
    );
    await expect(
      map.relatedItems("Map2Service", { direction: "sideways" as never }),
    ).rejects.toThrow(/^direction: expected one of forward, reverse, got "sideways"$/);
    expect(await map.deleteRelationship(service, "Map2Service")).toBe(true);
    expect(await map.relatedItems("Map2Service")).toEqual([]);
  });

  it("registers an app with a client id and secret, then unregisters it", async () => {
    const app = await org.publisher.content.add({
      title: "App",
      type: "Web Mapping Application",
      url: "https://app.example.com",
    });
    expect(await app.getAppInfo()).toEqual({});
    const info = await app.register("browser", {
      redirectUris: ["https://app.example.com/callback"],
    });
    expect(info).toMatchObject({
      appType: "browser",
      redirect_uris: ["https://app.example.com/callback"],
    });
    expect(typeof info.client_secret).toBe("string");
    expect(app.typeKeywords).toContain("Registered App");
    expect((await app.getAppInfo()).client_id).toBe(info.client_id);
    expect(await app.getProxies()).toEqual([]);
    await expect(app.register("desktop")).rejects.toThrow(
      /^appType: expected one of browser, native, server, multiple, got "desktop"$/,
    );
    expect(await app.unregister()).toBe(true);
    expect(app.typeKeywords).not.toContain("Registered App");
    expect(await app.unregister()).toBe(false);
  });

  it("counts usage, copies, bulk-updates, reassigns and records dependencies", async () => {
    const item = await org.user.content.add({
      title: "Used",
      type: "Web Map",
      text: '{"a":1}',
      tags: ["t"],
    });
    await item.getData();
    await item.getData();
    const rows = (await item.usage({ dateRange: "7D" })) as { date: Date; usage: number }[];
    expect(rows.reduce((sum, row) => sum + row.usage, 0)).toBe(2);
    expect(rows[0].date).toBeInstanceOf(Date);
    await expect(item.usage({ dateRange: "2W" })).rejects.toThrow(RangeError);
    await item.resources.add({ fileName: "r.json", text: "{}" });
    const copy = await item.copy({ title: "Copied" });
    expect(copy.toJSON()).toMatchObject({ title: "Copied", type: "Web Map", owner: "user" });
    expect(await copy.getData()).toEqual({ a: 1 });
    expect((await copy.resources.list()).map((r) => r.resource)).toEqual(["r.json"]);
    expect((await item.copy()).title).toMatch(/^Used - Copy /);
    const [result] = await org.user.content.bulkUpdate([item, copy.id], { snippet: "bulk" });
    expect(result.results).toEqual([
      { itemid: item.id, success: true },
      { itemid: copy.id, success: true },
    ]);
    expect((await org.user.content.get(copy.id))!.snippet).toBe("bulk");
    await expect(copy.reassignTo("publisher")).rejects.toThrow(ArcGISError);
    const asAdmin = (await org.admin.content.get(copy.id))!;
    await org.publisher.content.createFolder("Inbox");
    expect(await asAdmin.reassignTo("publisher", { targetFolder: "Inbox" })).toBe(true);
    expect(asAdmin.owner).toBe("publisher");
    expect(await item.dependencies.add("url", "https://services.example.com/FeatureServer")).toBe(
      true,
    );
    expect(await item.dependencies.add("id", copy.id)).toBe(true);
    expect(await item.dependencies.list()).toEqual([
      { dependencyType: "url", url: "https://services.example.com/FeatureServer" },
      { dependencyType: "id", id: copy.id },
    ]);
    expect((await item.dependentUpon()).total).toBe(2);
    expect((await asAdmin.dependentTo()).list).toEqual([{ dependencyType: "id", id: item.id }]);
    expect(await item.dependencies.remove("id", copy.id)).toBe(true);
    expect(await item.dependencies.removeAll()).toBe(true);
    expect(await item.dependencies.list()).toEqual([]);
    await expect(item.dependencies.add("file" as "id", "x")).rejects.toThrow(RangeError);
  });

  it("manages the category schema and assigns items to categories", async () => {
    const schema = [
      {
        title: "Categories",
        categories: [{ title: "Water", categories: [{ title: "Rivers" }] }, { title: "Soil" }],
      },
    ];
    await expect(org.user.content.categories.setSchema(schema)).rejects.toThrow(ArcGISError);
    expect(await org.admin.content.categories.setSchema(schema)).toBe(true);
    expect(await org.user.content.categories.getSchema()).toEqual(schema);
    expect((await org.admin.content.categories.getProperties()).categorySchema).toEqual(schema);
    const item = await org.user.content.add({ title: "River data", type: "CSV" });
    const assigned = await org.user.content.categories.assignToItems([
      { [item.id]: { categories: ["/Categories/Water/Rivers"] } },
    ]);
    expect(assigned).toEqual({ [item.id]: true });
    expect(
      await org.user.content.categories.assignToItems([
        { [item.id]: { categories: ["/Categories/Fire"] } },
      ]),
    ).toEqual({ [item.id]: false });
    expect(
      (await org.user.content.search("", { categories: ["/Categories/Water"] })).map((i) => i.id),
    ).toEqual([item.id]);
    expect(
      (await org.user.content.search("", { categoryFilters: "river" })).map((i) => i.id),
    ).toEqual([item.id]);
    await expect(org.user.content.categories.assignToItems([])).rejects.toThrow(/items/);
    await expect(
      org.admin.content.categories.setSchema([{ nope: 1 } as unknown as { title: string }]),
    ).rejects.toThrow(/schema/);
    const group = (await org.user.groups.create("Categorised", ["c"]))!;
    // What Group.categories gives (the Group class belongs to the groups issue).
    const groupCategories = new CategorySchemaManager(`community/groups/${group.id}`, org.user);
    expect(
      await groupCategories.setSchema([{ title: "Topics", categories: [{ title: "Fish" }] }]),
    ).toBe(true);
    await item.share({ groups: [group] });
    expect(
      await groupCategories.assignToItems([{ [item.id]: { categories: ["/Topics/Fish"] } }]),
    ).toEqual({ [item.id]: true });
    expect(await groupCategories.delete()).toBe(true);
    expect(await groupCategories.getSchema()).toEqual([]);
    expect(await org.admin.content.categories.delete()).toBe(true);
  });

  it("gives Layers of items and Hub sites and initiatives", async () => {
    const service = await org.user.content.add({
      title: "Parks",
      type: "Feature Service",
      url: "https://x.example.com/arcgis/rest/services/Parks/FeatureServer",
    });
    const layer = await Layer.fromItem(service, { index: 2 });
    expect(layer.url).toBe("https://x.example.com/arcgis/rest/services/Parks/FeatureServer/2");
    expect(layer.filter).toBeNull();
    layer.filter = "AREA > 10";
    expect(layer.filter).toBe("AREA > 10");
    const doc = await org.user.content.add({ title: "Doc", type: "PDF" });
    await expect(Layer.fromItem(doc)).rejects.toThrow(/no service URL/);
    await expect(Layer.fromItem(service, { index: -1 })).rejects.toThrow(RangeError);
    expect(() => new Layer("not a url")).toThrow(TypeError);

    const site = await org.user.content.add({
      title: "Parks site",
      type: "Hub Site Application",
      url: "https://parks.example.com",
    });
    const initiative = await org.user.content.add({ title: "Green city", type: "Hub Initiative" });
    expect((await org.user.hub.search()).map((i) => i.title)).toEqual(["Green city", "Parks site"]);
    expect((await org.user.hub.search({ kind: "site" })).map((i) => i.id)).toEqual([site.id]);
    expect((await org.user.hub.get(initiative.id))?.title).toBe("Green city");
    expect(await org.user.hub.get(doc.id)).toBeNull();
    await expect(org.user.hub.search({ kind: "blog" as "site" })).rejects.toThrow(RangeError);
  });

  it("clones web maps with the items they use, within a GIS and to another, swizzling ids", async () => {
    const data = await org.user.content.add(
      { title: "Table", type: "CSV", fileName: "t.csv" },
      { data: Buffer.from("a,b\n1,2\n") },
    );
    const map = await org.user.content.add({
      title: "City map",
      type: "Web Map",
      text: { operationalLayers: [{ itemId: data.id, title: "Table" }] },
    });
    const clones = await org.publisher.content.cloneItems([map], { folder: "Clones" });
    expect(clones.map((item) => item.type).sort()).toEqual(["CSV", "Web Map"]);
    const clonedMap = clones.find((item) => item.type === "Web Map") as Item;
    const clonedData = clones.find((item) => item.type === "CSV") as Item;
    expect(await clonedMap.getData()).toEqual({
      operationalLayers: [{ itemId: clonedData.id, title: "Table" }],
    });
    expect(await clonedData.getData()).toBe("a,b\n1,2\n");
    expect(clonedMap.owner).toBe("publisher");
    // Cloning again reuses what was cloned before.
    expect(await org.publisher.content.cloneItems([map])).toEqual([]);

    const other = await startTestOrg();
    try {
      const remote = await other.admin.content.cloneItems([map], { searchExistingItems: false });
      const remoteMap = remote.find((item) => item.type === "Web Map") as Item;
      const remoteData = remote.find((item) => item.type === "CSV") as Item;
      expect(remoteMap.gis).toBe(other.admin);
      expect(await remoteMap.getData()).toEqual({
        operationalLayers: [{ itemId: remoteData.id, title: "Table" }],
      });
    } finally {
      await other.close();
    }
    await expect(org.publisher.content.cloneItems(["id" as unknown as Item])).rejects.toThrow(
      /Item objects/,
    );
    const service = await org.user.content.add({
      title: "Svc",
      type: "Feature Service",
      url: "https://x/FeatureServer",
    });
    await expect(org.publisher.content.cloneItems([service])).rejects.toThrow(/services/);
  });
});
