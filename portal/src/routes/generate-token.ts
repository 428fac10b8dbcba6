import { Access } from "../security/access";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { issueServerToken } from "../federation/server-token-route";
import { isLoopbackAddress } from "../security/loopback";
import { verifySignIn } from "../security/sign-in";
import { ArcGISRequestError } from "../server/arcgis-error";
import { optionalChoice, optionalInteger, optionalString } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";
import type { TokenBinding, TokenClient } from "../store/token-store";
import { verifiedClientCommonName } from "../tls/client-certificate";
import type { UserRecord } from "../model/user-record";

const DEFAULT_EXPIRATION_MINUTES = 60;

const unableToGenerate = (detail: string): ArcGISRequestError =>
  new ArcGISRequestError(400, "Unable to generate token.", [detail]);

export function registerGenerateTokenRoute(app: FastifyInstance, context: PortalServices): void {
  app.route({
    method: ["GET", "POST"],
    url: "/sharing/rest/generateToken",
    config: { skipTokenCheck: true, access: Access.credentials },
    handler: async (request) => {
      const secure = context.tlsEnabled;
      if (!secure && !isLoopbackAddress(request.socket.remoteAddress)) {
        // The real API only hands out tokens over HTTPS; a local plain-HTTP portal makes an
        // exception for clients on the same host, where nothing travels over a network.
        throw new ArcGISRequestError(403, "SSL Required.", [
          "Tokens are only issued over HTTPS or to clients on this host.",
        ]);
      }
      if (optionalString(stateOf(request).params.values, "serverUrl") !== undefined) {
        return issueServerToken(context, request, stateOf(request).params);
      }
      const params = stateOf(request).params.values;
      const user = await identify(context, request, params);
      const binding = bindingOf(request, params);
      const requestedMinutes =
        optionalInteger(params, "expiration", { min: 1 }) ?? DEFAULT_EXPIRATION_MINUTES;
      const lifetimeMs = Math.min(requestedMinutes * 60, context.maxTokenLifetimeSeconds) * 1000;
      const expires = Date.now() + lifetimeMs;
      const token = context.tokens.issue(user.username, expires, binding);
      context.users.recordLogin(user.username);
      return { token, expires, ssl: secure };
    },
  });
}

async function identify(
  context: PortalServices,
  request: FastifyRequest,
  params: Record<string, string>,
): Promise<UserRecord> {
  const username = optionalString(params, "username");
  const password = optionalString(params, "password");
  if (username === undefined && password === undefined) {
    const commonName = verifiedClientCommonName(request.raw.socket);
    const user = commonName ? context.users.find(commonName) : null;
    if (user && !user.disabled) return user;
    throw unableToGenerate("'username' must be specified.");
  }
  if (request.method !== "POST") {
    // Credentials in a URL end up in logs and browser history; the real API wants a POST too.
    throw unableToGenerate("Credentials must be sent with HTTP POST.");
  }
  if (username === undefined) throw unableToGenerate("'username' must be specified.");
  if (password === undefined) throw unableToGenerate("'password' must be specified.");
  const user = await verifySignIn(context, username, password);
  if (!user) throw unableToGenerate("Invalid username or password.");
  if (user.disabled) throw unableToGenerate("This account has been disabled.");
  return user;
}

function bindingOf(request: FastifyRequest, params: Record<string, string>): TokenBinding {
  const client: TokenClient =
    optionalChoice(params, "client", ["referer", "requestip", "ip"] as const) ??
    (optionalString(params, "referer") ? "referer" : "requestip");
  if (client === "referer") {
    const referer = optionalString(params, "referer");
    if (!referer) throw unableToGenerate("'referer' must be specified when client is 'referer'.");
    return { client, referer, ip: null };
  }
  if (client === "ip") {
    const ip = optionalString(params, "ip");
    if (!ip) throw unableToGenerate("'ip' must be specified when client is 'ip'.");
    return { client, referer: null, ip };
  }
  return { client, referer: null, ip: request.ip };
}
