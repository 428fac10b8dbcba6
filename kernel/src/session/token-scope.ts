import type { Session } from "./session";

interface ServerToken {
  value: string;
  expires: number;
}

/** Ask for a server token again this long before it ends, so a request never races expiry. */
const RENEW_MARGIN_MS = 30_000;
/** Minutes a server token is asked for; the portal caps it at the portal token's own end. */
const SERVER_TOKEN_MINUTES = 60;

/**
 * Decides which token each host gets: the portal's own origin gets the portal token; an ArcGIS
 * Server federated with the portal (its `/rest/info` names the portal as `owningSystemUrl`) gets
 * a token of its own, obtained through the portal (`generateToken` with `serverUrl`) and cached
 * until it expires; everything else gets no token, so a layer URL pointing elsewhere cannot
 * harvest one.
 */
export class TokenScope {
  private readonly portalOrigin: string;
  private readonly trustedHosts = new Set<string>();
  private readonly federation = new Map<string, Promise<boolean>>();
  private readonly serverTokens = new Map<string, ServerToken>();
  private readonly pendingServerTokens = new Map<string, Promise<ServerToken>>();
  private arcGISOnline = false;

  constructor(
    portalUrl: string,
    private readonly fetchServerInfo: (infoUrl: string) => Promise<{ owningSystemUrl?: unknown }>,
  ) {
    const parsed = new URL(portalUrl);
    this.portalOrigin = parsed.origin;
    this.trustedHosts.add(parsed.host.toLowerCase());
  }

  /**
   * The portal is ArcGIS Online (portals/self says `isPortal: false`): its own hosted services
   * then take the portal token as it is, as Esri's clients send it.
   */
  setArcGISOnline(isOnline: boolean): void {
    this.arcGISOnline = isOnline;
  }

  /** Other host names the portal is known by (from portals/self: portalHostname, org URL). */
  addPortalHost(host: string | undefined): void {
    if (host) this.trustedHosts.add(host.toLowerCase().replace(/\/.*$/, ""));
  }

  async mayReceiveToken(url: string): Promise<boolean> {
    const target = new URL(url);
    if (target.origin === this.portalOrigin) return true;
    if (this.isOnlineHostedService(target)) return true;
    const serverRoot = serverRootOf(target);
    if (!serverRoot) return false;
    let decision = this.federation.get(serverRoot);
    if (!decision) {
      decision = this.isFederated(serverRoot);
      this.federation.set(serverRoot, decision);
    }
    return decision;
  }

  /**
   * The token a request to `url` carries, or undefined for none. PKI and anonymous sessions
   * have no token to exchange; an app login's token is the app's, valid as it is.
   */
  async tokenFor(url: string, session: Session): Promise<string | undefined> {
    const target = new URL(url);
    if (target.origin === this.portalOrigin) return session.auth.token(session);
    if (this.isOnlineHostedService(target)) return session.auth.token(session);
    const serverRoot = serverRootOf(target);
    if (!serverRoot || !(await this.mayReceiveToken(url))) return undefined;
    if (session.auth.scheme === "app") return session.auth.token(session);
    if (session.auth.scheme === "anonymous" || session.auth.scheme === "pki") return undefined;
    const cached = this.serverTokens.get(serverRoot);
    if (cached && cached.expires - RENEW_MARGIN_MS > Date.now()) return cached.value;
    return (await this.exchange(serverRoot, session)).value;
  }

  /**
   * A server refused `token`: forget it, so the retry exchanges a fresh one. True when it was a
   * server token (the portal login itself is then still good).
   */
  forgetServerToken(token: string | undefined): boolean {
    for (const [serverRoot, cached] of this.serverTokens) {
      if (cached.value === token) {
        this.serverTokens.delete(serverRoot);
        return true;
      }
    }
    return false;
  }

  /**
   * ArcGIS Online's hosted services (`https://services<n>.arcgis.com/…`) are not federated
   * servers: they take the portal token itself and are not known to accept `generateToken` with
   * `serverUrl`. Only those exact hosts, over HTTPS, and only when signed in to ArcGIS Online.
   */
  private isOnlineHostedService(target: URL): boolean {
    return (
      this.arcGISOnline &&
      target.protocol === "https:" &&
      /^services\d*\.arcgis\.com$/i.test(target.hostname)
    );
  }

  /** Concurrent requests to one server share one exchange. */
  private exchange(serverRoot: string, session: Session): Promise<ServerToken> {
    let pending = this.pendingServerTokens.get(serverRoot);
    if (!pending) {
      pending = this.requestServerToken(serverRoot, session).finally(() => {
        this.pendingServerTokens.delete(serverRoot);
      });
      this.pendingServerTokens.set(serverRoot, pending);
    }
    return pending;
  }

  private async requestServerToken(serverRoot: string, session: Session): Promise<ServerToken> {
    for (let attempt = 1; ; attempt++) {
      const portalToken = await session.auth.token(session);
      try {
        const response = await session.request<{ token?: string; expires?: number }>(
          `${session.restUrl}/generateToken`,
          {
            serverUrl: serverRoot,
            token: portalToken,
            request: "getToken",
            client: "referer",
            referer: session.referer,
            expiration: SERVER_TOKEN_MINUTES,
          },
          { method: "POST", authenticate: false, idempotent: true },
        );
        if (!response.token) throw new Error(`generateToken gave no token for ${serverRoot}`);
        const issued = {
          value: response.token,
          expires: response.expires ?? Date.now() + SERVER_TOKEN_MINUTES * 60_000,
        };
        this.serverTokens.set(serverRoot, issued);
        return issued;
      } catch (error) {
        // The portal token itself expired: renew the login once and exchange again.
        const code = (error as { code?: unknown }).code;
        if (attempt === 1 && (code === 498 || code === 499)) {
          if (await session.auth.renew(session, portalToken)) continue;
        }
        throw error;
      }
    }
  }

  private async isFederated(serverRoot: string): Promise<boolean> {
    try {
      const info = await this.fetchServerInfo(`${serverRoot}/rest/info`);
      if (typeof info.owningSystemUrl !== "string") return false;
      const owner = new URL(info.owningSystemUrl);
      return this.trustedHosts.has(owner.host.toLowerCase());
    } catch {
      return false;
    }
  }
}

/** `https://host/server/rest/services/x/FeatureServer` → `https://host/server`. */
function serverRootOf(target: URL): string | undefined {
  const index = target.pathname.toLowerCase().indexOf("/rest/");
  if (index < 0) return undefined;
  return `${target.origin}${target.pathname.slice(0, index)}`;
}
