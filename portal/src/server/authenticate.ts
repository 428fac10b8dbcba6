import type { FastifyRequest } from "fastify";
import type { UserRecord } from "../model/user-record";
import { isLiveAppToken } from "../oauth/app-tokens";
import { refererMatches } from "../security/referer-binding";
import type { StoredToken } from "../store/token-store";
import { verifiedClientCommonName } from "../tls/client-certificate";
import { invalidToken } from "./arcgis-error";
import type { PortalServices } from "./portal-services";
import type { RequestParams } from "./request-params";

/** The token a request carries, from the parameters or either bearer header. */
export function presentedToken(request: FastifyRequest, params: RequestParams): string | null {
  const fromParams = params.values.token;
  if (fromParams) return fromParams;
  for (const header of ["x-esri-authorization", "authorization"]) {
    const value = request.headers[header];
    const match = typeof value === "string" ? /^Bearer\s+(\S+)$/i.exec(value.trim()) : null;
    if (match) return match[1];
  }
  return null;
}

/**
 * Resolves who is calling. A token that is unknown, expired, bound to another client or owned by
 * a disabled user is an error (498) even on public resources, as with the real API; no token at
 * all falls back to a verified TLS client certificate, then to anonymous.
 */
export function authenticate(
  context: PortalServices,
  request: FastifyRequest,
  params: RequestParams,
): UserRecord | null {
  const token = presentedToken(request, params);
  if (token) return isLiveAppToken(context, token) ? null : userOfToken(context, request, token);
  const commonName = verifiedClientCommonName(request.raw.socket);
  if (commonName) {
    const user = context.users.find(commonName);
    if (user && !user.disabled) return user;
  }
  return null;
}

function userOfToken(context: PortalServices, request: FastifyRequest, token: string): UserRecord {
  const stored = context.tokens.lookup(token);
  if (!stored || stored.expires <= Date.now() || !bindingMatches(stored, request)) {
    throw invalidToken();
  }
  const user = context.users.find(stored.username);
  if (!user || user.disabled) throw invalidToken();
  return user;
}

function bindingMatches(token: StoredToken, request: FastifyRequest): boolean {
  if (token.client === "referer") {
    // Server-side clients often send no Referer at all; only a different one is refused.
    const referer = request.headers.referer;
    return !referer || !token.referer || refererMatches(token.referer, referer);
  }
  return !token.ip || token.ip === request.ip;
}
