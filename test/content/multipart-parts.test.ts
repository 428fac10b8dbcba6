import http from "node:http";
import { ADMIN, startTestPortal, type Json, type PortalClient } from "../portal/helpers";

/**
 * The portal's side of a multipart upload at the REST level: parts in any order, repeated, of
 * uneven sizes, cut off half-way, or missing, always end as the file their numbers describe.
 */
describe("multipart upload parts (portal)", () => {
  let client: PortalClient;
  let token: string;
  const owner = ADMIN.username;

  beforeAll(async () => {
    client = await startTestPortal();
    token = await client.tokenFor(ADMIN.username, ADMIN.password);
  });
  afterAll(async () => {
    await client.portal.close();
  });

  const itemUrl = (id: string, operation: string): string =>
    `/content/users/${owner}/items/${id}/${operation}`;

  /** Bytes whose every position is recognisable, so a misplaced slice shows. */
  const bytesOf = (length: number, seed: number): Buffer =>
    Buffer.from(Array.from({ length }, (_, index) => (index * 7 + seed * 31) % 251));

  async function newUpload(): Promise<string> {
    const added = await client.post(`/content/users/${owner}/addItem`, {
      token,
      title: "Parts",
      type: "CSV",
      multipart: "true",
      filename: "parts.csv",
    });
    expect(added.success).toBe(true);
    return added.id as string;
  }

  async function addPart(
    id: string,
    partNum: number,
    bytes: Buffer,
    options: { token?: string; fileFirst?: boolean } = {},
  ): Promise<Json> {
    const form = new FormData();
    const file = new Blob([bytes]);
    if (options.fileFirst) form.append("file", file, "part");
    form.append("f", "json");
    form.append("partNum", String(partNum));
    if (options.token !== "") form.append("token", options.token ?? token);
    if (!options.fileFirst) form.append("file", file, "part");
    const response = await fetch(`${client.rest}${itemUrl(id, "addPart")}`, {
      method: "POST",
      body: form,
    });
    return (await response.json()) as Json;
  }

  /** Sends the start of a part and then drops the connection. */
  async function abortPart(id: string, partNum: number, bytes: Buffer): Promise<void> {
    const boundary = "cut-short-boundary";
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="partNum"\r\n\r\n${partNum}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="token"\r\n\r\n${token}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="part"\r\n\r\n`,
    );
    const url = new URL(`${client.rest}${itemUrl(id, "addPart")}`);
    await new Promise<void>((resolve) => {
      const request = http.request(url, {
        method: "POST",
        headers: {
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": String(head.length + bytes.length * 2 + 100),
        },
      });
      request.on("error", () => resolve());
      request.write(Buffer.concat([head, bytes]), () => {
        setTimeout(() => {
          request.destroy();
          resolve();
        }, 100);
      });
    });
  }

  async function commit(id: string): Promise<Json> {
    return client.post(itemUrl(id, "commit"), { token });
  }

  async function statusOf(id: string): Promise<string> {
    const status = await client.get(`/content/users/${owner}/items/${id}/status`, { token });
    return status.status as string;
  }

  async function committedData(id: string): Promise<Buffer> {
    for (let attempt = 0; attempt < 200 && (await statusOf(id)) !== "completed"; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect(await statusOf(id)).toBe("completed");
    const response = await fetch(`${client.rest}/content/items/${id}/data?token=${token}`);
    return Buffer.from(await response.arrayBuffer());
  }

  it("joins parts sent out of order, before and after part 1, by their numbers", async () => {
    const id = await newUpload();
    const parts = [bytesOf(1000, 1), bytesOf(1000, 2), bytesOf(1000, 3), bytesOf(300, 4)];
    for (const partNum of [3, 2, 1, 4]) {
      expect((await addPart(id, partNum, parts[partNum - 1])).success).toBe(true);
    }
    expect((await client.get(itemUrl(id, "parts"), { token })).parts).toEqual([1, 2, 3, 4]);
    expect((await commit(id)).success).toBe(true);
    // Parts of one size need no assembly: the commit has finished by the time it answers.
    expect(await statusOf(id)).toBe("completed");
    expect((await committedData(id)).equals(Buffer.concat(parts))).toBe(true);
    const item = await client.get(`/content/items/${id}`, { token });
    expect(item.size).toBe(3300);
  });

  it("keeps the last upload of a repeated part", async () => {
    const id = await newUpload();
    const parts = [bytesOf(800, 5), bytesOf(800, 6), bytesOf(100, 7)];
    expect((await addPart(id, 1, bytesOf(800, 99))).success).toBe(true);
    expect((await addPart(id, 1, parts[0])).success).toBe(true);
    expect((await addPart(id, 2, parts[1])).success).toBe(true);
    expect((await addPart(id, 3, bytesOf(100, 98))).success).toBe(true);
    expect((await addPart(id, 2, bytesOf(800, 97))).success).toBe(true);
    expect((await addPart(id, 2, parts[1])).success).toBe(true);
    expect((await addPart(id, 3, parts[2])).success).toBe(true);
    expect((await commit(id)).success).toBe(true);
    expect((await committedData(id)).equals(Buffer.concat(parts))).toBe(true);
  });

  it("stores one whole copy of a part sent twice at once, beside other parts in flight", async () => {
    const id = await newUpload();
    const parts = [bytesOf(5000, 21), bytesOf(5000, 22), bytesOf(5000, 23), bytesOf(2500, 24)];
    const rival = bytesOf(5000, 93);
    expect((await addPart(id, 1, parts[0])).success).toBe(true);
    const answers = await Promise.all([
      addPart(id, 2, parts[1]),
      addPart(id, 3, parts[2]),
      addPart(id, 3, rival),
      addPart(id, 4, parts[3]),
    ]);
    expect(answers.every((answer) => answer.success === true)).toBe(true);
    expect((await commit(id)).success).toBe(true);
    const data = await committedData(id);
    const third = data.subarray(10000, 15000);
    expect(third.equals(parts[2]) || third.equals(rival)).toBe(true);
    expect(Buffer.concat([data.subarray(0, 10000), data.subarray(15000)])).toEqual(
      Buffer.concat([parts[0], parts[1], parts[3]]),
    );
  });

  it("joins parts of uneven sizes: a short one and a long one in the middle", async () => {
    const id = await newUpload();
    const parts = [bytesOf(1000, 8), bytesOf(400, 9), bytesOf(1500, 10), bytesOf(1000, 11)];
    for (const partNum of [1, 2, 3, 4]) {
      expect((await addPart(id, partNum, parts[partNum - 1])).success).toBe(true);
    }
    expect((await commit(id)).success).toBe(true);
    const data = await committedData(id);
    expect(data.length).toBe(3900);
    expect(data.equals(Buffer.concat(parts))).toBe(true);
  });

  it("joins the parts it has in order when numbers are skipped", async () => {
    const id = await newUpload();
    const parts = [bytesOf(500, 12), bytesOf(500, 13)];
    expect((await addPart(id, 3, parts[1])).success).toBe(true);
    expect((await addPart(id, 1, parts[0])).success).toBe(true);
    expect((await commit(id)).success).toBe(true);
    expect((await committedData(id)).equals(Buffer.concat(parts))).toBe(true);
  });

  it("loses nothing to a part cut off half-way, first sent or repeated", async () => {
    const id = await newUpload();
    const parts = [bytesOf(4000, 14), bytesOf(4000, 15), bytesOf(2000, 16)];
    expect((await addPart(id, 1, parts[0])).success).toBe(true);
    expect((await addPart(id, 2, parts[1])).success).toBe(true);
    await abortPart(id, 2, bytesOf(1500, 96));
    await abortPart(id, 3, bytesOf(1500, 95));
    expect((await client.get(itemUrl(id, "parts"), { token })).parts).toEqual([1, 2]);
    expect((await addPart(id, 3, parts[2])).success).toBe(true);
    let committed = await commit(id);
    // The portal may still be noticing the dropped connections.
    for (let attempt = 0; committed.error && attempt < 50; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      committed = await commit(id);
    }
    expect(committed.success).toBe(true);
    expect((await committedData(id)).equals(Buffer.concat(parts))).toBe(true);
  });

  it("takes a part whose file comes before its number and token", async () => {
    const id = await newUpload();
    const parts = [bytesOf(600, 17), bytesOf(200, 18)];
    expect((await addPart(id, 1, parts[0], { fileFirst: true })).success).toBe(true);
    expect((await addPart(id, 2, parts[1])).success).toBe(true);
    expect((await commit(id)).success).toBe(true);
    expect((await committedData(id)).equals(Buffer.concat(parts))).toBe(true);
  });

  it("refuses parts from anyone but the owner, and a commit without parts", async () => {
    const id = await newUpload();
    const parts = [bytesOf(700, 19), bytesOf(700, 20)];
    expect((await addPart(id, 1, parts[0])).success).toBe(true);
    const anonymous = await addPart(id, 2, bytesOf(700, 94), { token: "" });
    expect(anonymous.error?.code).toBe(499);
    expect((await client.get(itemUrl(id, "parts"), { token })).parts).toEqual([1]);
    expect((await addPart(id, 2, parts[1])).success).toBe(true);
    expect((await commit(id)).success).toBe(true);
    expect((await committedData(id)).equals(Buffer.concat(parts))).toBe(true);
    const again = await addPart(id, 3, bytesOf(10, 1));
    expect(again.error?.code).toBe(400);

    const empty = await newUpload();
    const refused = await commit(empty);
    expect(refused.error?.code).toBe(400);
    expect(refused.error?.message).toMatch(/partNum/);
    expect(await statusOf(empty)).toBe("partial");
  });
});
