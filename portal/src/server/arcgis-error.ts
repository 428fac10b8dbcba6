/** An error the portal reports in the ArcGIS body format: HTTP 200 with `{ error: {...} }`. */
export class ArcGISRequestError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly details: string[] = [],
    readonly messageCode?: string,
  ) {
    super(message);
    this.name = "ArcGISRequestError";
  }

  toJSON(): { error: Record<string, unknown> } {
    const error: Record<string, unknown> = { code: this.code };
    if (this.messageCode) error.messageCode = this.messageCode;
    error.message = this.message;
    error.details = this.details;
    return { error };
  }
}

export const invalidToken = (): ArcGISRequestError =>
  new ArcGISRequestError(498, "Invalid token.", []);

export const tokenRequired = (): ArcGISRequestError =>
  new ArcGISRequestError(499, "Token Required.", []);

/** ArcGIS Server's form of 499, as services (not the Sharing API) answer it. */
export const serviceTokenRequired = (): ArcGISRequestError =>
  new ArcGISRequestError(499, "Token Required", ["Token Required"], "GWM_0003");

export const permissionDenied = (): ArcGISRequestError =>
  new ArcGISRequestError(
    403,
    "You do not have permissions to access this resource or perform this operation.",
    [],
    "GWM_0003",
  );

export const invalidUrl = (): ArcGISRequestError => new ArcGISRequestError(400, "Invalid URL", []);

export const invalidParameter = (name: string, reason: string): ArcGISRequestError =>
  new ArcGISRequestError(400, `Invalid parameter '${name}'.`, [`'${name}' ${reason}`]);
