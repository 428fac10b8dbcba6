import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { openDatabase } from "./db/open-database";
import type { PortalOptions, PortalTls, RunningPortal } from "./options";
import { seedDemo, ensureAdministrator } from "./seed/seed-users";
import { buildApp } from "./server/build-app";
import { FaultInjector } from "./server/fault-injector";
import { guardProcess } from "./server/process-guard";
import { routeTableOf } from "./server/route-table";
import { createPortalServices } from "./server/portal-services";
import { issueClientCertificate } from "./tls/certificates";
import { loadOrCreateTlsMaterial, type TlsMaterial } from "./tls/tls-material";

const TWO_WEEKS_SECONDS = 14 * 24 * 3600;

export async function startPortal(options: PortalOptions = {}): Promise<RunningPortal> {
  guardProcess();
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;
  const temporary = options.data === undefined;
  const dataDir = options.data ?? fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-portal-"));
  fs.mkdirSync(dataDir, { recursive: true });
  const faults = new FaultInjector({ latency: options.latency, faultRate: options.faultRate });

  const db = openDatabase(dataDir);
  const tlsMaterial = options.tls ? loadOrCreateTlsMaterial(dataDir, hostNamesFor(host)) : null;
  const services = createPortalServices(db, {
    maxTokenLifetimeSeconds: options.tokenLifetimeSeconds ?? TWO_WEEKS_SECONDS,
    tlsEnabled: tlsMaterial !== null,
    deployment: options.deployment === "online" ? "online" : "enterprise",
    rootUrl: "",
  });

  const cleanUp = (): void => {
    db.close();
    if (temporary) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    services.organisations.get();
    services.tokens.deleteExpired(Date.now());
    if (options.admin) await ensureAdministrator(services, options.admin);
    if (options.demo) await seedDemo(services);

    const requestClientCert =
      typeof options.tls === "object" ? options.tls.requestClientCert !== false : true;
    const app = await buildApp({
      services,
      faults,
      log: options.log === true,
      https: tlsMaterial
        ? {
            key: tlsMaterial.server.keyPem,
            cert: tlsMaterial.server.certPem,
            ca: [tlsMaterial.authority.certPem],
            requestCert: requestClientCert,
            // Clients without a certificate are welcome; the portal checks `authorized` itself.
            rejectUnauthorized: false,
          }
        : undefined,
    });
    await app.listen({ port, host });
    const actualPort = (app.server.address() as AddressInfo).port;
    const scheme = tlsMaterial ? "https" : "http";
    services.rootUrl = `${scheme}://${urlHost(host)}:${actualPort}`;

    let closed: Promise<void> | null = null;
    return {
      url: services.rootUrl,
      port: actualPort,
      dataDir,
      close: () => {
        closed ??= app.close().then(cleanUp);
        return closed;
      },
      expireAllTokens: () => services.tokens.expireAll(),
      routes: () =>
        routeTableOf(app).map(({ method, url, access }) => ({
          method,
          url,
          access: access ? { name: access.name, privileges: access.privileges } : null,
        })),
      setFaults: (settings) => faults.set(settings),
      tls: tlsMaterial ? portalTls(tlsMaterial) : undefined,
    };
  } catch (error) {
    cleanUp();
    throw error;
  }
}

function portalTls(material: TlsMaterial): PortalTls {
  return {
    caCertPem: material.authority.certPem,
    issueClientCertificate: (commonName, opts) =>
      issueClientCertificate(material.authority, commonName, opts?.pfxPassword),
  };
}

/** Names the server certificate must carry for clients to reach it. */
function hostNamesFor(host: string): string[] {
  const names = new Set(["localhost", "127.0.0.1", "::1"]);
  if (isWildcard(host)) names.add(os.hostname());
  else names.add(host);
  return [...names];
}

function isWildcard(host: string): boolean {
  return host === "0.0.0.0" || host === "::";
}

/** The host part of the portal's URL; wildcard listeners are reached through loopback. */
function urlHost(host: string): string {
  if (isWildcard(host)) return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}
