import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { ArcGISError } from "tsgis";
import { parseJsonAnswer, Session } from "../../kernel/src/session/session";
import { ExistingToken } from "../../kernel/src/session/auth";
import { startRecordingServer, type RunningServer } from "../support/http-servers";

function sessionFor(server: RunningServer): Session {
  return new Session({
    portalUrl: server.url,
    timeoutMs: 10_000,
    verifyCert: true,
    retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 50 },
  });
}

function json(response: import("node:http").ServerResponse, body: unknown): void {
  response.setHeader("Content-Type", "application/json");
  response.end(JSON.stringify(body));
}

describe("Session", () => {
  let server: RunningServer;
  let session: Session;
  afterEach(async () => {
    session?.close();
    await server?.close();
  });

  it("sends f=json, GET for reads and POST by default, with the tsgis user agent", async () => {
    server = await startRecordingServer((_req, res) => json(res, { ok: true }));
    session = sessionFor(server);
    await session.get("portals/self", { num: 5 });
    await session.request("content/users/x/addItem", { title: "t" });
    const [read, write] = server.requests;
    expect(read.method).toBe("GET");
    expect(read.url).toBe("/sharing/rest/portals/self?f=json&num=5");
    expect(write.method).toBe("POST");
    expect(write.body.toString()).toBe("f=json&title=t");
    expect(write.headers["content-type"]).toMatch(/x-www-form-urlencoded/);
    expect(read.headers["user-agent"]).toMatch(/^tsgis\/\d+\.\d+\.\d+$/);
  });

  it("switches a GET to POST when the URL would pass 2,000 characters", async () => {
    server = await startRecordingServer((_req, res) => json(res, {}));
    session = sessionFor(server);
    await session.get("search", { q: "x".repeat(2100) });
    expect(server.requests[0].method).toBe("POST");
    expect(server.requests[0].url).toBe("/sharing/rest/search");
  });

  it("turns an error body sent with HTTP 200 into an ArcGISError without the token", async () => {
    server = await startRecordingServer((_req, res) =>
      json(res, {
        error: { code: 403, messageCode: "GWM_0003", message: "No access", details: ["d1"] },
      }),
    );
    session = sessionFor(server);
    session.auth = new ExistingToken("SECRET-TOKEN");
    const failure = await session
      .request("content/items/1", {}, { tokenInParams: true })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ArcGISError);
    const error = failure as ArcGISError;
    expect(error).toMatchObject({ code: 403, messageCode: "GWM_0003", message: "No access" });
    expect(error.details).toEqual(["d1"]);
    expect(error.url).toBe(`${server.url}/sharing/rest/content/items/1`);
    expect(JSON.stringify(error) + error.message + error.stack).not.toContain("SECRET-TOKEN");
  });

  it("turns an HTTP error into an ArcGISError with the status", async () => {
    server = await startRecordingServer((_req, res) => {
      res.writeHead(404, { "Content-Type": "text/html" });
      res.end("<html>not here</html>");
    });
    session = sessionFor(server);
    await expect(session.get("nothing")).rejects.toMatchObject({
      name: "ArcGISError",
      code: 404,
      httpStatus: 404,
    });
  });

  it("sends the token in the X-Esri-Authorization header to the portal", async () => {
    server = await startRecordingServer((_req, res) => json(res, {}));
    session = sessionFor(server);
    session.auth = new ExistingToken("T1");
    await session.get("community/self");
    expect(server.requests[0].headers["x-esri-authorization"]).toBe("Bearer T1");
    expect(server.requests[0].url).not.toContain("T1");
  });

  it("retries an idempotent request on 503 and 429 but never a write", async () => {
    let calls = 0;
    server = await startRecordingServer((_req, res) => {
      calls += 1;
      if (calls === 1) {
        res.writeHead(503);
        return res.end();
      }
      if (calls === 2) {
        res.writeHead(429, { "Retry-After": "0" });
        return res.end();
      }
      json(res, { fine: true });
    });
    session = sessionFor(server);
    await expect(session.get("portals/self")).resolves.toEqual({ fine: true });
    expect(server.requests).toHaveLength(3);

    calls = 0;
    await expect(session.post("content/users/a/addItem", { title: "x" })).rejects.toMatchObject({
      code: 503,
    });
    expect(server.requests).toHaveLength(4);
  });

  it("gives up after the policy's attempts", async () => {
    server = await startRecordingServer((_req, res) => {
      res.writeHead(502);
      res.end();
    });
    session = sessionFor(server);
    await expect(session.get("portals/self")).rejects.toMatchObject({ code: 502 });
    expect(server.requests).toHaveLength(4);
  });

  it("retries an idempotent request when the connection is cut", async () => {
    let calls = 0;
    server = await startRecordingServer((_req, res) => {
      calls += 1;
      if (calls === 1) return res.socket?.destroy();
      json(res, { after: "reset" });
    });
    session = sessionFor(server);
    await expect(session.get("portals/self")).resolves.toEqual({ after: "reset" });
    expect(calls).toBe(2);
  });

  it("sends paths, buffers and streams as multipart parts", async () => {
    server = await startRecordingServer((_req, res) => json(res, { success: true }));
    session = sessionFor(server);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-session-"));
    const file = path.join(dir, "data.csv");
    fs.writeFileSync(file, "a,b\n1,2\n");
    await session.request(
      "content/users/a/addItem",
      { title: "csv", tags: ["x", "y"] },
      {
        files: {
          file: { path: file },
          thumbnail: { buffer: Buffer.from("PNGDATA"), filename: "t.png" },
          metadata: { stream: Readable.from([Buffer.from("<xml/>")]), filename: "m.xml" },
        },
      },
    );
    const request = server.requests[0];
    const body = request.body.toString();
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(body).toContain('name="f"\r\n\r\njson');
    expect(body).toContain('name="tags"\r\n\r\nx,y');
    expect(body).toContain('filename="data.csv"');
    expect(body).toContain("a,b\n1,2\n");
    expect(body).toContain("PNGDATA");
    expect(body).toContain("<xml/>");
  });

  it("decodes JSON and text whose characters are split across the chunks they arrive in", async () => {
    const label = "é✓😀".repeat(30_000);
    const bytes = Buffer.from(JSON.stringify({ label }));
    server = await startRecordingServer((_req, res) => {
      res.setHeader("Content-Type", "application/json");
      // Odd-sized pieces cut the two-, three- and four-byte characters apart.
      for (let at = 0; at < bytes.length; at += 7919) res.write(bytes.subarray(at, at + 7919));
      res.end();
    });
    session = sessionFor(server);
    expect(await session.get("big")).toEqual({ label });
    const text = await session.request("big", {}, { responseKind: "text" });
    expect(text).toBe(JSON.stringify({ label }));
  });

  it("returns bytes and streams, and still finds error bodies in them", async () => {
    server = await startRecordingServer((req, res) => {
      if (req.url.includes("bad")) return json(res, { error: { code: 400, message: "bad item" } });
      res.setHeader("Content-Type", "application/octet-stream");
      res.end(Buffer.from([1, 2, 3]));
    });
    session = sessionFor(server);
    const bytes = await session.request("good", {}, { method: "GET", responseKind: "buffer" });
    expect([...bytes]).toEqual([1, 2, 3]);
    const stream = await session.request("good", {}, { method: "GET", responseKind: "stream" });
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect([...Buffer.concat(chunks)]).toEqual([1, 2, 3]);
    await expect(
      session.request("bad", {}, { method: "GET", responseKind: "stream" }),
    ).rejects.toMatchObject({ message: "bad item", code: 400 });
  });

  it("leaves jsonText answers unparsed, yet throws error answers and renews an expired login", async () => {
    let expired = true;
    server = await startRecordingServer((req, res) => {
      if (req.url.includes("gone")) return json(res, { error: { code: 404, message: "no layer" } });
      if (expired) {
        expired = false;
        return json(res, { error: { code: 498, message: "Invalid token." } });
      }
      json(res, { features: [{ attributes: { a: 1 } }] });
    });
    session = sessionFor(server);
    let renewals = 0;
    session.auth = new (class extends ExistingToken {
      override async renew(): Promise<boolean> {
        renewals++;
        return true;
      }
    })("old-token");
    const text = await session.request("page", {}, { method: "GET", responseKind: "jsonText" });
    expect(text).toBe('{"features":[{"attributes":{"a":1}}]}');
    expect(renewals).toBe(1);
    await expect(
      session.request("gone", {}, { method: "GET", responseKind: "jsonText" }),
    ).rejects.toMatchObject({ message: "no layer", code: 404 });
  });

  it("parseJsonAnswer finds an error member anywhere and names the URL of what was not JSON", () => {
    expect(parseJsonAnswer('{"a":1}', "https://host/q")).toEqual({ a: 1 });
    expect(() =>
      parseJsonAnswer('{"features":[],"error":{"code":500,"message":"late"}}', "https://host/q"),
    ).toThrow(ArcGISError);
    expect(() => parseJsonAnswer("<html>", "https://host/q?token=secret")).toThrow(
      "Expected JSON from https://host/q, got: <html>",
    );
  });

  it("does not follow a redirect to another host with the token", async () => {
    const elsewhere = await startRecordingServer((_req, res) => json(res, { moved: true }));
    try {
      server = await startRecordingServer((_req, res) => {
        res.writeHead(302, { Location: `${elsewhere.url}/landing` });
        res.end();
      });
      session = sessionFor(server);
      session.auth = new ExistingToken("T2");
      await expect(session.get("community/self")).resolves.toEqual({ moved: true });
      expect(server.requests[0].headers["x-esri-authorization"]).toBe("Bearer T2");
      const landed = elsewhere.requests.find((r) => r.url.startsWith("/landing"));
      expect(landed).toBeDefined();
      expect(landed?.headers["x-esri-authorization"]).toBeUndefined();
    } finally {
      await elsewhere.close();
    }
  });
});
