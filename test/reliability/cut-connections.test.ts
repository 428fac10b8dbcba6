import http from "node:http";
import { startPortal, type RunningPortal } from "@tsgis/portal";
import { GIS } from "tsgis";
import { startRecordingServer, type RunningServer } from "../support/http-servers";
import { closeAll } from "../support/teardown";

/**
 * A response cut after its headers (the portal's "connection cut" fault): a GET is retried like
 * any transient failure, and a POST fails once with an error that names the URL.
 */
describe("responses cut mid-body", () => {
  let portal: RunningPortal;
  let gis: GIS;
  let server: RunningServer;

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
    gis = await GIS.connect({
      url: portal.url,
      username: "user",
      password: "tsgis-user-1",
      setActive: false,
    });
    // Cuts every odd-numbered request after promising 4,096 bytes; answers the others in full.
    server = await startRecordingServer((_request, response: http.ServerResponse) => {
      if (server.requests.length % 2 === 1) {
        response.writeHead(200, { "content-type": "application/json", "content-length": 4096 });
        response.write('{"partial":', () => response.destroy());
      } else {
        response.writeHead(200, { "content-type": "application/json" });
        response.end('{"ok":true}');
      }
    });
  });

  afterAll(async () => {
    await closeAll(gis?.session, server, portal);
  });

  it("retries a GET whose response was cut", async () => {
    await expect(gis.session.get(`${server.url}/read`)).resolves.toEqual({ ok: true });
  });

  it("fails a cut POST once, with an error naming the URL", async () => {
    const before = server.requests.length;
    await expect(gis.session.post(`${server.url}/write`, { n: 1 })).rejects.toThrow(
      `${server.url}/write`,
    );
    expect(server.requests.length - before).toBe(1);
  });
});
