import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import type { GIS } from "../gis";
import { optionalChoice, optionalNumber, optionalString, requireString } from "../arguments";
import {
  addPortalResource,
  getPortalResourceBytes,
  getPortalResources,
  removePortalResource,
} from "../rest/portals";

/** One organisation resource as `portals/self/resources` lists it. */
export interface PortalResource {
  key: string;
  created: number;
  size: number;
  /** Who may read it: everyone, members of the organisation, or administrators. */
  access: "public" | "org" | "private";
  [field: string]: unknown;
}

const KEY_PATTERN = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

function resourceKey(value: unknown, argument: string): string {
  const key = requireString(value, argument);
  if (!KEY_PATTERN.test(key) || key.split("/").includes("..")) {
    throw new TypeError(
      `${argument}: expected a relative name such as "thumbnail.png", got ${JSON.stringify(key)}`,
    );
  }
  return key;
}

/**
 * The organisation's resource files (logo, banner, background, home page JSON), which the
 * home page and `gis.admin.ux` use. Python: `gis.admin.resources`
 * (`arcgis.gis.admin.PortalResourceManager`).
 * @example
 * const files = await gis.admin.resources.list();
 */
export class PortalResourceManager {
  /**
   * Made by `gis.admin`: use `gis.admin.resources`. Python: `PortalResourceManager(gis)`.
   * @example
   * const resources = gis.admin.resources;
   */
  constructor(protected readonly gis: GIS) {}

  /**
   * The resources the caller may read. Python: `PortalResourceManager.list(start=1, num=100)`.
   * @example
   * for (const r of await gis.admin.resources.list()) console.log(r.key, r.size);
   */
  async list(options: { start?: number; num?: number } = {}): Promise<PortalResource[]> {
    const start = optionalNumber(options.start, "start", { min: 1 }) ?? 1;
    const num = optionalNumber(options.num, "num", { min: 0, max: 100 }) ?? 100;
    const answer = await getPortalResources(this.gis.session, start, num);
    return answer.resources ?? [];
  }

  /**
   * Adds or replaces a resource from a local file or from text. `access` defaults to "public",
   * as the home page shows it to everyone. Python: `PortalResourceManager.add(key=None,
   * path=None, text=None, **kwargs)`.
   * @example
   * await gis.admin.resources.add("thumbnail.png", { path: "data/logo.png" });
   */
  async add(
    key: string,
    options: { path?: string; text?: string; access?: "public" | "org" | "private" } = {},
  ): Promise<boolean> {
    resourceKey(key, "key");
    const file = optionalString(options.path, "path");
    const text = optionalString(options.text, "text");
    const access = optionalChoice(options.access, "access", ["public", "org", "private"]);
    if ((file === undefined) === (text === undefined)) {
      throw new TypeError("path or text: give exactly one of them");
    }
    if (file !== undefined && (!fs.existsSync(file) || !fs.statSync(file).isFile())) {
      throw new TypeError(`path: no such file: ${file}`);
    }
    const answer = await addPortalResource(
      this.gis.session,
      { key, text, access },
      file === undefined ? undefined : { path: file },
    );
    return answer.success === true;
  }

  /**
   * Removes a resource. Python: `PortalResourceManager.delete(key)`.
   * @example
   * await gis.admin.resources.delete("thumbnail.png");
   */
  async delete(key: string): Promise<boolean> {
    resourceKey(key, "key");
    const answer = await removePortalResource(this.gis.session, key);
    return answer.success === true;
  }

  /**
   * Downloads a resource into `downloadPath` (default: the temp folder) and returns the file's
   * path. Python: `PortalResourceManager.get(resource_name, download_path=None)`.
   * @example
   * const file = await gis.admin.resources.get("thumbnail.png", { downloadPath: "/tmp" });
   */
  async get(resourceName: string, options: { downloadPath?: string } = {}): Promise<string> {
    resourceKey(resourceName, "resourceName");
    const folder = optionalString(options.downloadPath, "downloadPath") ?? os.tmpdir();
    const bytes = await this.bytes(resourceName);
    fs.mkdirSync(folder, { recursive: true });
    const target = path.join(folder, path.basename(resourceName));
    fs.writeFileSync(target, bytes);
    return target;
  }

  /**
   * The resource's bytes, without writing a file (Python has no such member: its `get` always
   * downloads).
   * @example
   * const json = JSON.parse((await gis.admin.resources.bytes("home.page.json")).toString());
   */
  async bytes(resourceName: string): Promise<Buffer> {
    resourceKey(resourceName, "resourceName");
    return getPortalResourceBytes(this.gis.session, resourceName);
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `PortalResourceManager.__repr__()`.
   * @example
   * console.log(util.inspect(gis.admin.resources));
   */
  [inspect.custom](): string {
    return `<PortalResourceManager url:"${this.gis.url}">`;
  }
}
