// The script of the page MapView.exportToHtml writes (widget/src/page/exported-map.ts,
// compiled by tsc into widget/dist first): one ES module holding the widget's map code, with @arcgis/core left
// out. The page maps `@arcgis/core/` to the SDK's ES modules (the ArcGIS CDN, or any copy of
// the npm package) with an import map, so the page stays small and works in any browser.
"use strict";
const path = require("path");
const webpack = require("webpack");

module.exports = {
  mode: "production",
  target: "web",
  entry: path.join(__dirname, "..", "widget", "dist", "page", "exported-map.js"),
  experiments: { outputModule: true },
  output: {
    path: path.join(__dirname, "dist", "map-page"),
    filename: "exported-map.bundle.js",
    module: true,
    library: { type: "module" },
  },
  externalsType: "module",
  externals: [
    ({ request }, callback) =>
      request && request.startsWith("@arcgis/core/")
        ? callback(null, request.endsWith(".js") ? request : `${request}.js`)
        : callback(),
  ],
  // One file: the page inlines it (the offline basemap's Natural Earth data included).
  plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
  optimization: { minimize: true },
  performance: { hints: false },
};
