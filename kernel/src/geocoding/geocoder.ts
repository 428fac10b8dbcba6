import { inspect } from "node:util";
import { env } from "../env";
import type { GIS } from "../gis";
import { getGeocodeServiceInfo } from "../rest/geocode";

/** One entry of `helperServices.geocode` in portals/self. */
export interface GeocoderInfo {
  url: string;
  name?: string;
  batch?: boolean;
  placefinding?: boolean;
  suggest?: boolean;
  [field: string]: unknown;
}

/**
 * A geocoding service (a GeocodeServer) reached through a GIS.
 *
 * Python: `arcgis.geocoding.Geocoder`.
 * @example
 * const [geocoder] = getGeocoders(gis);
 * const places = await geocode("Paris", { geocoder });
 */
export class Geocoder {
  /**
   * The GeocodeServer's URL. Python: `Geocoder.url`.
   * @example
   * console.log(geocoder.url);
   */
  readonly url: string;
  /**
   * The GIS whose session sends the requests.
   * Python keeps it private as `Geocoder._gis`.
   * @example
   * console.log(geocoder.gis.url);
   */
  readonly gis: GIS;
  /**
   * The portal's description of this geocoder (name, batch, suggest ...).
   * Python: `Geocoder.properties` holds the same description.
   * @example
   * console.log(geocoder.info.name);
   */
  readonly info: GeocoderInfo;

  /**
   * Python: `Geocoder(location, gis=None)`.
   * @example
   * const geocoder = new Geocoder(`${gis.url}/rest/services/World/GeocodeServer`, gis);
   */
  constructor(location: string | GeocoderInfo, gis?: GIS) {
    const info = typeof location === "string" ? { url: location } : location;
    if (!info || typeof info.url !== "string" || !/^https?:\/\//i.test(info.url)) {
      throw new TypeError("location: expected the URL of a GeocodeServer (http or https)");
    }
    this.url = info.url.replace(/\/+$/, "");
    this.gis = resolveGis(gis);
    this.info = { ...info, url: this.url };
  }

  /**
   * The service's description (address fields, candidate fields, locator properties).
   * Python: `Geocoder.properties`.
   * @example
   * const { singleLineAddressField } = await geocoder.getProperties();
   */
  async getProperties(): Promise<Record<string, unknown>> {
    return getGeocodeServiceInfo(this.gis.session, this.url);
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `Geocoder.__repr__()`.
   * @example
   * console.log(util.inspect(geocoder));
   */
  [inspect.custom](): string {
    return `<Geocoder url:"${this.url}">`;
  }
}

/**
 * The geocoders the GIS is configured with (`helperServices.geocode`), first the default.
 * Python: `arcgis.geocoding.get_geocoders(gis)`.
 * @example
 * const geocoders = getGeocoders(gis);
 */
export function getGeocoders(gis?: GIS): Geocoder[] {
  const target = resolveGis(gis);
  const configured = target.properties.helperServices?.geocode;
  if (!Array.isArray(configured)) return [];
  return configured
    .filter((entry): entry is GeocoderInfo => typeof (entry as GeocoderInfo)?.url === "string")
    .map((entry) => new Geocoder(entry, target));
}

/** The geocoder an operation uses: the one given, else the GIS's first. */
export function chooseGeocoder(geocoder: Geocoder | undefined, gis: GIS | undefined): Geocoder {
  if (geocoder !== undefined) {
    if (!(geocoder instanceof Geocoder)) throw new TypeError("geocoder: expected a Geocoder");
    return geocoder;
  }
  const [first] = getGeocoders(gis);
  if (!first) {
    throw new Error("This GIS has no geocoder configured (portals/self helperServices.geocode)");
  }
  return first;
}

function resolveGis(gis: GIS | undefined): GIS {
  const target = gis ?? env.activeGis;
  if (!target) throw new TypeError("gis: no GIS given and no active GIS (connect one first)");
  return target;
}
