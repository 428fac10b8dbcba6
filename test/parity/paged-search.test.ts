import http from "node:http";
import type { AddressInfo } from "node:net";
import { GIS } from "tsgis";

/**
 * A stand-in portal whose item search answers at most `pageCap` rows a page, whatever `num`
 * asks for, and says where the next page starts (`nextStart`), as the Sharing API's paging does
 * ("Paging" in the REST reference). Pages listed in `failAt` fail; pages in `holdAt` are never
 * answered, and their requests are reported when the client drops them.
 */
async function startSearchServer(options: {
  total: number;
  pageCap: number;
  failAt?: number[];
  holdAt?: number[];
}): Promise<{
  url: string;
  starts: number[];
  dropped: Promise<void>;
  close(): Promise<void>;
}> {
  const starts: number[] = [];
  const held = new Set<http.IncomingMessage>();
  let heldCount = 0;
  let droppedCount = 0;
  let reportDropped: () => void = () => undefined;
  const dropped = new Promise<void>((resolve) => (reportDropped = resolve));
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    res.setHeader("Content-Type", "application/json");
    if (url.pathname.endsWith("/portals/self")) {
      res.end(JSON.stringify({ id: "org1", name: "Paging", isPortal: true }));
      return;
    }
    if (url.pathname.endsWith("/search")) {
      const start = Number(url.searchParams.get("start"));
      const num = Number(url.searchParams.get("num"));
      starts.push(start);
      if (options.failAt?.includes(start)) {
        res.end(JSON.stringify({ error: { code: 400, message: "Unable to page", details: [] } }));
        return;
      }
      if (options.holdAt?.includes(start)) {
        held.add(req);
        heldCount++;
        res.on("close", () => {
          droppedCount++;
          if (droppedCount === heldCount) reportDropped();
        });
        return;
      }
      const rows = Math.max(0, Math.min(num, options.pageCap, options.total - start + 1));
      const results = Array.from({ length: rows }, (_, i) => ({
        id: `item${start + i}`,
        title: `Row ${start + i}`,
        type: "CSV",
        owner: "someone",
      }));
      const next = start + rows;
      res.end(
        JSON.stringify({
          total: options.total,
          start,
          num: rows,
          nextStart: next > options.total ? -1 : next,
          results,
        }),
      );
      return;
    }
    res.end(JSON.stringify({ currentVersion: "2024.1" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    starts,
    dropped,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe("paged searches follow the server's nextStart", () => {
  it("loses no rows when the server answers fewer rows than asked", async () => {
    const server = await startSearchServer({ total: 250, pageCap: 60 });
    const gis = await GIS.connect({ url: server.url, setActive: false });
    try {
      const items = await gis.content.search("*", { maxItems: -1 });
      expect(items.map((item) => item.id)).toEqual(
        Array.from({ length: 250 }, (_, i) => `item${i + 1}`),
      );
      // Every page the client used began where the page before said the next one starts.
      for (const start of [1, 61, 121, 181, 241]) expect(server.starts).toContain(start);
    } finally {
      gis.close();
      await server.close();
    }
  });

  it("stops at maxItems even when pages are short", async () => {
    const server = await startSearchServer({ total: 500, pageCap: 70 });
    const gis = await GIS.connect({ url: server.url, setActive: false });
    try {
      const items = await gis.content.search("*", { maxItems: 150 });
      expect(items.map((item) => item.id)).toEqual(
        Array.from({ length: 150 }, (_, i) => `item${i + 1}`),
      );
    } finally {
      gis.close();
      await server.close();
    }
  });

  it("fails on the first failed page and cancels the pages still in flight", async () => {
    const server = await startSearchServer({
      total: 1000,
      pageCap: 100,
      failAt: [101],
      // The eight pages asked for ahead after the first: one fails, the others are held.
      holdAt: [201, 301, 401, 501, 601, 701, 801],
    });
    const gis = await GIS.connect({ url: server.url, setActive: false });
    try {
      await expect(gis.content.search("*", { maxItems: -1 })).rejects.toMatchObject({
        message: expect.stringContaining("Unable to page"),
      });
      // Resolves only when every held page's request was dropped by the client.
      await server.dropped;
      expect(server.starts).not.toContain(901);
    } finally {
      gis.close();
      await server.close();
    }
  });
});
