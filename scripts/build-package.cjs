// Builds one workspace package from its TypeScript sources, for the committed bin shims
// (kernel/bin, portal/bin): a clone right after `npm ci` has no dist/ yet, and its commands
// must work all the same. An installed package ships dist/ and never gets here.
"use strict";
const path = require("path");
const { spawnSync } = require("child_process");

/** Builds `packageDir` with the workspace's compiler, or exits with what to run instead. */
function buildPackage(command, packageDir) {
  const root = path.join(__dirname, "..");
  let compiler;
  try {
    compiler = require.resolve("typescript/bin/tsc", { paths: [root] });
  } catch {
    process.stderr.write(`${command}: not built, and no TypeScript compiler: run \`npm ci\`\n`);
    process.exit(1);
  }
  process.stderr.write(`${command}: building ${path.relative(root, packageDir)}/ (first run)…\n`);
  const result = spawnSync(process.execPath, [compiler, "-b", packageDir], { stdio: "inherit" });
  if (result.status !== 0) {
    process.stderr.write(
      `${command}: the build failed: run \`npm run build\` and read its errors\n`,
    );
    process.exit(1);
  }
}

module.exports = { buildPackage };
