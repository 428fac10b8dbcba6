import { inspect } from "node:util";
import { AdminManager } from "./admin/admin-manager";
import { ContentManager } from "./content/content-manager";
import { DatastoreManager } from "./datastore/datastore-manager";
import { validateConnectOptions, type GISOptions } from "./connect-options";
import { plainObject } from "./arguments";
import { env } from "./env";
import type { RequestParams } from "./session/params";
import { GroupManager } from "./groups/group-manager";
import { Hub } from "./hub/hub";
import { createMap, type MapLocation, type MapOptions } from "./map/create-map";
import type { MapView } from "./map/map-view";
import { Session } from "./session/session";
import { prepareSignIn } from "./sign-in";
import { getSharingRoot } from "./rest/info";
import * as portals from "./rest/portals";
import { getCommunitySelf } from "./rest/users";
import { User, type UserJSON } from "./users/user";
import { UserManager } from "./users/user-manager";

/** The portal's description of itself (`portals/self`); every field the server sends is kept. */
export interface PortalProperties {
  id?: string;
  name?: string;
  urlKey?: string;
  customBaseUrl?: string;
  portalHostname?: string;
  isPortal?: boolean;
  currentVersion?: string;
  helperServices?: Record<string, unknown>;
  user?: UserJSON;
  [field: string]: unknown;
}

const DEFAULT_TIMEOUT_SECONDS = 600;
const DEFAULT_PROXY_PORT = 80;

/**
 * A connection to ArcGIS Online or an ArcGIS Enterprise portal, and the entry point to its
 * content, users and groups.
 *
 * Python: `arcgis.gis.GIS`.
 * @example
 * const gis = await GIS.connect({ url: "https://gis.example.com/portal", username, password });
 * console.log(gis.properties.name, gis.users.me?.username);
 */
export class GIS {
  /**
   * The portal's root URL. Python: `GIS.url`.
   * @example
   * console.log(gis.url);
   */
  readonly url: string;
  /**
   * The one HTTP door that every manager uses.
   * Python: `GIS._con`, kept private there.
   * @example
   * const self = await gis.session.get("portals/self");
   */
  readonly session: Session;
  /**
   * Python: `GIS.users`.
   * @example
   * const me = gis.users.me;
   */
  readonly users: UserManager;
  /**
   * Python: `GIS.content`.
   * @example
   * const items = await gis.content.search("tags:water");
   */
  readonly content: ContentManager;
  /**
   * Python: `GIS.groups`.
   * @example
   * const groups = await gis.groups.search("title:Parks");
   */
  readonly groups: GroupManager;
  /**
   * Hub sites, initiatives and pages of the organisation. Python: `GIS.hub`.
   * @example
   * const sites = await gis.hub.search({ kind: "site" });
   */
  readonly hub: Hub;
  private portalProperties: PortalProperties;
  private readonly versionParts: number[];
  private adminManager: AdminManager | null = null;
  private datastoreManager: DatastoreManager | null = null;

  private constructor(
    session: Session,
    properties: PortalProperties,
    version: number[],
    me: UserJSON | null,
  ) {
    this.session = session;
    this.url = session.portalUrl;
    this.portalProperties = properties;
    this.versionParts = version;
    this.users = new UserManager(this, me ? new User(this, me.username, me) : null);
    this.content = new ContentManager(this);
    this.groups = new GroupManager(this);
    this.hub = new Hub(this);
  }

  /**
   * Connects to a portal and signs in. Without `url`, ArcGIS Online; without credentials,
   * anonymously. Python: `GIS(url, username, password, ...)`.
   * @example
   * const gis = await GIS.connect({ url: "https://gis.example.com/portal", username, password });
   */
  static async connect(options?: GISOptions): Promise<GIS> {
    const prepared = await prepareSignIn(validateConnectOptions(options));
    const { options: checked, portalUrl, signIn } = prepared;
    if (checked.verifyCert === false) warnCertificatesNotVerified(portalUrl);
    const session = new Session({
      portalUrl,
      timeoutMs: (checked.timeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
      verifyCert: checked.verifyCert !== false,
      clientCertificate: signIn.clientCertificate,
      proxy: checked.proxyHost
        ? { host: checked.proxyHost, port: checked.proxyPort ?? DEFAULT_PROXY_PORT }
        : undefined,
    });
    session.auth = signIn.auth;
    try {
      const [properties, info] = await Promise.all([
        portals.getPortalSelf(session),
        getSharingRoot(session),
      ]);
      trustPortalHosts(session, properties);
      const me = await signedInUser(session, properties);
      const version = parseVersion(info.currentVersion ?? properties.currentVersion);
      const gis = new GIS(session, properties, version, me);
      await prepared.afterConnect(gis);
      if (checked.setActive !== false) env.activeGis = gis;
      return gis;
    } catch (error) {
      session.close();
      throw error;
    }
  }

  /**
   * The portal's properties (`portals/self`). Python: `GIS.properties`.
   * @example
   * console.log(gis.properties.name);
   */
  get properties(): PortalProperties {
    return this.portalProperties;
  }

  /**
   * Administration of the organisation (its trusted certificates). Python: `GIS.admin`.
   * @example
   * const certs = await gis.admin.certificates.getCertificates();
   */
  get admin(): AdminManager {
    this.adminManager ??= new AdminManager(this);
    return this.adminManager;
  }

  /**
   * The data store of the portal's hosting server. Python: `GIS.datastore`.
   * @example
   * const folders = await gis.datastore.search({ types: "folder" });
   */
  get datastore(): DatastoreManager {
    this.datastoreManager ??= new DatastoreManager(this);
    return this.datastoreManager;
  }

  /**
   * The portal's version as numbers, e.g. `[2025, 1]`. Python: `GIS.version`.
   * @example
   * if (gis.version[0] >= 2025) console.log("recent");
   */
  get version(): number[] {
    return [...this.versionParts];
  }

  /**
   * Updates the portal's properties (administrators only) and reloads them.
   * Python: `GIS.update_properties(properties_dict)`.
   * @example
   * await gis.updateProperties({ description: "Our organisation" });
   */
  async updateProperties(propertiesDict: Record<string, unknown>): Promise<boolean> {
    plainObject(propertiesDict, "propertiesDict");
    const portalId = this.portalProperties.id ?? "self";
    const result = await portals.updatePortal(this.session, portalId, toParams(propertiesDict));
    this.portalProperties = await portals.getPortalSelf(this.session);
    return result.success === true;
  }

  /**
   * The organisation's settings as the current user sees them (access notices, banner).
   * Python: `GIS.org_settings` (getter).
   * @example
   * const { informationalBanner } = await gis.getOrgSettings();
   */
  async getOrgSettings(): Promise<Record<string, unknown>> {
    return portals.getPortalSettings(this.session);
  }

  /**
   * Changes the organisation's settings (administrators only). Python: `GIS.org_settings` (setter).
   * @example
   * await gis.setOrgSettings({ informationalBanner: { text: "Hello", enabled: true } });
   */
  async setOrgSettings(settings: Record<string, unknown>): Promise<boolean> {
    plainObject(settings, "settings");
    const result = await portals.updatePortalSettings(this.session, toParams(settings));
    return result.success === true;
  }

  /**
   * A live map widget at an address (geocoded), a `[latitude, longitude]` pair or an extent.
   * With an address and a zoomlevel the map centres on the match; without, it takes the
   * match's extent. Python: `GIS.map(location=None, zoomlevel=None, mode='2D', geocoder=None)`.
   * @example
   * const map = await gis.map("Paris", { zoomlevel: 12 });
   * map; // the cell's last expression shows it
   */
  async map(location?: MapLocation | null, options?: MapOptions): Promise<MapView> {
    return createMap(this, location, options);
  }

  /**
   * Releases the connections this GIS keeps open.
   * Python: none (a Python process just ends).
   * @example
   * gis.close();
   */
  close(): void {
    this.session.close();
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `GIS.__repr__()`.
   * @example
   * console.log(util.inspect(gis));
   */
  [inspect.custom](): string {
    return `GIS @ ${this.url} version:${this.versionParts.join(".")}`;
  }
}

async function signedInUser(
  session: Session,
  properties: PortalProperties,
): Promise<UserJSON | null> {
  if (properties.user && typeof properties.user.username === "string") return properties.user;
  // Anonymous and app logins have no user to ask community/self about.
  if (session.auth.scheme === "anonymous" || session.auth.scheme === "app") return null;
  const self = await getCommunitySelf(session);
  return typeof self.username === "string" ? self : null;
}

function trustPortalHosts(session: Session, properties: PortalProperties): void {
  session.tokenScope.setArcGISOnline(properties.isPortal === false);
  session.tokenScope.addPortalHost(properties.portalHostname);
  if (properties.urlKey && properties.customBaseUrl) {
    session.tokenScope.addPortalHost(`${properties.urlKey}.${properties.customBaseUrl}`);
  }
}

function parseVersion(value: unknown): number[] {
  if (typeof value !== "string" && typeof value !== "number") return [];
  return String(value)
    .split(".")
    .map((part) => Number.parseInt(part, 10))
    .filter((part) => Number.isFinite(part));
}

function toParams(values: Record<string, unknown>): RequestParams {
  return values as RequestParams;
}

let warnedHosts = new Set<string>();
function warnCertificatesNotVerified(portalUrl: string): void {
  if (warnedHosts.has(portalUrl)) return;
  warnedHosts = new Set([...warnedHosts, portalUrl]);
  process.emitWarning(
    `verifyCert is false: TLS certificates of ${portalUrl} are not checked, which exposes the connection to interception`,
    { code: "TSGIS_INSECURE_TLS" },
  );
}
