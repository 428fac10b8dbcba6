// Copies @arcgis/core's runtime assets (workers, WebAssembly, styles, fonts, strings) into
// the extension's static folder. Only English strings and the light theme are kept: the
// views need nothing else, and the rest would more than double what the server ships.
"use strict";
const fs = require("fs");
const path = require("path");

/** `common_de.json`, `basemaps_zh-CN.json`, … : translations other than English. */
const OTHER_LOCALE = /_([a-z]{2,3})(-[A-Za-z]{2,4})?\.json$/;

function keep(relative) {
  const parts = relative.split(path.sep);
  if (parts[0] === "esri" && parts[1] === "themes" && parts[2] === "dark") return false;
  const match = OTHER_LOCALE.exec(path.basename(relative));
  if (match && match[1] !== "en") return false;
  return true;
}

function copyArcGisAssets(source, target) {
  fs.rmSync(target, { recursive: true, force: true });
  const totals = { files: 0, bytes: 0 };
  const visit = (relative) => {
    const from = path.join(source, relative);
    const stat = fs.statSync(from);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(from)) visit(path.join(relative, entry));
      return;
    }
    if (!keep(relative)) return;
    const to = path.join(target, relative);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    totals.files += 1;
    totals.bytes += stat.size;
  };
  visit("");
  return totals;
}

module.exports = { copyArcGisAssets, keep };
