// Read at run time so the version has one source: the package manifest.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifest = require("../package.json") as { version: string };

/**
 * The tsgis package version. Python: `arcgis.__version__`.
 * @example
 * console.log(VERSION);
 */
export const VERSION: string = manifest.version;
export const USER_AGENT = `tsgis/${VERSION}`;
