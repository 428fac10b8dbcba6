import fs from "node:fs";
import path from "node:path";
import { inspect } from "node:util";
import type { GIS } from "../gis";
import { Group } from "../groups/group";
import type { PortalResourceManager } from "./portal-resources";
import { getPortalSelf } from "../rest/portals";
import {
  maxCount,
  optionalBoolean,
  optionalString,
  plainObject,
  requireString,
} from "../arguments";

/** The featured content of the home page: a group and how many of its items show. */
export interface FeaturedContent {
  /** The group's id, or "" when none is featured. */
  group: string;
  count: number;
}

/** The JSON resource ArcGIS keeps the organisation's summary in, beside its name. */
const LOCALIZED_PROPERTIES = "localizedOrgProperties";
const SUMMARY_MAX_LENGTH = 310;
const IMAGE_TYPES = [".png", ".jpg", ".jpeg", ".gif"];
/** How the banner panel refers to its image; the home page puts the viewer's token in. */
const BANNER_SOURCE = /portals\/self\/resources\/(banner\.[a-z]+)/i;

/** A local image to upload, checked before any request: its path and the key to store it as. */
function imageFile(value: unknown, argument: string, name: string): { file: string; key: string } {
  const file = requireString(value, argument);
  const extension = path.extname(file).toLowerCase();
  if (!IMAGE_TYPES.includes(extension)) {
    throw new TypeError(`${argument}: expected a .png, .jpg or .gif image, got ${file}`);
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new TypeError(`${argument}: no such file: ${file}`);
  }
  return { file, key: `${name}${extension === ".jpeg" ? ".jpg" : extension}` };
}

function extentOrBasemap(value: unknown, argument: string): Record<string, unknown> {
  return plainObject(value, argument);
}

/**
 * The organisation's look and home page: name, description, summary, logo, banner, background,
 * featured content, default extent and basemap (full administrators change them).
 * Python: `gis.admin.ux` (`arcgis.gis.admin.UX`); its properties are `getX()`/`setX()` here.
 * @example
 * await gis.admin.ux.setName("Field Operations");
 */
export class UX {
  /**
   * Made by `gis.admin`: use `gis.admin.ux`. Python: `UX(gis)`.
   * @example
   * const ux = gis.admin.ux;
   */
  constructor(
    protected readonly gis: GIS,
    private readonly resources: PortalResourceManager,
  ) {}

  private async portal(): Promise<Record<string, unknown>> {
    return getPortalSelf(this.gis.session);
  }

  private async update(properties: Record<string, unknown>): Promise<boolean> {
    return this.gis.updateProperties(properties);
  }

  /**
   * The organisation's name. Python: `UX.name` (getter).
   * @example
   * const name = await gis.admin.ux.getName();
   */
  async getName(): Promise<string> {
    return String((await this.portal()).name ?? "");
  }

  /**
   * Renames the organisation (the summary resource keeps the name too, as ArcGIS's does).
   * Python: `UX.name = name`.
   * @example
   * await gis.admin.ux.setName("Field Operations");
   */
  async setName(name: string): Promise<boolean> {
    requireString(name, "name");
    const summary = await this.getSummary();
    const done = await this.update({ name });
    await this.writeLocalized(name, summary);
    return done;
  }

  /**
   * The home page's description (HTML). Python: `UX.description` (getter).
   * @example
   * const html = await gis.admin.ux.getDescription();
   */
  async getDescription(): Promise<string> {
    return String((await this.portal()).description ?? "");
  }

  /**
   * Changes the description; `null` puts the portal's default back. Python: `UX.description = text`.
   * @example
   * await gis.admin.ux.setDescription("<p>Maps of the field teams.</p>");
   */
  async setDescription(description: string | null): Promise<boolean> {
    const text = optionalString(description, "description");
    return this.update(
      text === undefined ? { description: "", clearEmptyFields: true } : { description: text },
    );
  }

  /**
   * The short summary shown on the sign-in page (at most 310 characters), or null when none is
   * set. Python: `UX.summary` (getter).
   * @example
   * const summary = await gis.admin.ux.getSummary();
   */
  async getSummary(): Promise<string | null> {
    const listed = await this.resources.list();
    if (!listed.some((resource) => resource.key === LOCALIZED_PROPERTIES)) return null;
    const bytes = await this.resources.bytes(LOCALIZED_PROPERTIES);
    try {
      const json = JSON.parse(bytes.toString("utf8")) as { default?: { description?: unknown } };
      const description = json.default?.description;
      return typeof description === "string" ? description : null;
    } catch {
      return null;
    }
  }

  /**
   * Changes the summary; "" or `null` removes it. Python: `UX.summary = text`.
   * @example
   * await gis.admin.ux.setSummary("Maps and apps of the field teams.");
   */
  async setSummary(text: string | null): Promise<boolean> {
    const summary = optionalString(text, "text");
    if (summary !== undefined && summary.length > SUMMARY_MAX_LENGTH) {
      throw new RangeError(`text: at most ${SUMMARY_MAX_LENGTH} characters, got ${summary.length}`);
    }
    return this.writeLocalized(await this.getName(), summary ? summary : null);
  }

  private async writeLocalized(name: string, summary: string | null): Promise<boolean> {
    return this.resources.add(LOCALIZED_PROPERTIES, {
      text: JSON.stringify({ default: { name, description: summary } }),
    });
  }

  /**
   * Whether the home page shows the description. Python: `UX.description_visibility` (getter).
   * @example
   * const shown = await gis.admin.ux.getDescriptionVisibility();
   */
  async getDescriptionVisibility(): Promise<boolean> {
    return (await this.portal()).showHomePageDescription === true;
  }

  /**
   * Shows or hides the description on the home page. Python: `UX.description_visibility = bool`.
   * @example
   * await gis.admin.ux.setDescriptionVisibility(true);
   */
  async setDescriptionVisibility(visibility: boolean): Promise<boolean> {
    const shown = optionalBoolean(visibility, "visibility");
    if (shown === undefined) throw new TypeError("visibility: expected true or false");
    return this.update({ showHomePageDescription: shown });
  }

  /**
   * Whether members may comment on items. Python: `UX.enable_comments` (getter).
   * @example
   * const on = await gis.admin.ux.getEnableComments();
   */
  async getEnableComments(): Promise<boolean> {
    return (await this.portal()).commentsEnabled === true;
  }

  /**
   * Turns item comments on or off. Python: `UX.enable_comments = bool`.
   * @example
   * await gis.admin.ux.setEnableComments(false);
   */
  async setEnableComments(enable: boolean): Promise<boolean> {
    const on = optionalBoolean(enable, "enable");
    if (on === undefined) throw new TypeError("enable: expected true or false");
    return this.update({ commentsEnabled: on });
  }

  /**
   * The group whose items the home page features, and how many show.
   * Python: `UX.featured_content` (getter).
   * @example
   * const { group, count } = await gis.admin.ux.getFeaturedContent();
   */
  async getFeaturedContent(): Promise<FeaturedContent> {
    const portal = await this.portal();
    return {
      group: String(portal.homePageFeaturedContent ?? ""),
      count: Number(portal.homePageFeaturedContentCount ?? 12),
    };
  }

  /**
   * Features a group's items on the home page (a Group or its id, `count` 12 by default);
   * `null` features none. Python: `UX.featured_content = {"group": group, "count": 12}`.
   * @example
   * await gis.admin.ux.setFeaturedContent({ group: featured, count: 6 });
   */
  async setFeaturedContent(
    content: { group: Group | string; count?: number } | Group | string | null,
  ): Promise<boolean> {
    if (content === null) {
      return this.update({
        homePageFeaturedContent: "",
        featuredItemsGroupQuery: "",
        featuredGroupsId: "",
        homePageFeaturedContentCount: 12,
        clearEmptyFields: true,
      });
    }
    const given =
      typeof content === "string" || content instanceof Group ? { group: content } : content;
    plainObject(given, "content");
    const groupId =
      given.group instanceof Group ? given.group.id : requireString(given.group, "content.group");
    const count = maxCount(given.count, "content.count", 12);
    if (count < 0 || count > 100) throw new RangeError("content.count: expected 0 to 100");
    return this.update({
      homePageFeaturedContent: groupId,
      featuredItemsGroupQuery: `id:${groupId}`,
      featuredGroupsId: `id:${groupId}`,
      homePageFeaturedContentCount: count,
    });
  }

  /**
   * The extent new maps open at. Python: `UX.default_extent` (getter).
   * @example
   * const extent = await gis.admin.ux.getDefaultExtent();
   */
  async getDefaultExtent(): Promise<Record<string, unknown>> {
    return (await this.portal()).defaultExtent as Record<string, unknown>;
  }

  /**
   * Changes the default extent (`{xmin, ymin, xmax, ymax, spatialReference}`); `null` puts the
   * portal's default back. Python: `UX.default_extent = extent`.
   * @example
   * await gis.admin.ux.setDefaultExtent({ xmin: -10, ymin: 35, xmax: 30, ymax: 60, spatialReference: { wkid: 4326 } });
   */
  async setDefaultExtent(extent: Record<string, unknown> | null): Promise<boolean> {
    if (extent === null) return this.update({ defaultExtent: "", clearEmptyFields: true });
    const given = extentOrBasemap(extent, "extent");
    for (const side of ["xmin", "ymin", "xmax", "ymax"]) {
      if (typeof given[side] !== "number" || !Number.isFinite(given[side])) {
        throw new TypeError(`extent.${side}: expected a number, got ${String(given[side])}`);
      }
    }
    return this.update({ defaultExtent: given });
  }

  /**
   * The basemap new maps start with (a web map's `baseMap` JSON). Python: `UX.default_basemap`.
   * @example
   * const basemap = await gis.admin.ux.getDefaultBasemap();
   */
  async getDefaultBasemap(): Promise<Record<string, unknown>> {
    return (await this.portal()).defaultBasemap as Record<string, unknown>;
  }

  /**
   * Changes the default basemap (`{ title, baseMapLayers: [...] }`); `null` puts the portal's
   * default back. Python: `UX.default_basemap = basemap`.
   * @example
   * await gis.admin.ux.setDefaultBasemap(await gis.admin.ux.getDefaultBasemap());
   */
  async setDefaultBasemap(basemap: Record<string, unknown> | null): Promise<boolean> {
    if (basemap === null) return this.update({ defaultBasemap: "", clearEmptyFields: true });
    const given = extentOrBasemap(basemap, "basemap");
    if (!Array.isArray(given.baseMapLayers)) {
      throw new TypeError("basemap.baseMapLayers: expected the list of the basemap's layers");
    }
    return this.update({ defaultBasemap: given });
  }

  /**
   * Sets the organisation's logo from a .png, .jpg or .gif file (65 × 65 pixels look best);
   * `null` removes it. Python: `UX.set_logo(logo_file=None)`.
   * @example
   * await gis.admin.ux.setLogo("data/logo.png");
   */
  async setLogo(logoFile: string | null): Promise<boolean> {
    const current = (await this.portal()).thumbnail;
    if (logoFile === null) {
      if (typeof current === "string" && current !== "") await this.removeQuietly(current);
      return this.update({ thumbnail: "", clearEmptyFields: true });
    }
    const { file, key } = imageFile(logoFile, "logoFile", "thumbnail");
    await this.resources.add(key, { path: file });
    if (typeof current === "string" && current !== "" && current !== key) {
      await this.removeQuietly(current);
    }
    return this.update({ thumbnail: key });
  }

  /**
   * Downloads the logo into `downloadPath`; its path, or null when there is no logo.
   * Python: `UX.get_logo(download_path)`.
   * @example
   * const file = await gis.admin.ux.getLogo("/tmp");
   */
  async getLogo(downloadPath: string): Promise<string | null> {
    requireString(downloadPath, "downloadPath");
    const key = (await this.portal()).thumbnail;
    if (typeof key !== "string" || key === "") return null;
    return this.resources.get(key, { downloadPath });
  }

  /**
   * Sets the home page banner from an image file, or from `customHtml`; `null` (and no HTML)
   * removes it. Python: `UX.set_banner(banner_file=None, is_built_in=False, custom_html=None)`.
   * @example
   * await gis.admin.ux.setBanner("data/banner.png");
   */
  async setBanner(
    bannerFile: string | null,
    options: { customHtml?: string } = {},
  ): Promise<boolean> {
    const customHtml = optionalString(options.customHtml, "customHtml");
    const image = bannerFile === null ? null : imageFile(bannerFile, "bannerFile", "banner");
    const previous = await this.bannerKey();
    if (image) await this.resources.add(image.key, { path: image.file });
    if (previous && previous !== image?.key) await this.removeQuietly(previous);
    if (!image && customHtml === undefined) {
      return this.update({ rotatorPanels: "[]" });
    }
    const img = image
      ? `<img src="sharing/rest/portals/self/resources/${image.key}?token=SECURITY_TOKEN" style="width:100%;"/>`
      : "";
    return this.update({
      rotatorPanels: [{ id: "banner-custom", innerHTML: `${img}${customHtml ?? ""}` }],
    });
  }

  /**
   * Downloads the banner image into `downloadPath`; its path, or null when the banner has no
   * image of the organisation's. Python: `UX.get_banner(download_path)`.
   * @example
   * const file = await gis.admin.ux.getBanner("/tmp");
   */
  async getBanner(downloadPath: string): Promise<string | null> {
    requireString(downloadPath, "downloadPath");
    const key = await this.bannerKey();
    return key ? this.resources.get(key, { downloadPath }) : null;
  }

  private async bannerKey(): Promise<string | null> {
    const panels = (await this.portal()).rotatorPanels;
    if (!Array.isArray(panels)) return null;
    for (const panel of panels as { innerHTML?: unknown }[]) {
      const match =
        typeof panel?.innerHTML === "string" ? BANNER_SOURCE.exec(panel.innerHTML) : null;
      if (match) return match[1];
    }
    return null;
  }

  /**
   * Sets the home page background from an image file; `null` removes it.
   * Python: `UX.set_background(background_file=None, is_built_in=True)`.
   * @example
   * await gis.admin.ux.setBackground("data/background.jpg");
   */
  async setBackground(backgroundFile: string | null): Promise<boolean> {
    const current = (await this.portal()).backgroundImage;
    if (backgroundFile === null) {
      if (typeof current === "string" && current !== "") await this.removeQuietly(current);
      return this.update({ backgroundImage: "", clearEmptyFields: true });
    }
    const { file, key } = imageFile(backgroundFile, "backgroundFile", "background");
    await this.resources.add(key, { path: file });
    if (typeof current === "string" && current !== "" && current !== key) {
      await this.removeQuietly(current);
    }
    return this.update({ backgroundImage: key });
  }

  /**
   * Downloads the background image into `downloadPath`; its path, or null when there is none.
   * Python: `UX.get_background(download_path)`.
   * @example
   * const file = await gis.admin.ux.getBackground("/tmp");
   */
  async getBackground(downloadPath: string): Promise<string | null> {
    requireString(downloadPath, "downloadPath");
    const key = (await this.portal()).backgroundImage;
    if (typeof key !== "string" || key === "") return null;
    return this.resources.get(key, { downloadPath });
  }

  /** A replaced image may already be gone (removed by hand): that is no reason to fail. */
  private async removeQuietly(key: string): Promise<void> {
    const listed = await this.resources.list();
    if (listed.some((resource) => resource.key === key)) await this.resources.delete(key);
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `UX.__repr__()`.
   * @example
   * console.log(util.inspect(gis.admin.ux));
   */
  [inspect.custom](): string {
    return `<UX url:"${this.gis.url}">`;
  }
}
