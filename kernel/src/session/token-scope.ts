/**
 * Decides which hosts may receive the portal's token: the portal's own origin, and ArcGIS
 * Servers federated with it (their `/rest/info` names the portal as `owningSystemUrl`).
 * Everything else gets no token, so a layer URL pointing elsewhere cannot harvest it.
 */
export class TokenScope {
  private readonly portalOrigin: string;
  private readonly trustedHosts = new Set<string>();
  private readonly federation = new Map<string, Promise<boolean>>();

  constructor(
    portalUrl: string,
    private readonly fetchServerInfo: (infoUrl: string) => Promise<{ owningSystemUrl?: unknown }>,
  ) {
    const parsed = new URL(portalUrl);
    this.portalOrigin = parsed.origin;
    this.trustedHosts.add(parsed.host.toLowerCase());
  }

  /** Other host names the portal is known by (from portals/self: portalHostname, org URL). */
  addPortalHost(host: string | undefined): void {
    if (host) this.trustedHosts.add(host.toLowerCase().replace(/\/.*$/, ""));
  }

  async mayReceiveToken(url: string): Promise<boolean> {
    const target = new URL(url);
    if (target.origin === this.portalOrigin) return true;
    const serverRoot = serverRootOf(target);
    if (!serverRoot) return false;
    let decision = this.federation.get(serverRoot);
    if (!decision) {
      decision = this.isFederated(serverRoot);
      this.federation.set(serverRoot, decision);
    }
    return decision;
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
