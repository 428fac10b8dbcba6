import { removeTokenFromUrl } from "./session/url";

/** The fields of the `{"error": {...}}` body that the ArcGIS REST API returns. */
export interface ArcGISErrorBody {
  code?: number;
  messageCode?: string;
  message?: string;
  details?: unknown;
}

/**
 * A failure reported by an ArcGIS server: an HTTP error, or the `{"error": {...}}` body that
 * the REST API sends with HTTP 200. The URL never carries a token.
 *
 * Python: `Exception` raised by `arcgis.gis` for server errors.
 * @example
 * try { await GIS.connect({ url, username, password: "wrong" }); }
 * catch (e) { if (e instanceof ArcGISError) console.log(e.code, e.message); }
 */
export class ArcGISError extends Error {
  /**
   * The ArcGIS error code (often an HTTP-like status such as 400, 403, 498).
   * Python: the code in the message of the raised `Exception`.
   * @example
   * if (error.code === 498) console.log("token expired");
   */
  readonly code: number;
  /**
   * The portal's message code, such as `GWM_0003`, when it sent one.
   * Python: part of the raised `Exception`'s message.
   * @example
   * console.log(error.messageCode); // e.g. "GWM_0003"
   */
  readonly messageCode: string | undefined;
  /**
   * Further detail lines from the server.
   * Python: part of the raised `Exception`'s message.
   * @example
   * console.log(error.details);
   */
  readonly details: string[];
  /**
   * The request URL, with any token removed.
   * Python: none (its exceptions do not carry the URL).
   * @example
   * console.log(error.url);
   */
  readonly url: string;
  /**
   * The HTTP status of the response, when there was one.
   * Python: none.
   * @example
   * if (error.httpStatus === 503) console.log("server busy");
   */
  readonly httpStatus: number | undefined;

  /**
   * Made by the Session from a server's answer; code rarely builds one.
   * Python: the `Exception` `arcgis.gis` raises.
   * @example
   * throw new ArcGISError({ code: 400, message: "Invalid parameter" }, url);
   */
  constructor(body: ArcGISErrorBody, url: string, httpStatus?: number) {
    const details = normaliseDetails(body.details);
    const message = body.message || details[0] || `Request failed with code ${body.code ?? "?"}`;
    super(message);
    this.name = "ArcGISError";
    this.code = typeof body.code === "number" ? body.code : Number(body.code) || 0;
    this.messageCode = body.messageCode || undefined;
    this.details = details;
    this.url = removeTokenFromUrl(url);
    this.httpStatus = httpStatus;
  }
}

function normaliseDetails(details: unknown): string[] {
  if (details === undefined || details === null) return [];
  if (Array.isArray(details))
    return details.map((d) => (typeof d === "string" ? d : JSON.stringify(d)));
  return [typeof details === "string" ? details : JSON.stringify(details)];
}
