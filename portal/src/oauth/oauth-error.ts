import { ArcGISRequestError } from "../server/arcgis-error";

/** The OAuth error codes of RFC 6749 that the token and authorize endpoints report. */
export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "unsupported_response_type"
  | "invalid_scope";

/**
 * An OAuth failure in the real portal's shape: the ArcGIS error body with the RFC 6749 `error`
 * and `error_description` fields beside `message`, so both kinds of client can read it.
 */
export class OAuthError extends ArcGISRequestError {
  constructor(
    readonly oauthCode: OAuthErrorCode,
    description: string,
  ) {
    super(400, description, []);
    this.name = "OAuthError";
  }

  override toJSON(): { error: Record<string, unknown> } {
    return {
      error: {
        code: this.code,
        error: this.oauthCode,
        error_description: this.message,
        message: this.message,
        details: [],
      },
    };
  }
}
