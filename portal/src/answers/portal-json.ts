import {
  basemapGalleryQuery,
  BASEMAP_GALLERY_TITLE,
  ensureBasemapGallery,
} from "../basemap/basemap-gallery";
import { creditProperties } from "./credits";
import type { PortalServices } from "../server/portal-services";
import { restUrlOf } from "../server/portal-services";
import type { OrganisationRecord } from "../store/organisation-store";
import { CURRENT_VERSION } from "../version";
import { defaultOrganisationSettings, defaultPortalProperties } from "../model/portal-defaults";
import { storageFigures } from "../model/storage-usage";
import { withFavoritesGroup } from "./user-favorites-json";
import { fullUserJson } from "../model/user-json";
import type { UserRecord } from "../model/user-record";

/**
 * The organisation's portal properties as callers see them: defaults, the basemap gallery
 * group's query, then what administrators set. Helper services (geocoder, print) are addressed
 * the way the caller reached the portal, so their URLs work through any host name or port
 * mapping and receive the token.
 */
export function effectivePortalProperties(
  context: PortalServices,
  organisation: OrganisationRecord,
  requestRootUrl?: string,
): Record<string, unknown> {
  const gallery = ensureBasemapGallery(context);
  const galleryQuery = gallery ? basemapGalleryQuery(gallery) : `title:"${BASEMAP_GALLERY_TITLE}"`;
  const defaults = defaultPortalProperties(
    requestRootUrl ? `${requestRootUrl}/sharing/rest` : restUrlOf(context),
  );
  const properties: Record<string, unknown> = {
    ...defaults,
    basemapGalleryGroupQuery: galleryQuery,
    // The offline basemap is the only basemap, so it stands for the vector basemaps too.
    vectorBasemapGalleryGroupQuery: galleryQuery,
    ...organisation.properties,
  };
  properties.defaultVectorBasemap ??= properties.defaultBasemap;
  return properties;
}

/** The organisation settings (portals/self/settings): the settings plus the shared properties. */
export function organisationSettingsJson(
  context: PortalServices,
  organisation: OrganisationRecord,
  requestRootUrl?: string,
): Record<string, unknown> {
  const properties = effectivePortalProperties(context, organisation, requestRootUrl);
  const shared = [
    "allowedRedirectUris",
    "defaultExtent",
    "featuredGroups",
    "helperServices",
    "homePageFeaturedContentCount",
    "showHomePageDescription",
  ];
  return {
    ...Object.fromEntries(shared.map((key) => [key, properties[key]])),
    ...defaultOrganisationSettings(),
    ...organisation.settings,
  };
}

/** The portals/self document. Anonymous callers get the public subset (no user, no subscription). */
export function portalSelfJson(
  context: PortalServices,
  organisation: OrganisationRecord,
  user: UserRecord | null,
  requestRootUrl?: string,
): Record<string, unknown> {
  const host = new URL(context.rootUrl).host;
  const settings = { ...defaultOrganisationSettings(), ...organisation.settings };
  const hasCategorySchema =
    context.db.prepare("SELECT 1 FROM category_schemas WHERE scope = 'org'").get() !== undefined;
  const document: Record<string, unknown> = {
    ...effectivePortalProperties(context, organisation, requestRootUrl),
    id: organisation.id,
    name: organisation.name,
    urlKey: organisation.urlKey,
    isPortal: context.deployment !== "online",
    portalMode: "singletenant",
    portalName: "tsgis portal",
    portalHostname: host,
    customBaseUrl: host,
    allSSL: context.tlsEnabled,
    httpPort: context.tlsEnabled ? -1 : Number(new URL(context.rootUrl).port),
    httpsPort: context.tlsEnabled ? Number(new URL(context.rootUrl).port) : -1,
    supportsOAuth: false,
    supportsHostedServices: true,
    currentVersion: CURRENT_VERSION,
    created: organisation.created,
    modified: organisation.modified,
    isVerified: false,
    mfaEnabled: false,
    mfaAdmins: [],
    platform: "tsgis",
    hasCategorySchema,
    maxTokenExpirationMinutes: Math.floor(context.maxTokenLifetimeSeconds / 60),
    authorizedCrossOriginDomains: settings.authorizedCrossOriginDomains,
    allowedOrigins: settings.allowedOrigins,
    canShareBingPublic: settings.canShareBingPublic,
    // Built-in accounts sign in; there is no SAML identity provider.
    canSignInArcGIS: true,
    canSignInIDP: false,
    updateUserProfileDisabled: false,
    useStandardizedQuery: true,
    // The offline basemap is raster tiles.
    useVectorBasemaps: false,
    contacts: context.users.administrators(),
    // Neutral values of ArcGIS Online: no Marketplace, Hub or Esri help here; credits only when
    // the portal answers as ArcGIS Online.
    ...creditProperties(context, organisation),
    canListApps: false,
    canListData: false,
    canListPreProvisionedItems: false,
    canProvisionDirectPurchase: false,
    eueiEnabled: false,
    isHubEnabled: false,
    notificationsEnabled: false,
    metadataEditable: false,
    metadataFormats: [],
    helpBase: "https://doc.arcgis.com/en/arcgis-online/",
    helpMap: { v: "1.0", m: {} },
    staticImagesUrl: "https://static.arcgis.com/images",
    ipCntryCode: "",
  };
  if (user) {
    const storage = storageFigures(context.db.name);
    document.storageUsage = storage.storageUsage;
    document.storageQuota = storage.storageQuota;
    document.databaseUsage = storage.databaseUsage;
    // SQLite grows as the disk allows: no quota of its own.
    document.databaseQuota = -1;
    document.user = withFavoritesGroup(context, fullUserJson(user));
    document.subscriptionInfo = {
      id: organisation.id,
      type: "In House",
      state: "active",
      expDate: 4102444800000,
      maxUsers: 10000,
      maxUsersPerLevel: { 1: 0, 2: 10000 },
      availableCredits: creditProperties(context, organisation).availableCredits,
      companyName: organisation.name,
      userLicenseTypes: { creatorUT: 10000 },
      collaborationSettings: {
        level: "1",
        maxItemSizeInMB: 1024,
        maxReplicationPackageSizeInMB: 5120,
      },
      orgCapabilities: [],
    };
    document.appInfo = { appId: "arcgisonline", appType: "multiple", orgId: organisation.id };
  }
  return document;
}
