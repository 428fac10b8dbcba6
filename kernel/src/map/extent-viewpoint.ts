// The centre and zoom level an extent gives, so `map.center` and `map.zoom` have values as soon
// as the map has an extent, before any browser view reports what it shows.
import type { Extent, LatLon } from "./contract";

const EARTH_RADIUS_M = 6378137;
/** Metres per pixel at zoom 0 on Web Mercator tiles (256 px tiles). */
const ZOOM0_RESOLUTION = (2 * Math.PI * EARTH_RADIUS_M) / 256;
/**
 * The size the zoom estimate assumes: the widget's default height and a notebook's usual
 * output width. The view reports its real zoom once it has drawn.
 */
export const ASSUMED_VIEW_PX = { width: 800, height: 400 };

function isWebMercator(extent: Extent): boolean {
  const wkid = extent.spatialReference?.latestWkid ?? extent.spatialReference?.wkid;
  return wkid === 3857 || wkid === 102100 || wkid === 102113 || wkid === 900913;
}

function toLongitude(x: number): number {
  return (x / EARTH_RADIUS_M) * (180 / Math.PI);
}

function toLatitude(y: number): number {
  return (Math.atan(Math.sinh(y / EARTH_RADIUS_M)) * 180) / Math.PI;
}

function toMercatorY(latitude: number): number {
  const clamped = Math.max(-85.05112878, Math.min(85.05112878, latitude));
  return EARTH_RADIUS_M * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360));
}

/** The extent's centre as `[latitude, longitude]`; null for an extent in another projection. */
export function centerOfExtent(extent: Extent): LatLon | null {
  if (isWebMercator(extent)) {
    return [
      toLatitude((extent.ymin + extent.ymax) / 2),
      toLongitude((extent.xmin + extent.xmax) / 2),
    ];
  }
  const wkid = extent.spatialReference?.latestWkid ?? extent.spatialReference?.wkid ?? 4326;
  if (wkid !== 4326) return null;
  const middleY = (toMercatorY(extent.ymin) + toMercatorY(extent.ymax)) / 2;
  return [toLatitude(middleY), (extent.xmin + extent.xmax) / 2];
}

/** The zoom level at which the extent just fits the assumed view (two decimals). */
export function zoomOfExtent(extent: Extent): number | null {
  let width: number;
  let height: number;
  if (isWebMercator(extent)) {
    width = extent.xmax - extent.xmin;
    height = extent.ymax - extent.ymin;
  } else {
    const wkid = extent.spatialReference?.latestWkid ?? extent.spatialReference?.wkid ?? 4326;
    if (wkid !== 4326) return null;
    width = ((extent.xmax - extent.xmin) * Math.PI * EARTH_RADIUS_M) / 180;
    height = toMercatorY(extent.ymax) - toMercatorY(extent.ymin);
  }
  if (!(width > 0) && !(height > 0)) return null;
  const fits = [
    width > 0 ? Math.log2((ZOOM0_RESOLUTION * ASSUMED_VIEW_PX.width) / width) : Infinity,
    height > 0 ? Math.log2((ZOOM0_RESOLUTION * ASSUMED_VIEW_PX.height) / height) : Infinity,
  ];
  const zoom = Math.max(0, Math.min(23, ...fits));
  return Math.round(zoom * 100) / 100;
}
