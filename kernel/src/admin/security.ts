import { inspect } from "node:util";
import type { GIS } from "../gis";
import { optionalBoolean, optionalChoice, plainObject } from "../arguments";
import { getPortalSelf } from "../rest/portals";

/** The organisation's security settings, as `portals/self` reports them. */
export interface SecurityConfig {
  /** "public": anonymous visitors may use the organisation's public content and pages. */
  access: "public" | "private";
  /** HTTPS only. */
  allSSL: boolean;
  /** Origins whose web pages may call the portal (empty: any). */
  allowedOrigins: string[];
  /** Servers trusted to receive the members' credentials across origins. */
  authorizedCrossOriginDomains: string[];
  /** Members may sign in with built-in (ArcGIS) accounts. */
  canSignInArcGIS: boolean;
  /** Members may sign in through a SAML identity provider. */
  canSignInIDP: boolean;
  /** Multifactor authentication is on for the organisation. */
  mfaEnabled: boolean;
}

const KEYS: readonly (keyof SecurityConfig)[] = [
  "access",
  "allSSL",
  "allowedOrigins",
  "authorizedCrossOriginDomains",
  "canSignInArcGIS",
  "canSignInIDP",
  "mfaEnabled",
];

function originList(value: unknown, argument: string): string | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== "string")) {
    throw new TypeError(`${argument}: expected a list of origins such as ["https://example.com"]`);
  }
  // Sent as JSON: an empty list must reach the portal as "[]", not as nothing.
  return JSON.stringify(value);
}

/**
 * The organisation's security settings: anonymous access, HTTPS only, allowed origins, trusted
 * servers and sign-in options (full administrators change them). Python: `gis.admin.security`
 * (`SecurityManager`, its `config`).
 * @example
 * const { allowedOrigins } = await gis.admin.security.getConfig();
 */
export class SecurityManager {
  /**
   * Made by `gis.admin`: use `gis.admin.security`. Python: `SecurityManager(url, gis)`.
   * @example
   * const security = gis.admin.security;
   */
  constructor(protected readonly gis: GIS) {}

  /**
   * The current settings. Python: `SecurityManager.config` (getter).
   * @example
   * const config = await gis.admin.security.getConfig();
   */
  async getConfig(): Promise<SecurityConfig> {
    const portal = await getPortalSelf(this.gis.session);
    return {
      access: portal.access === "public" ? "public" : "private",
      allSSL: portal.allSSL === true,
      allowedOrigins: (portal.allowedOrigins as string[] | undefined) ?? [],
      authorizedCrossOriginDomains:
        (portal.authorizedCrossOriginDomains as string[] | undefined) ?? [],
      canSignInArcGIS: portal.canSignInArcGIS !== false,
      canSignInIDP: portal.canSignInIDP === true,
      mfaEnabled: portal.mfaEnabled === true,
    };
  }

  /**
   * Changes the settings given; the others stay. The portal refuses a setting it cannot honour
   * (HTTPS only on a plain-HTTP portal, sign-in it does not offer) with an error naming it.
   * Python: `SecurityManager.config = {...}` (setter).
   * @example
   * await gis.admin.security.setConfig({ allowedOrigins: ["https://apps.example.com"] });
   */
  async setConfig(config: Partial<SecurityConfig>): Promise<boolean> {
    const given = plainObject(config, "config");
    const unknown = Object.keys(given).find((key) => !(KEYS as string[]).includes(key));
    if (unknown !== undefined) {
      throw new TypeError(`config.${unknown}: not a security setting (${KEYS.join(", ")})`);
    }
    const params = {
      access: optionalChoice(given.access, "config.access", ["public", "private"]),
      allSSL: optionalBoolean(given.allSSL, "config.allSSL"),
      allowedOrigins: originList(given.allowedOrigins, "config.allowedOrigins"),
      authorizedCrossOriginDomains: originList(
        given.authorizedCrossOriginDomains,
        "config.authorizedCrossOriginDomains",
      ),
      canSignInArcGIS: optionalBoolean(given.canSignInArcGIS, "config.canSignInArcGIS"),
      canSignInIDP: optionalBoolean(given.canSignInIDP, "config.canSignInIDP"),
      mfaEnabled: optionalBoolean(given.mfaEnabled, "config.mfaEnabled"),
    };
    // Through updateProperties, so that gis.properties shows the new settings.
    return this.gis.updateProperties(params);
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `SecurityManager.__repr__()`.
   * @example
   * console.log(util.inspect(gis.admin.security));
   */
  [inspect.custom](): string {
    return `<SecurityManager url:"${this.gis.url}">`;
  }
}
