import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { GIS } from "tsgis";
import {
  createCertificateAuthority,
  issueServerCertificate,
} from "../../portal/src/tls/certificates";

const PORTAL_TOKEN = "portal-token-1";
const HOSTED = "services1.arcgis.com";
const LOOKALIKE = "services1.arcgis.com.example.net";

interface SeenRequest {
  host: string;
  path: string;
  bearer: string | undefined;
  body: string;
}

async function listen(server: http.Server | https.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

function read(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => resolve(body));
  });
}

/**
 * Stand-ins, all on loopback: a portal saying whether it is ArcGIS Online (`isPortal`), a TLS
 * server answering for the hosted-services hosts, and a forward proxy that sends those hosts'
 * tunnels to it, so the client addresses the real host names without leaving the machine.
 */
async function startWorld(isPortal: boolean) {
  const seen: SeenRequest[] = [];
  const record = async (host: string, req: http.IncomingMessage): Promise<SeenRequest> => {
    const header = req.headers["x-esri-authorization"];
    const entry = {
      host,
      path: req.url ?? "",
      bearer: typeof header === "string" ? header.replace(/^Bearer /, "") : undefined,
      body: await read(req),
    };
    seen.push(entry);
    return entry;
  };
  const portal = http.createServer(async (req, res) => {
    const entry = await record("portal", req);
    res.setHeader("Content-Type", "application/json");
    if (entry.path.includes("/generateToken")) {
      const token = entry.body.includes("serverUrl=") ? "server-token-1" : PORTAL_TOKEN;
      res.end(JSON.stringify({ token, expires: Date.now() + 3_600_000, ssl: false }));
    } else if (entry.path.includes("/portals/self")) {
      res.end(
        JSON.stringify({
          id: "org1",
          isPortal,
          portalHostname: "www.arcgis.com",
          user: { username: "analyst" },
        }),
      );
    } else res.end(JSON.stringify({ currentVersion: "2024.1" }));
  });
  const authority = createCertificateAuthority();
  const certificate = issueServerCertificate(authority, [HOSTED, LOOKALIKE]);
  const services = https.createServer(
    { key: certificate.keyPem, cert: certificate.certPem },
    async (req, res) => {
      const entry = await record(req.headers.host ?? "", req);
      res.setHeader("Content-Type", "application/json");
      if (entry.path.includes("/rest/info")) {
        // What ArcGIS Online's hosted servers answer: they name ArcGIS Online as their owner.
        res.end(
          JSON.stringify({ currentVersion: 11.3, owningSystemUrl: "https://www.arcgis.com" }),
        );
      } else res.end(JSON.stringify({ layers: [{ id: 0, name: "Trees" }] }));
    },
  );
  const proxy = http.createServer((req, res) => {
    const target = new URL(req.url ?? "");
    // Plain HTTP goes only to the portal stand-in; nothing leaves the machine.
    if (target.hostname !== "127.0.0.1") {
      res.writeHead(502);
      res.end();
      return;
    }
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: target.pathname + target.search,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  proxy.on("connect", (_request: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    const upstream = net.connect(servicesPort, "127.0.0.1", () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  });
  const portalPort = await listen(portal);
  const servicesPort = await listen(services);
  const proxyPort = await listen(proxy);
  const gis = await GIS.connect({
    url: `http://127.0.0.1:${portalPort}`,
    username: "analyst",
    password: "analyst-password-1",
    proxyHost: "127.0.0.1",
    proxyPort,
    setActive: false,
  });
  return {
    gis,
    seen,
    close: async () => {
      gis.close();
      for (const server of [portal, services, proxy]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

// Esri's clients send an ArcGIS Online token as it is to the organisation's hosted services on
// services<n>.arcgis.com; the generateToken exchange with serverUrl is for federated servers.
describe("tokens for ArcGIS Online's hosted services", () => {
  // The decisions are read from the connected GIS's own token scope: the stand-in for
  // services1.arcgis.com has a test certificate, and `verifyCert: false` does not reach TLS inside
  // a proxy tunnel, so no request there gets past the handshake.
  it("sends the portal token as it is to services*.arcgis.com and to nobody else", async () => {
    const world = await startWorld(false);
    const { session } = world.gis;
    try {
      const service = `https://${HOSTED}/org1/arcgis/rest/services/Trees/FeatureServer/0/query`;
      expect(await session.tokenScope.mayReceiveToken(service)).toBe(true);
      expect(await session.tokenScope.tokenFor(service, session)).toBe(PORTAL_TOKEN);
      expect(world.seen.some((r) => r.body.includes("serverUrl="))).toBe(false);

      // Not over plain HTTP, and not to a host that only starts like one.
      const plain = `http://${HOSTED}/org1/arcgis/rest/services/Trees/FeatureServer`;
      expect(await session.tokenScope.tokenFor(plain, session)).toBeUndefined();
      const lookalike = `https://${LOOKALIKE}/arcgis/rest/services/x/FeatureServer`;
      expect(await session.tokenScope.tokenFor(lookalike, session)).toBeUndefined();
    } finally {
      await world.close();
    }
  });

  it("gives services*.arcgis.com nothing when signed in to an Enterprise portal", async () => {
    const world = await startWorld(true);
    const { session } = world.gis;
    try {
      const service = `https://${HOSTED}/org1/arcgis/rest/services/T/FeatureServer`;
      expect(await session.tokenScope.tokenFor(service, session)).toBeUndefined();
      expect(world.seen.some((r) => r.body.includes("serverUrl="))).toBe(false);
    } finally {
      await world.close();
    }
  });
});
