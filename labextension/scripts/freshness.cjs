// The newest modification time under some files and folders, to skip builds that are current.
"use strict";
const fs = require("fs");
const path = require("path");

function newestMtime(paths) {
  let newest = 0;
  const visit = (target) => {
    if (!fs.existsSync(target)) return;
    const stat = fs.statSync(target);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(target)) {
        if (entry !== "node_modules") visit(path.join(target, entry));
      }
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
}

module.exports = { newestMtime };
