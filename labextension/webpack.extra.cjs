// Additions to @jupyterlab/builder's webpack configuration for this extension.
// @arcgis/core is large: minifying it costs minutes on a small machine for little gain on a
// local server, so the prebuilt extension is left unminified unless TSGIS_LAB_MINIFY=1.
"use strict";
module.exports = {
  optimization: { minimize: process.env.TSGIS_LAB_MINIFY === "1" },
  performance: { hints: false },
};
