import { offlineBasemapJson } from "../basemap/basemap-definition";

/**
 * Queries for the groups of Esri content ArcGIS Online offers (Living Atlas, styles, templates).
 * Offline they find nothing, as they would find nothing on a portal cut off from Esri's content;
 * they are ArcGIS Online's own values so that apps reading them behave as they do there.
 */
const ESRI_GROUP_QUERIES = {
  analysisLayersGroupQuery: 'title:"Living Atlas Analysis Layers" AND owner:esri',
  colorSetsGroupQuery: 'title:"Esri Colors" AND owner:esri_en',
  featuredItemsGroupQuery: "",
  galleryTemplatesGroupQuery: 'title:"Gallery Templates" AND owner:esri_en',
  layerTemplatesGroupQuery: 'title:"Esri Layer Templates" AND owner:esri_en',
  livingAtlasGroupQuery: 'title:"LAW Search" AND owner:esri',
  stylesGroupQuery: 'title:"Esri Styles" AND owner:esri_en',
  symbolSetsGroupQuery: 'title:"Esri Symbols" AND owner:esri_en',
  templatesGroupQuery: 'title:"Web Application Templates" AND owner:esri_en',
};

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
    homePageFeaturedContent: "",
    homePageFeaturedContentCount: 12,
    showHomePageDescription: false,
    featuredGroupsId: "",
    ...ESRI_GROUP_QUERIES,
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
    portalThumbnail: null,
  };
}

/** Organisation settings (portals/self/settings) of a new organisation. */
export function defaultOrganisationSettings(): Record<string, unknown> {
  return {
    authorizedCrossOriginDomains: [],
    canShareBingPublic: false,
    anonymousAccessNotice: {},
    authenticatedAccessNotice: {},
    informationalBanner: {},
    blockedApps: [],
    allowedOrigins: [],
  };
}
