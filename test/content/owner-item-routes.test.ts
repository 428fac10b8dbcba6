import { startTestPortal, type PortalClient } from "../portal/helpers";

/**
 * The owner-scoped item operations (`content/users/{owner}[/{folder}]/items/{id}/{operation}`):
 * who gets what for an operation that does not exist, and where `status` answers.
 */
describe("owner-scoped item operations", () => {
  let client: PortalClient;
  let owner: string;
  let other: string;
  let folderId: string;
  let rootItem: string;
  let folderItem: string;

  beforeAll(async () => {
    client = await startTestPortal({ demo: true });
    owner = await client.tokenFor("user", "tsgis-user-1");
    other = await client.tokenFor("publisher", "tsgis-publisher-1");
    const folder = await client.post("/content/users/user/createFolder", {
      token: owner,
      title: "Owner item routes",
    });
    folderId = (folder.folder as { id: string }).id;
    const add = async (path: string, title: string) => {
      const body = await client.post(path, { token: owner, title, type: "CSV", text: "a\n1" });
      expect(body.success).toBe(true);
      return body.id as string;
    };
    rootItem = await add("/content/users/user/addItem", "At the root");
    folderItem = await add(`/content/users/user/${folderId}/addItem`, "In a folder");
  });
  afterAll(async () => client.portal.close());

  const urls = () => [
    `/content/users/user/items/${rootItem}`,
    `/content/users/user/${folderId}/items/${folderItem}`,
  ];

  it("asks an anonymous caller for a token before saying an unknown operation is no URL", async () => {
    for (const url of urls()) {
      expect((await client.post(`${url}/noSuchOperation`)).error).toMatchObject({
        code: 499,
        message: "Token Required.",
      });
    }
  });

  it("answers Invalid URL to the owner and to another user for an unknown operation", async () => {
    for (const token of [owner, other]) {
      for (const url of urls()) {
        expect((await client.post(`${url}/noSuchOperation`, { token })).error).toEqual({
          code: 400,
          message: "Invalid URL",
          details: [],
        });
      }
    }
  });

  it("answers status at the root and inside the folder to the owner, not to another user", async () => {
    const [atRoot, inFolder] = urls();
    expect(await client.post(`${atRoot}/status`, { token: owner })).toEqual({
      status: "completed",
      statusMessage: "completed",
      itemId: rootItem,
    });
    expect(await client.post(`${inFolder}/status`, { token: owner })).toEqual({
      status: "completed",
      statusMessage: "completed",
      itemId: folderItem,
    });
    for (const url of urls()) {
      expect((await client.post(`${url}/status`, { token: other })).error?.code).toBe(403);
    }
  });
});
