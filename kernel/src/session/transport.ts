import http from "node:http";
import https from "node:https";
type HttpProxyModule = typeof import("http-proxy-agent");
type HttpsProxyModule = typeof import("https-proxy-agent");

/** Client certificate material for PKI, already read from disk. */
export interface ClientCertificate {
  key?: Buffer;
  cert?: Buffer;
  pfx?: Buffer;
  passphrase?: string;
}

export interface TransportOptions {
  /** An explicit proxy for every request; otherwise HTTPS_PROXY/HTTP_PROXY/NO_PROXY apply. */
  proxy?: { host: string; port: number };
  verifyCert: boolean;
  clientCertificate?: ClientCertificate;
}

export interface Agents {
  httpAgent: http.Agent;
  httpsAgent: https.Agent;
}

/**
 * Chooses the connection agents for a URL: direct, or through the configured proxy, always
 * with the same TLS settings (certificate checking and the PKI client certificate).
 */
export class Transport {
  private readonly direct: Agents;
  private readonly proxied = new Map<string, Agents>();

  constructor(private readonly options: TransportOptions) {
    this.direct = {
      httpAgent: new http.Agent({ keepAlive: true }),
      httpsAgent: new https.Agent({ keepAlive: true, ...this.tlsOptions() }),
    };
  }

  agentsFor(url: string): Agents {
    const proxyUrl = this.proxyFor(new URL(url));
    if (!proxyUrl) return this.direct;
    let agents = this.proxied.get(proxyUrl);
    if (!agents) {
      // Loaded only when a proxy is in use, which most sessions never are.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { HttpProxyAgent } = require("http-proxy-agent") as HttpProxyModule;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { HttpsProxyAgent } = require("https-proxy-agent") as HttpsProxyModule;
      agents = {
        httpAgent: new HttpProxyAgent(proxyUrl, { keepAlive: true }) as unknown as http.Agent,
        httpsAgent: new HttpsProxyAgent(proxyUrl, {
          keepAlive: true,
          ...this.tlsOptions(),
        }) as unknown as https.Agent,
      };
      this.proxied.set(proxyUrl, agents);
    }
    return agents;
  }

  /**
   * Fresh agents holding at most one connection, for handshakes that authenticate the connection
   * itself (NTLM): every message of the exchange then travels on the same socket. Direct only.
   */
  dedicatedAgents(): Agents {
    return {
      httpAgent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
      httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 1, ...this.tlsOptions() }),
    };
  }

  close(): void {
    for (const agents of [this.direct, ...this.proxied.values()]) {
      agents.httpAgent.destroy();
      agents.httpsAgent.destroy();
    }
    this.proxied.clear();
  }

  private tlsOptions(): https.AgentOptions {
    const cert = this.options.clientCertificate;
    return {
      rejectUnauthorized: this.options.verifyCert,
      ...(cert?.pfx ? { pfx: cert.pfx, passphrase: cert.passphrase } : {}),
      ...(cert?.key ? { key: cert.key } : {}),
      ...(cert?.cert ? { cert: cert.cert } : {}),
    };
  }

  private proxyFor(target: URL): string | undefined {
    const explicit = this.options.proxy;
    if (explicit) return `http://${explicit.host}:${explicit.port}`;
    const fromEnv =
      target.protocol === "https:"
        ? process.env.HTTPS_PROXY || process.env.https_proxy
        : process.env.HTTP_PROXY || process.env.http_proxy;
    if (!fromEnv || isExcludedByNoProxy(target)) return undefined;
    return fromEnv;
  }
}

function isExcludedByNoProxy(target: URL): boolean {
  const list = process.env.NO_PROXY || process.env.no_proxy;
  if (!list) return false;
  const host = target.hostname.toLowerCase();
  return list
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)
    .some((entry) => {
      if (entry === "*") return true;
      const bare = entry.replace(/^\*?\./, "").replace(/:\d+$/, "");
      return host === bare || host.endsWith(`.${bare}`);
    });
}
