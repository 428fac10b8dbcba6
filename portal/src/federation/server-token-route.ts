import type { FastifyRequest } from "fastify";
import { ArcGISRequestError } from "../server/arcgis-error";
import { authenticate, presentedToken } from "../server/authenticate";
import { optionalInteger, optionalString } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import type { RequestParams } from "../server/request-params";

const DEFAULT_EXPIRATION_MINUTES = 60;

const unableToGenerate = (detail: string): ArcGISRequestError =>
  new ArcGISRequestError(400, "Unable to generate token.", [detail]);

/**
 * `generateToken` with `serverUrl`: exchanges the caller's portal token for a token that works
 * only at that server, and lives no longer than the portal token it came from. The client asks
 * only for servers whose `/rest/info` names this portal as their owning system; the binding to
 * the server keeps such a token from being replayed against the portal.
 */
export function issueServerToken(
  context: PortalServices,
  request: FastifyRequest,
  params: RequestParams,
): { token: string; expires: number; ssl: boolean } {
  const serverUrl = optionalString(params.values, "serverUrl") as string;
  if (!/^https?:\/\/[^/]+/i.test(serverUrl) || !URL.canParse(serverUrl)) {
    throw unableToGenerate("'serverUrl' must be the absolute URL of an ArcGIS Server.");
  }
  const portalToken = presentedToken(request, params);
  if (!portalToken) throw unableToGenerate("'token' must be specified with 'serverUrl'.");
  const user = authenticate(context, request, params);
  const issuedFor = context.tokens.lookup(portalToken);
  if (!user || !issuedFor) throw unableToGenerate("'token' is not a portal token.");
  const minutes =
    optionalInteger(params.values, "expiration", { min: 1 }) ?? DEFAULT_EXPIRATION_MINUTES;
  const expires = Math.min(
    Date.now() + Math.min(minutes * 60, context.maxTokenLifetimeSeconds) * 1000,
    issuedFor.expires,
  );
  const token = context.serverTokens.issue(user.username, serverUrl, expires);
  return { token, expires, ssl: context.tlsEnabled };
}
