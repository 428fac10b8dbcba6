// Whether a build's output is current: a SHA-256 of its inputs' contents (and of any extra
// values, such as installed versions) is kept in a stamp file when the build succeeds, and a
// later build with the same digest is skipped. Contents, not modification times: `tsc -b` and
// the core metadata rewrite unchanged files on every start, which made every start rebuild.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

/** Left out of a folder's digest: dependencies, and compiler caches that change on their own. */
function skipped(name) {
  return name === "node_modules" || name.endsWith(".tsbuildinfo");
}

function filesUnder(target) {
  if (!fs.existsSync(target)) return [];
  if (!fs.statSync(target).isDirectory()) return [target];
  return fs
    .readdirSync(target)
    .filter((entry) => !skipped(entry))
    .sort()
    .flatMap((entry) => filesUnder(path.join(target, entry)));
}

/**
 * The digest of the files under `paths` (their paths and contents) and of `values`; a missing
 * path counts as empty, so creating it changes the digest.
 */
function inputsDigest(paths, values = {}) {
  const hash = crypto.createHash("sha256");
  hash.update(JSON.stringify(values));
  for (const file of paths.flatMap(filesUnder)) {
    hash.update(`\0${file}\0`);
    hash.update(fs.readFileSync(file));
  }
  return hash.digest("hex");
}

/** True when `output` exists and the stamp records `digest`. */
function isCurrent(output, stampFile, digest) {
  if (!fs.existsSync(output) || !fs.existsSync(stampFile)) return false;
  return fs.readFileSync(stampFile, "utf8").trim() === digest;
}

function writeStamp(stampFile, digest) {
  fs.mkdirSync(path.dirname(stampFile), { recursive: true });
  fs.writeFileSync(stampFile, `${digest}\n`);
}

/**
 * Runs `build` unless `output` exists and `<stamps>/<what>.sha256` records `digest` (or `force`);
 * the stamp is written only after `build` returns, so a failed build is retried next time.
 * Returns whether it built.
 */
function buildUnlessCurrent({ what, output, digest, stamps, force = false }, build) {
  const stamp = path.join(stamps, `${what}.sha256`);
  if (!force && isCurrent(output, stamp, digest)) {
    console.log(`${what}: up to date`);
    return false;
  }
  build();
  writeStamp(stamp, digest);
  return true;
}

module.exports = { buildUnlessCurrent, inputsDigest, isCurrent, writeStamp };
