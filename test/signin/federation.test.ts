import { startPortal, type RunningPortal } from "@tsgis/portal";
import { GIS } from "tsgis";
import {
  startFlakyFront,
  startRecordingServer,
  type FlakyFront,
  type RecordedRequest,
  type RunningServer,
} from "../support/http-servers";
import { closeAll } from "../support/teardown";

const ADMIN = { username: "admin", password: "tsgis-admin-1" };

function bearer(request: RecordedRequest | undefined): string | undefined {
  const header = request?.headers["x-esri-authorization"];
  return typeof header === "string" ? header.replace(/^Bearer /, "") : undefined;
}

/** An ArcGIS Server stand-in that names `owner` as its portal and refuses `refused` tokens. */
async function startFederatedServer(
  owner: () => string,
  refused: Set<string> = new Set(),
): Promise<RunningServer> {
  return startRecordingServer((request, response) => {
    response.setHeader("Content-Type", "application/json");
    if (request.url.includes("/rest/info")) {
      response.end(JSON.stringify({ currentVersion: 11.3, owningSystemUrl: owner() }));
      return;
    }
    const token = bearer(request);
    if (token && refused.has(token)) {
      response.end(
        JSON.stringify({ error: { code: 498, message: "Invalid token.", details: [] } }),
      );
      return;
    }
    response.end(JSON.stringify({ layers: [] }));
  });
}

describe("tokens for federated servers", () => {
  let portal: RunningPortal;
  let front: FlakyFront;
  let gis: GIS;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    portal = await startPortal({ port: 0, demo: true });
    front = await startFlakyFront(portal.url);
    gis = await GIS.connect({ url: front.url, ...ADMIN, setActive: false });
  });
  afterAll(async () => {
    await closeAll(gis, ...servers, front, portal);
  });

  const exchanges = (): RecordedRequest[] =>
    front.requests.filter(
      (r) => r.url.includes("generateToken") && r.body.toString().includes("serverUrl="),
    );

  it("gets a server's own token through the portal and keeps it until it expires", async () => {
    const server = await startFederatedServer(() => front.url);
    servers.push(server);
    front.requests.length = 0;
    await gis.session.get(`${server.url}/server/rest/services/Parcels/FeatureServer`);
    await gis.session.get(`${server.url}/server/rest/services/Roads/FeatureServer/0`);

    const sent = server.requests.filter((r) => !r.url.includes("/rest/info")).map(bearer);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toBeDefined();
    expect(sent[1]).toBe(sent[0]);
    expect(exchanges()).toHaveLength(1);
    const exchange = new URLSearchParams(exchanges()[0].body.toString());
    expect(exchange.get("serverUrl")).toBe(`${server.url}/server`);

    // It is not the portal token, and the portal does not accept it: it is the server's alone.
    const portalToken = await gis.session.auth.token(gis.session);
    expect(sent[0]).not.toBe(portalToken);
    const replayed = await fetch(`${portal.url}/sharing/rest/portals/self?f=json`, {
      headers: { "X-Esri-Authorization": `Bearer ${sent[0]}` },
    });
    expect(((await replayed.json()) as { error?: { code: number } }).error?.code).toBe(498);
  });

  it("exchanges again when the server refuses its token", async () => {
    const refused = new Set<string>();
    const server = await startFederatedServer(() => front.url, refused);
    servers.push(server);
    await gis.session.get(`${server.url}/arcgis/rest/services/A/MapServer`);
    const first = bearer(server.requests.find((r) => r.url.includes("/A/MapServer")));
    refused.add(first as string);
    front.requests.length = 0;

    await gis.session.get(`${server.url}/arcgis/rest/services/B/MapServer`);
    const tries = server.requests.filter((r) => r.url.includes("/B/MapServer")).map(bearer);
    expect(tries).toEqual([first, expect.any(String)]);
    expect(tries[1]).not.toBe(first);
    expect(exchanges()).toHaveLength(1);
  });

  it("asks for a new server token once the old one is about to end", async () => {
    // Tokens of this portal live 20 seconds, inside the client's 30-second renewal margin.
    const shortLived = await startPortal({ port: 0, demo: true, tokenLifetimeSeconds: 20 });
    const shortFront = await startFlakyFront(shortLived.url);
    const short = await GIS.connect({ url: shortFront.url, ...ADMIN, setActive: false });
    const server = await startFederatedServer(() => shortFront.url);
    try {
      await short.session.get(`${server.url}/server/rest/services/Parcels/FeatureServer`);
      await short.session.get(`${server.url}/server/rest/services/Parcels/FeatureServer`);
      const serverExchanges = shortFront.requests.filter((r) =>
        r.body.toString().includes("serverUrl="),
      );
      expect(serverExchanges).toHaveLength(2);
    } finally {
      short.close();
      await server.close();
      await shortFront.close();
      await shortLived.close();
    }
  });

  it("follows a redirect between servers with the token of the server it lands on", async () => {
    const target = await startFederatedServer(() => front.url);
    servers.push(target);
    const moved = await startRecordingServer((request, response) => {
      response.setHeader("Content-Type", "application/json");
      if (request.url.includes("/rest/info")) {
        response.end(JSON.stringify({ owningSystemUrl: front.url }));
        return;
      }
      response.writeHead(302, {
        Location: `${target.url}/server/rest/services/Parcels/FeatureServer`,
      });
      response.end();
    });
    servers.push(moved);
    await gis.session.get(`${moved.url}/server/rest/services/Parcels/FeatureServer`);
    const first = bearer(moved.requests.find((r) => r.url.includes("Parcels")));
    const landed = bearer(target.requests.find((r) => r.url.includes("Parcels")));
    expect(first).toBeDefined();
    expect(landed).toBeDefined();
    expect(landed).not.toBe(first);
  });

  it("gives no token at all to a server federated with another portal", async () => {
    const server = await startFederatedServer(() => "https://elsewhere.example.com/portal");
    servers.push(server);
    front.requests.length = 0;
    await gis.session.get(`${server.url}/server/rest/services/Parcels/FeatureServer`);
    for (const request of server.requests) {
      expect(request.headers["x-esri-authorization"]).toBeUndefined();
      expect(request.url).not.toMatch(/token=/);
    }
    expect(exchanges()).toHaveLength(0);
  });

  it("refuses a server token request without a portal token or with a bad serverUrl", async () => {
    const post = async (params: Record<string, string>): Promise<{ error?: { code: number } }> => {
      const response = await fetch(`${portal.url}/sharing/rest/generateToken`, {
        method: "POST",
        body: new URLSearchParams({ f: "json", ...params }),
      });
      return (await response.json()) as { error?: { code: number } };
    };
    expect((await post({ serverUrl: "http://127.0.0.1:9/server" })).error?.code).toBe(400);
    const token = await gis.session.auth.token(gis.session);
    expect((await post({ serverUrl: "not a url", token: token as string })).error?.code).toBe(400);
    expect(
      (await post({ serverUrl: "http://127.0.0.1:9/server", token: "forged" })).error?.code,
    ).toBe(498);
  });
});
