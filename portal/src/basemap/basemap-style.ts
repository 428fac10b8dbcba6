// The basemap's style (Mapbox GL style, as ArcGIS vector tile services publish it): pale land
// on a blue ocean, lakes and rivers, grey borders, and towns as dots with their names, larger
// towns showing first. Its URLs are relative to the style's own, as in Esri's styles.
import { OFFLINE_BASEMAP_TITLE } from "./basemap-definition";

export const OCEAN_COLOR = "#aad3df";
const LAND_COLOR = "#f2efe9";
const BORDER_COLOR = "#9a8f9e";
const PLACE_COLOR = "#4a4a4a";
const LABEL_HALO = "#ffffff";
/** The font stack every label uses; the service serves its glyphs. */
export const LABEL_FONT = "DejaVu Sans Book";

export function basemapStyle(): Record<string, unknown> {
  return {
    version: 8,
    name: OFFLINE_BASEMAP_TITLE,
    sources: { esri: { type: "vector", url: "../../" } },
    glyphs: "../fonts/{fontstack}/{range}.pbf",
    layers: [
      { id: "ocean", type: "background", paint: { "background-color": OCEAN_COLOR } },
      {
        id: "land",
        type: "fill",
        source: "esri",
        "source-layer": "land",
        paint: { "fill-color": LAND_COLOR },
      },
      {
        id: "lakes",
        type: "fill",
        source: "esri",
        "source-layer": "lakes",
        paint: { "fill-color": OCEAN_COLOR },
      },
      {
        id: "rivers",
        type: "fill",
        source: "esri",
        "source-layer": "rivers",
        paint: { "fill-color": OCEAN_COLOR },
      },
      {
        id: "borders",
        type: "line",
        source: "esri",
        "source-layer": "borders",
        paint: {
          "line-color": BORDER_COLOR,
          "line-width": {
            stops: [
              [2, 0.6],
              [8, 1.5],
            ],
          },
          "line-dasharray": [3, 2],
        },
      },
      // Smallest towns first: a later layer's labels win the places both want.
      ...RANKS.flatMap(placeLayers),
    ],
  };
}

/** Place ranks, villages (5) to the largest cities (1), with their dot and label sizes. */
const RANKS = [
  { rank: 5, radius: 2, textSize: 11 },
  { rank: 4, radius: 2.5, textSize: 12 },
  { rank: 3, radius: 3, textSize: 13 },
  { rank: 2, radius: 3.5, textSize: 14 },
  { rank: 1, radius: 4.5, textSize: 16 },
];

function placeLayers({ rank, radius, textSize }: (typeof RANKS)[number]): unknown[] {
  const common = { source: "esri", "source-layer": "places", filter: ["==", "rank", rank] };
  return [
    {
      id: `places-${rank}`,
      type: "circle",
      ...common,
      paint: {
        "circle-color": PLACE_COLOR,
        "circle-radius": radius,
        "circle-stroke-color": LABEL_HALO,
        "circle-stroke-width": 1,
      },
    },
    {
      id: `place-labels-${rank}`,
      type: "symbol",
      ...common,
      layout: {
        "text-field": "{name}",
        "text-font": [LABEL_FONT],
        "text-size": textSize,
        "text-anchor": "left",
        "text-offset": [0.6, 0],
        "text-max-width": 8,
      },
      paint: { "text-color": "#333333", "text-halo-color": LABEL_HALO, "text-halo-width": 1.5 },
    },
  ];
}
