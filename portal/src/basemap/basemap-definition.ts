// The portal's own basemap, named in one place: its service URL, and the Web Map `baseMap`
// that portals/self lists as `defaultBasemap` (and that a basemap gallery item can carry).

/** Where the basemap's VectorTileServer lives, below `/rest/services`. */
export const OFFLINE_BASEMAP_SERVICE = "Basemaps/NaturalEarth/VectorTileServer";

export const OFFLINE_BASEMAP_TITLE = "Natural Earth (tsgis)";

/** The attribution the data's licences ask for, shown by the views under the map. */
export const OFFLINE_BASEMAP_COPYRIGHT =
  "Natural Earth; lakes and rivers © OpenStreetMap contributors (ODbL) via geo-maps; " +
  "places © GeoNames (CC BY 4.0)";

/** The basemap's VectorTileServer URL, given the portal's `/rest/services` URL. */
export function offlineBasemapUrl(servicesUrl: string): string {
  return `${servicesUrl.replace(/\/+$/, "")}/${OFFLINE_BASEMAP_SERVICE}`;
}

/** The Web Map `baseMap` object drawing the basemap (portals/self `defaultBasemap`). */
export function offlineBasemapJson(servicesUrl: string): Record<string, unknown> {
  const url = offlineBasemapUrl(servicesUrl);
  return {
    id: "tsgis-natural-earth",
    title: OFFLINE_BASEMAP_TITLE,
    baseMapLayers: [
      {
        id: "natural-earth",
        layerType: "VectorTileLayer",
        title: OFFLINE_BASEMAP_TITLE,
        styleUrl: `${url}/resources/styles/root.json`,
        visibility: true,
        opacity: 1,
      },
    ],
  };
}
