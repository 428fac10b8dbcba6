import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { inspect } from "node:util";
import { ArcGISError, Item } from "tsgis";
import { startTestOrg, type TestOrg } from "../users/helpers";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

describe("ContentManager and Item against the portal", () => {
  let org: TestOrg;
  let folder: string;
  beforeAll(async () => {
    org = await startTestOrg();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-items-"));
  });
  afterAll(async () => {
    await org.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("searches across pages in the server's order, maxItems -1 meaning all", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 230; i++) {
      const item = await org.user.content.add({
        title: `Plot ${String(i).padStart(3, "0")}`,
        type: "CSV",
        tags: ["plots"],
      });
      ids.push(item.id);
    }
    const all = await org.user.content.search("tags:plots", {
      maxItems: -1,
      sortField: "title",
      sortOrder: "asc",
    });
    expect(all.map((item) => item.title)).toEqual(
      ids.map((_, i) => `Plot ${String(i).padStart(3, "0")}`),
    );
    const some = await org.user.content.search("tags:plots", {
      maxItems: 150,
      sortField: "title",
      sortOrder: "desc",
    });
    expect(some).toHaveLength(150);
    expect(some[0].title).toBe("Plot 229");
    expect(await org.user.content.search("tags:plots", { itemType: "Web Map" })).toEqual([]);
    // Outside the organisation the anonymous user sees nothing private.
    expect(await org.anonymous.content.search("tags:plots", { outsideOrg: true })).toEqual([]);
    await expect(org.user.content.search("x", { maxItems: -2 })).rejects.toThrow(RangeError);
    await expect(org.user.content.search("x", { sortOrder: "up" as "asc" })).rejects.toThrow(
      /sortOrder/,
    );
    await expect(org.user.content.deleteItems(ids)).resolves.toBe(true);
    expect(await org.user.content.search("tags:plots")).toEqual([]);
  });

  it("advancedSearch pages by hand and counts fields", async () => {
    await org.admin.content.add({ title: "Counted A", type: "CSV", tags: ["counted"] });
    await org.admin.content.add({
      title: "Counted B",
      type: "Web Map",
      tags: ["counted"],
      text: "{}",
    });
    const page = await org.admin.content.advancedSearch("tags:counted", {
      countFields: "type",
      sortField: "title",
      sortOrder: "asc",
    });
    expect(page.total).toBe(2);
    expect(page.results[0]).toBeInstanceOf(Item);
    expect(page.aggregations?.counts[0].fieldValues).toEqual(
      expect.arrayContaining([
        { value: "CSV", count: 1 },
        { value: "Web Map", count: 1 },
      ]),
    );
    const raw = await org.admin.content.advancedSearch("tags:counted", {
      start: 2,
      asDict: true,
      sortField: "title",
      sortOrder: "asc",
    });
    expect(raw.results.map((r) => (r as { title: string }).title)).toEqual(["Counted B"]);
    await expect(org.admin.content.advancedSearch("x", { start: 0 })).rejects.toThrow(/start/);
    await expect(org.admin.content.advancedSearch("x", { countFields: "colour" })).rejects.toThrow(
      /countFields/,
    );
  });

  it("adds data from a path, a Buffer, a stream and a URL, and reads it back", async () => {
    const file = path.join(folder, "notes.txt");
    fs.writeFileSync(file, "from a path");
    const fromPath = await org.user.content.add({ title: "Path", type: "Text" }, { data: file });
    const fromBuffer = await org.user.content.add(
      { title: "Buffer", type: "Text", fileName: "b.txt" },
      { data: Buffer.from("from a buffer") },
    );
    const fromStream = await org.user.content.add(
      { title: "Stream", type: "Text", fileName: "s.txt" },
      { data: Readable.from([Buffer.from("from a stream")]) },
    );
    const server = http.createServer((_req, res) => res.end("from a URL"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const fromUrl = await org.user.content.add(
        { title: "URL", type: "Text" },
        { data: `http://127.0.0.1:${port}/u.txt` },
      );
      expect(await fromUrl.getData()).toBe("from a URL");
      expect(fromUrl.name).toBe("u.txt");
    } finally {
      server.close();
    }
    expect(await fromPath.getData()).toBe("from a path");
    expect(await fromBuffer.getData()).toBe("from a buffer");
    expect(await fromStream.getData()).toBe("from a stream");
    const saved = await fromPath.download({ savePath: folder, fileName: "copy.txt" });
    expect(fs.readFileSync(saved as string, "utf8")).toBe("from a path");
    await expect(
      org.user.content.add(
        { title: "x", type: "Text" },
        { data: path.join(folder, "missing.txt") },
      ),
    ).rejects.toThrow(/data: no file/);
    await expect(org.user.content.add(null as unknown as { title: string })).rejects.toThrow(
      /itemProperties/,
    );
    await expect(org.user.content.add({ title: "no type" })).rejects.toThrow(/type/);
  });

  it("stores JSON data, binary files, thumbnails and metadata, streamed to disk", async () => {
    const webmap = await org.user.content.add({
      title: "Map",
      type: "Web Map",
      text: { operationalLayers: [{ id: "a" }] },
    });
    expect(await webmap.getData()).toEqual({ operationalLayers: [{ id: "a" }] });
    expect(await webmap.getData({ tryJson: false })).toBe('{"operationalLayers":[{"id":"a"}]}');
    const bin = await org.user.content.add(
      { title: "Bin", type: "Image", fileName: "pic.png" },
      { data: PNG, thumbnail: PNG },
    );
    const binPath = (await bin.getData()) as string;
    expect(fs.readFileSync(binPath)).toEqual(PNG);
    const thumb = await bin.downloadThumbnail({ saveFolder: folder });
    expect(fs.readFileSync(thumb as string)).toEqual(PNG);
    expect(await webmap.getThumbnail()).toBeNull();
    expect(await webmap.downloadMetadata({ saveFolder: folder })).toBeNull();
    expect(await webmap.setMetadata("<metadata><x/></metadata>")).toBe(true);
    const metadataPath = await webmap.downloadMetadata({ saveFolder: folder });
    expect(fs.readFileSync(metadataPath as string, "utf8")).toBe("<metadata><x/></metadata>");
    const empty = await org.user.content.add({
      title: "Empty",
      type: "Document Link",
      url: "https://example.com",
    });
    expect(await empty.getData()).toBeNull();
  });

  it("gets items, hides private ones, and prints like Python", async () => {
    const item = await org.publisher.content.add({ title: "Secret", type: "CSV", tags: ["x"] });
    expect(await org.user.content.get(item.id)).toBeNull();
    expect(await org.admin.content.get(item.id)).not.toBeNull();
    expect(await org.anonymous.content.get("0123456789abcdef0123456789abcdef")).toBeNull();
    await expect(org.user.content.get("")).rejects.toThrow(TypeError);
    expect(inspect(item)).toBe('<Item title:"Secret" type:CSV owner:publisher>');
    expect(item.toJSON()).toMatchObject({ id: item.id, title: "Secret", access: "private" });
    expect(JSON.parse(JSON.stringify(item)).title).toBe("Secret");
    expect(item._repr_html_()).toContain("Secret");
    expect(item._repr_html_()).toContain("CSV by publisher");
    expect(item.homepage).toBe(`${org.publisher.url}/home/item.html?id=${item.id}`);
    const lazy = new Item(org.publisher, item.id);
    expect(lazy.title).toBeUndefined();
    expect((await lazy.refresh()).title).toBe("Secret");
    expect(() => new Item(org.publisher, "")).toThrow(TypeError);
  });

  it("creates, renames and deletes folders and moves items between them", async () => {
    const created = await org.user.content.createFolder("Field work");
    expect(created).toMatchObject({ title: "Field work", username: "user" });
    expect(await org.user.content.createFolder("Field work")).toBeNull();
    const item = await org.user.content.add(
      { title: "In folder", type: "CSV" },
      { folder: "Field work" },
    );
    expect(item.ownerFolder).toBe(created!.id);
    expect(await org.user.content.renameFolder("Field work", "Archive")).toBe(true);
    await item.move("/");
    expect(item.ownerFolder).toBeNull();
    await item.move({ id: created!.id });
    expect(item.ownerFolder).toBe(created!.id);
    await expect(item.move("Nowhere")).rejects.toThrow(/folder/);
    await expect(org.publisher.content.createFolder("Hijack", { owner: "user" })).rejects.toThrow(
      ArcGISError,
    );
    expect(await org.user.content.deleteFolder("Archive")).toBe(true);
    expect(await org.user.content.get(item.id)).toBeNull();
    expect(await org.user.content.deleteFolder("Archive")).toBe(false);
    await expect(org.user.content.renameFolder("", "x")).rejects.toThrow(/oldFolder/);
  });

  it("protects, dry-runs, checks and deletes items; only owners and admins delete", async () => {
    const item = await org.user.content.add({ title: "Keep", type: "CSV" });
    expect(await item.protect()).toEqual({ success: true });
    expect(item.protected).toBe(true);
    expect(await item.delete({ dryRun: true })).toMatchObject({
      canDelete: false,
      details: { code: 400 },
    });
    expect(await org.user.content.canDelete(item)).toMatchObject({ success: false });
    await expect(item.delete()).rejects.toThrow(/protection/);
    expect(await org.user.content.deleteItems([item])).toBe(false);
    await item.protect({ enable: false });
    expect(await org.user.content.canDelete(item.id)).toEqual({ itemId: item.id, success: true });
    await item.share({ org: true });
    const asPublisher = await org.publisher.content.get(item.id);
    await expect(asPublisher!.delete()).rejects.toThrow(ArcGISError);
    await expect(item.delete({ dryRun: "yes" as unknown as boolean })).rejects.toThrow(/dryRun/);
    const asAdmin = await org.admin.content.get(item.id);
    expect(await asAdmin!.delete()).toBe(true);
  });

  it("shares and unshares in batches, reporting groups it could not use", async () => {
    const group = await org.user.groups.create("Batch group", ["batch"]);
    const foreign = await org.admin.groups.create("Admins only", ["x"]);
    const items: Item[] = [];
    for (let i = 0; i < 120; i++)
      items.push(await org.user.content.add({ title: `Batch ${i}`, type: "CSV" }));
    const shared = await org.user.content.shareItems(items, { groups: [group!.id, foreign!.id] });
    expect(shared.results).toHaveLength(120);
    expect(shared.results.every((r) => r.success && r.notSharedWith?.[0] === foreign!.id)).toBe(
      true,
    );
    const groupItems = await org.user.content.search(`group:${group!.id}`, { maxItems: -1 });
    expect(groupItems).toHaveLength(120);
    await org.user.content.shareItems(items.slice(0, 2), { org: true });
    expect((await items[0].getSharedWith()).org).toBe(true);
    const unshared = await org.user.content.unshareItems(items, { groups: [group!] });
    expect(unshared.results.every((r) => r.success)).toBe(true);
    expect(await org.user.content.search(`group:${group!.id}`, { maxItems: -1 })).toHaveLength(0);
    await org.user.content.unshareItems(items.slice(0, 2), { org: true });
    expect((await items[0].getSharedWith()).org).toBe(false);
    await expect(org.user.content.unshareItems(items, {})).rejects.toThrow(/groups/);
    await expect(org.user.content.shareItems([42 as unknown as string])).rejects.toThrow(
      /items\[0\]/,
    );
    const notMine = await org.publisher.content.shareItems([items[0]], { everyone: true });
    expect(notMine.results[0].success).toBe(false);
  });
});
