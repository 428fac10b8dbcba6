// The kernel_info_reply content: who we are, which language, where to get help.
import type { JsonObject } from "./protocol";
import { PROTOCOL_VERSION } from "./protocol";
import { packageVersions } from "./package-versions";

/** `tslabLanguageInfo` keeps tslab's codemirror_mode, which makes JupyterLab highlight TypeScript. */
export function kernelInfoReply(tslabLanguageInfo: JsonObject): JsonObject {
  const versions = packageVersions();
  const version = versions.tsgis;
  return {
    status: "ok",
    protocol_version: PROTOCOL_VERSION,
    implementation: "tsgis",
    implementation_version: version,
    language_info: {
      ...tslabLanguageInfo,
      name: "typescript",
      version: versions.typescript,
      mimetype: "text/typescript",
      file_extension: ".ts",
      pygments_lexer: "typescript",
      nbconvert_exporter: "script",
    },
    banner:
      `tsgis ${version}: the ArcGIS API for Python's arcgis.gis in TypeScript\n` +
      `tslab ${versions.tslab}, TypeScript ${versions.typescript}, Node.js ${process.version}`,
    help_links: [
      {
        text: "arcgis.gis reference",
        url: "https://developers.arcgis.com/python/latest/api-reference/arcgis.gis.toc.html",
      },
      {
        text: "TypeScript handbook",
        url: "https://www.typescriptlang.org/docs/handbook/intro.html",
      },
      { text: "tslab", url: "https://github.com/yunabe/tslab" },
    ],
    debugger: false,
  };
}
