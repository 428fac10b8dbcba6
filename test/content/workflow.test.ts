import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ArcGISError, Item } from "tsgis";
import { startTestOrg, type TestOrg } from "../users/helpers";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

/** The "accessing and creating content" walk-through of the Python guide, against the portal. */
describe("accessing and creating content", () => {
  let org: TestOrg;
  let folder: string;
  beforeAll(async () => {
    org = await startTestOrg();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-workflow-"));
  });
  afterAll(async () => {
    await org.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("searches, adds a CSV, updates, shares, reads as another user, unshares, moves, deletes", async () => {
    const publicMap = await org.admin.content.add({
      title: "Earthquakes of the world",
      type: "Web Map",
      tags: ["earthquakes"],
      text: { operationalLayers: [], baseMap: { title: "Topographic" } },
    });
    await publicMap.share({ everyone: true });
    const found = await org.anonymous.content.search("earthquakes", { outsideOrg: true });
    expect(found.map((item) => item.id)).toEqual([publicMap.id]);

    const csv = path.join(folder, "trees.csv");
    fs.writeFileSync(csv, "name,lat,lon\noak,60.1,24.9\nbirch,60.2,25.0\n");
    const thumbnail = path.join(folder, "trees.png");
    fs.writeFileSync(thumbnail, PNG);
    const metadata = path.join(folder, "metadata.xml");
    fs.writeFileSync(metadata, "<metadata><dataIdInfo>Trees</dataIdInfo></metadata>");
    const trees = await org.publisher.content.add(
      { title: "Trees", type: "CSV", tags: "trees,parks", snippet: "City trees" },
      { data: csv, thumbnail, metadata },
    );
    expect(trees).toBeInstanceOf(Item);
    expect(trees.toJSON()).toMatchObject({
      title: "Trees",
      type: "CSV",
      owner: "publisher",
      name: "trees.csv",
    });
    expect(trees.typeKeywords).toContain("Metadata");
    expect(await trees.getThumbnail()).toEqual(PNG);
    expect(await trees.getMetadata()).toContain("<dataIdInfo>Trees</dataIdInfo>");

    expect(
      await trees.update({
        itemProperties: { snippet: "Every tree in the city", tags: ["trees"] },
      }),
    ).toBe(true);
    expect(trees.snippet).toBe("Every tree in the city");
    expect(trees.tags).toEqual(["trees"]);

    const group = await org.publisher.groups.create("Park crew", ["parks"], { access: "org" });
    await group!.addUsers(["user"]);
    expect(await org.user.content.get(trees.id)).toBeNull();
    expect((await trees.share({ groups: [group!] })).notSharedWith).toEqual([]);
    const shared = await trees.getSharedWith();
    expect(shared).toMatchObject({ everyone: false, org: false });
    expect(shared.groups.map((g) => g.id)).toEqual([group!.id]);

    const asUser = await org.user.content.get(trees.id);
    expect(asUser?.title).toBe("Trees");
    expect(await asUser!.getData()).toContain("oak,60.1,24.9");
    await expect(asUser!.update({ itemProperties: { title: "Mine now" } })).rejects.toThrow(
      ArcGISError,
    );

    expect((await trees.unshare([group!])).notUnsharedFrom).toEqual([]);
    expect(await org.user.content.get(trees.id)).toBeNull();

    await org.publisher.content.createFolder("Parks");
    const moved = await trees.move("Parks");
    expect(moved.success).toBe(true);
    expect(trees.ownerFolder).toBe(moved.folder);

    expect(await trees.delete()).toBe(true);
    expect(await org.publisher.content.get(trees.id)).toBeNull();
  });
});
