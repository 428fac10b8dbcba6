import { offlineBasemapJson } from "../basemap/basemap-definition";

/** Portal properties an organisation starts with; portals/self/update overrides them. */
export function defaultPortalProperties(restUrl: string): Record<string, unknown> {
  const servicesUrl = restUrl.replace(/\/sharing\/rest$/, "/rest/services");
  return {
    description: "An ArcGIS-compatible portal run by tsgis.",
    access: "private",
    culture: "en",
    region: "WO",
    units: "metric",
    canSharePublic: true,
    canSearchPublic: true,
    commentsEnabled: true,
    allowedRedirectUris: [],
    featuredGroups: [],
    basemapGalleryGroupQuery: 'title:"World Basemaps" AND owner:esri',
    defaultBasemap: offlineBasemapJson(servicesUrl),
    defaultExtent: {
      xmin: -20037508.342789244,
      ymin: -8000000,
      xmax: 20037508.342789244,
      ymax: 12000000,
      spatialReference: { wkid: 102100, latestWkid: 3857 },
    },
    helperServices: {
      geocode: [
        {
          url: `${servicesUrl}/World/GeocodeServer`,
          northLat: "Ymax",
          southLat: "Ymin",
          eastLon: "Xmax",
          westLon: "Xmin",
          name: "World Geocoder (tsgis)",
          batch: true,
          placefinding: true,
          suggest: true,
        },
      ],
      printTask: {
        url: `${servicesUrl}/Utilities/PrintingTools/GPServer/Export Web Map Task`,
      },
    },
    portalProperties: {},
    rotatorPanels: [],
    thumbnail: null,
  };
}

/** Organisation settings (portals/self/settings) of a new organisation. */
export function defaultOrganisationSettings(): Record<string, unknown> {
  return {
    anonymousAccessNotice: {},
    authenticatedAccessNotice: {},
    informationalBanner: {},
    blockedApps: [],
    allowedOrigins: [],
  };
}
