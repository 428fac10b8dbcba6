// Which basemap a view draws: a named one when the user chose it, else the portal's default
// when its layers load, else the offline Natural Earth basemap.
import Basemap from "@arcgis/core/Basemap";
import type Layer from "@arcgis/core/layers/Layer";
import { offlineBasemapLayers } from "./offline-basemap";

/** How long the portal's basemap may take to answer before the offline one is drawn. */
const PORTAL_BASEMAP_TIMEOUT_MS = 5000;

export type BasemapChoice =
  { kind: "offline"; layers: Layer[] } | { kind: "basemap"; basemap: Basemap };

export async function chooseBasemap(
  name: string | null,
  portalBasemap: Record<string, unknown> | null,
): Promise<BasemapChoice> {
  if (name && name !== "offline") {
    return { kind: "basemap", basemap: Basemap.fromId(name) ?? new Basemap({ id: name }) };
  }
  if (name === null && portalBasemap) {
    const basemap = await reachable(Basemap.fromJSON(portalBasemap));
    if (basemap) return { kind: "basemap", basemap };
  }
  return { kind: "offline", layers: await offlineBasemapLayers() };
}

async function reachable(basemap: Basemap): Promise<Basemap | null> {
  try {
    await withTimeout(basemap.load(), PORTAL_BASEMAP_TIMEOUT_MS);
    await withTimeout(
      Promise.all(basemap.baseLayers.toArray().map((layer) => layer.load())),
      PORTAL_BASEMAP_TIMEOUT_MS,
    );
    return basemap.baseLayers.length > 0 ? basemap : null;
  } catch {
    return null;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
