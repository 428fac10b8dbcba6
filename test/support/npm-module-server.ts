// Serves the installed npm packages to a browser as ES modules, as a CDN does, so a page that
// maps `@arcgis/core/` to `<url>/@arcgis/core/` (an exported map page's `apiUrl`) runs without
// the network. A browser cannot resolve bare imports (`tslib`, `@esri/calcite-components/...`)
// inside the served modules, so each JavaScript file's bare imports are rewritten to this
// server's URLs, resolved through the packages' `exports` maps with the browser's conditions.
// A stylesheet a module imports is answered with a script that links it; other files (styles,
// fonts, workers' assets, JSON) are sent as they are. A `files` folder can be served beside the
// packages (e.g. the exported page itself, under /files/).
import { existsSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import path from "node:path";

export interface NpmModuleServer {
  /** `http://127.0.0.1:<port>/`: `<url>@arcgis/core/config.js` is that package's file. */
  url: string;
  /** Paths asked for that were not there (to explain a page that failed to load). */
  missing: string[];
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".pbf": "application/x-protobuf",
};

/** The conditions a browser's module loader matches, most specific first. */
const CONDITIONS = ["browser", "import", "module", "default"];

/** A bare specifier: a package name (scoped or not) and maybe a path in it. */
const BARE = /^((?:@[\w.-]+\/)?[\w.-]+)(\/.*)?$/;

/** `from "x"`, `import "x"`, `import("x")` and `export … from "x"`, minified or not. */
const IMPORT = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s*)(["'])([^"'\s]+)\2/g;

function pickTarget(target: unknown): string | null {
  if (typeof target === "string") return target;
  if (Array.isArray(target)) {
    for (const entry of target) {
      const picked = pickTarget(entry);
      if (picked) return picked;
    }
    return null;
  }
  if (target && typeof target === "object") {
    const conditions = target as Record<string, unknown>;
    for (const condition of CONDITIONS) {
      if (condition in conditions) {
        const picked = pickTarget(conditions[condition]);
        if (picked) return picked;
      }
    }
  }
  return null;
}

/** The file a subpath (`.` or `./x`) of a package's `exports` maps to, or null. */
function fromExports(exportsField: unknown, subpath: string): string | null {
  if (typeof exportsField === "string" || Array.isArray(exportsField)) {
    return subpath === "." ? pickTarget(exportsField) : null;
  }
  if (!exportsField || typeof exportsField !== "object") return null;
  const map = exportsField as Record<string, unknown>;
  if (!Object.keys(map).some((key) => key.startsWith("."))) {
    return subpath === "." ? pickTarget(map) : null;
  }
  if (subpath in map) return pickTarget(map[subpath]);
  for (const [key, target] of Object.entries(map)) {
    const star = key.indexOf("*");
    if (star < 0) continue;
    const [before, after] = [key.slice(0, star), key.slice(star + 1)];
    if (subpath.startsWith(before) && subpath.endsWith(after)) {
      const matched = subpath.slice(before.length, subpath.length - after.length);
      const picked = pickTarget(target);
      if (picked) return picked.replace(/\*/g, matched);
    }
  }
  return null;
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}

/** The file a path inside a package without `exports` names, as bundlers find it. */
function looseFile(packageDir: string, relative: string): string | null {
  const base = path.join(packageDir, relative);
  for (const candidate of [base, `${base}.js`, `${base}.mjs`, path.join(base, "index.js")]) {
    if (isFile(candidate)) return candidate;
  }
  return null;
}

export class ModuleResolver {
  constructor(private readonly nodeModules: string) {}

  /** The package folder for `name` seen from `fromFile` (nested node_modules first). */
  private packageDir(name: string, fromFile: string): string | null {
    for (
      let dir = path.dirname(fromFile);
      dir.startsWith(this.nodeModules);
      dir = path.dirname(dir)
    ) {
      const candidate = path.join(dir, "node_modules", name);
      if (isFile(path.join(candidate, "package.json"))) return candidate;
    }
    const top = path.join(this.nodeModules, name);
    return isFile(path.join(top, "package.json")) ? top : null;
  }

  /** The file a bare specifier imported from `fromFile` loads, or null when it is not one. */
  resolve(specifier: string, fromFile: string): string | null {
    const match = BARE.exec(specifier);
    if (!match) return null;
    const [, name, rest] = match;
    const dir = this.packageDir(name, fromFile);
    if (!dir) return null;
    const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as {
      exports?: unknown;
      module?: string;
      browser?: unknown;
      main?: string;
    };
    const subpath = rest ? `.${rest}` : ".";
    if (manifest.exports !== undefined) {
      const target = fromExports(manifest.exports, subpath);
      return target ? path.join(dir, target) : null;
    }
    if (rest) return looseFile(dir, rest.slice(1));
    const entry =
      manifest.module ??
      (typeof manifest.browser === "string" ? manifest.browser : undefined) ??
      manifest.main ??
      "index.js";
    return looseFile(dir, entry);
  }

  /**
   * `source` (the module at `file`) with its bare imports pointing at this server's paths, and
   * `process.env.NODE_ENV` (which some packages test, and browsers lack) set to "production".
   */
  rewrite(source: string, file: string): string {
    const built = source.replace(/\bprocess\.env\.NODE_ENV\b/g, '"production"');
    return built.replace(IMPORT, (whole, keyword: string, quote: string, specifier: string) => {
      if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.includes(":")) {
        return whole;
      }
      const target = this.resolve(specifier, file);
      if (!target) return whole;
      const served = "/" + path.relative(this.nodeModules, target).split(path.sep).join("/");
      return `${keyword}${quote}${served}${quote}`;
    });
  }
}

/**
 * Starts the server on a free loopback port. `nodeModules` is the folder holding the packages;
 * `files`, if given, is served under `/files/`.
 */
export async function startNpmModuleServer(
  nodeModules: string,
  files?: string,
): Promise<NpmModuleServer> {
  const resolver = new ModuleResolver(nodeModules);
  const missing: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const [base, relative] =
      files && pathname.startsWith("/files/")
        ? [files, pathname.slice("/files/".length)]
        : [nodeModules, pathname.slice(1)];
    const file = path.resolve(base, relative);
    // Pages opened from a file or another port load these modules across origins.
    response.setHeader("Access-Control-Allow-Origin", "*");
    if (!file.startsWith(base + path.sep) || !isFile(file)) {
      missing.push(pathname);
      response.writeHead(404, { "Content-Type": "text/plain" });
      response.end("not found");
      return;
    }
    const extension = path.extname(file);
    response.setHeader("Vary", "Sec-Fetch-Dest");
    if (extension === ".css" && request.headers["sec-fetch-dest"] === "script") {
      // A module importing a stylesheet (`import "../calcite/calcite.css"`), which bundlers and
      // CDNs turn into a script; so does this server: the module links the sheet in the page.
      response.setHeader("Content-Type", CONTENT_TYPES[".js"]);
      response.end(
        `const link = document.createElement("link");\nlink.rel = "stylesheet";\nlink.href = import.meta.url;\ndocument.head.appendChild(link);\n`,
      );
      return;
    }
    response.setHeader("Content-Type", CONTENT_TYPES[extension] ?? "application/octet-stream");
    if (extension === ".js" || extension === ".mjs") {
      response.end(resolver.rewrite(readFileSync(file, "utf8"), file));
    } else {
      response.end(readFileSync(file));
    }
  });
  server.on("connection", (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    missing,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
