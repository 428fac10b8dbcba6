import { Access } from "../security/access";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { OAuthError } from "../oauth/oauth-error";
import { approvalPage, signInPage } from "../oauth/pages";
import { verifierMatches, type ChallengeMethod } from "../oauth/pkce";
import { isLoopbackAddress } from "../security/loopback";
import { verifySignIn } from "../security/sign-in";
import { ArcGISRequestError } from "../server/arcgis-error";
import { optionalInteger, optionalString } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";
import { OAuthStore, type RegisteredApp } from "../store/oauth-store";
import type { UserRecord } from "../model/user-record";

/** The redirect URI that delivers the code to the portal's approval page instead of an app. */
export const OUT_OF_BAND = "urn:ietf:wg:oauth:2.0:oob";

/** Access tokens of user logins live 30 minutes, as on ArcGIS Online; refresh tokens renew them. */
const ACCESS_TOKEN_SECONDS = 30 * 60;
/** `expiration=-1` asks for the longest refresh token: two weeks. */
const MAX_REFRESH_MINUTES = 14 * 24 * 60;
/** App logins default to two hours. */
const APP_TOKEN_MINUTES = 120;

/** Parameters of an authorize request that the sign-in form carries through. */
const AUTHORIZE_FIELDS = [
  "client_id",
  "response_type",
  "redirect_uri",
  "state",
  "expiration",
  "code_challenge",
  "code_challenge_method",
] as const;

/**
 * OAuth 2.0 as the portal serves it: `oauth2/authorize` (a sign-in page, then the code to the
 * redirect URI or, out of band, to the approval page), and `oauth2/token` for the authorization
 * code (with PKCE), refresh token and client credentials grants.
 */
export function registerOAuthRoutes(app: FastifyInstance, context: PortalServices): void {
  const store = context.oauth;

  app.route({
    method: "GET",
    url: "/sharing/rest/oauth2/authorize",
    config: { skipTokenCheck: true, access: Access.credentials, portalPage: true },
    handler: async (request, reply) => {
      const params = stateOf(request).params.values;
      const authorize = readAuthorizeRequest(store, params);
      return sendHtml(reply, signInPage(pageFields(context, authorize.app, params)));
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/oauth2/authorize",
    config: { skipTokenCheck: true, access: Access.credentials, portalPage: true },
    handler: async (request, reply) => {
      requireSafeTransport(context, request);
      const params = stateOf(request).params.values;
      const authorize = readAuthorizeRequest(store, params);
      const username = optionalString(params, "username");
      const user = await checkCredentials(context, username, optionalString(params, "password"));
      if (!user) {
        const fields = pageFields(context, authorize.app, params);
        const page = signInPage({ ...fields, username, error: "Invalid username or password." });
        return sendHtml(reply, page);
      }
      const code = store.issueCode({
        clientId: authorize.app.clientId,
        username: user.username,
        redirectUri: authorize.redirectUri,
        codeChallenge: authorize.codeChallenge,
        codeChallengeMethod: authorize.codeChallengeMethod,
        refreshMinutes: authorize.refreshMinutes,
      });
      context.users.recordLogin(user.username);
      const target =
        authorize.redirectUri === OUT_OF_BAND
          ? new URL(`${context.rootUrl}/sharing/oauth2/approval`)
          : new URL(authorize.redirectUri);
      target.searchParams.set("code", code);
      if (authorize.state !== undefined) target.searchParams.set("state", authorize.state);
      return reply
        .code(302)
        .header("Location", target.toString())
        .header("Cache-Control", "no-store")
        .send();
    },
  });

  for (const url of ["/sharing/oauth2/approval", "/sharing/rest/oauth2/approval"]) {
    app.route({
      method: "GET",
      url,
      config: { skipTokenCheck: true, access: Access.credentials, portalPage: true },
      handler: async (request, reply) => {
        const code = optionalString(stateOf(request).params.values, "code");
        if (!code) throw new OAuthError("invalid_request", "'code' must be specified.");
        return sendHtml(reply, approvalPage(code));
      },
    });
  }

  app.route({
    method: ["GET", "POST"],
    url: "/sharing/rest/oauth2/token",
    config: { skipTokenCheck: true, access: Access.credentials, portalPage: true },
    handler: async (request, reply) => {
      requireSafeTransport(context, request);
      const params = stateOf(request).params.values;
      void reply.header("Cache-Control", "no-store");
      const grantType = optionalString(params, "grant_type");
      const app = findClient(store, params);
      switch (grantType) {
        case "authorization_code":
          return exchangeCode(context, store, app, params);
        case "refresh_token":
          return refresh(context, store, app, params);
        case "client_credentials":
          return appLogin(context, store, app, params, request.method);
        case undefined:
          throw new OAuthError("invalid_request", "'grant_type' must be specified.");
        default:
          throw new OAuthError("unsupported_grant_type", `Unsupported grant type '${grantType}'.`);
      }
    },
  });
}

interface AuthorizeRequest {
  app: RegisteredApp;
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string | null;
  codeChallengeMethod: ChallengeMethod | null;
  refreshMinutes: number;
}

function readAuthorizeRequest(store: OAuthStore, params: Record<string, string>): AuthorizeRequest {
  const app = findClient(store, params);
  const responseType = optionalString(params, "response_type");
  if (responseType !== "code") {
    throw new OAuthError(
      "unsupported_response_type",
      `Unsupported response type '${responseType ?? ""}'; this portal issues authorization codes.`,
    );
  }
  const redirectUri = optionalString(params, "redirect_uri");
  if (!redirectUri) throw new OAuthError("invalid_request", "'redirect_uri' must be specified.");
  if (!app.redirectUris.includes(redirectUri)) {
    throw new OAuthError("invalid_request", "Invalid redirect_uri");
  }
  const codeChallenge = optionalString(params, "code_challenge") ?? null;
  const method =
    optionalString(params, "code_challenge_method") ?? (codeChallenge ? "plain" : null);
  if (method !== null && method !== "S256" && method !== "plain") {
    throw new OAuthError("invalid_request", "'code_challenge_method' must be S256 or plain.");
  }
  const expiration = optionalInteger(params, "expiration", { min: -1 }) ?? MAX_REFRESH_MINUTES;
  return {
    app,
    redirectUri,
    state: optionalString(params, "state"),
    codeChallenge,
    codeChallengeMethod: codeChallenge ? method : null,
    refreshMinutes:
      expiration === -1 || expiration === 0
        ? MAX_REFRESH_MINUTES
        : Math.min(expiration, MAX_REFRESH_MINUTES),
  };
}

function findClient(store: OAuthStore, params: Record<string, string>): RegisteredApp {
  const clientId = optionalString(params, "client_id");
  if (!clientId) throw new OAuthError("invalid_request", "'client_id' must be specified.");
  const app = store.byClientId(clientId);
  if (!app) throw new OAuthError("invalid_client", "Invalid client_id");
  return app;
}

function exchangeCode(
  context: PortalServices,
  store: OAuthStore,
  app: RegisteredApp,
  params: Record<string, string>,
): Record<string, unknown> {
  const codeText = optionalString(params, "code");
  if (!codeText) throw new OAuthError("invalid_request", "'code' must be specified.");
  const code = store.consumeCode(codeText);
  if (!code || code.clientId !== app.clientId) {
    throw new OAuthError("invalid_grant", "Invalid authorization code");
  }
  if (optionalString(params, "redirect_uri") !== code.redirectUri) {
    throw new OAuthError("invalid_grant", "Invalid redirect_uri");
  }
  if (code.codeChallenge) {
    const verifier = optionalString(params, "code_verifier");
    if (
      !verifier ||
      !verifierMatches(verifier, code.codeChallenge, code.codeChallengeMethod as ChallengeMethod)
    ) {
      throw new OAuthError("invalid_grant", "Invalid code_verifier");
    }
  } else if (
    app.appType === "server" &&
    optionalString(params, "client_secret") !== app.clientSecret
  ) {
    // Without PKCE only the app's secret proves the code was not intercepted.
    throw new OAuthError("invalid_client", "Invalid client_secret");
  }
  const user = liveUser(context, code.username);
  const refreshExpires = Date.now() + code.refreshMinutes * 60_000;
  const refreshToken = store.issueRefreshToken(app.clientId, user.username, refreshExpires);
  return {
    ...userToken(context, user.username),
    refresh_token: refreshToken,
    refresh_token_expires_in: code.refreshMinutes * 60,
  };
}

function refresh(
  context: PortalServices,
  store: OAuthStore,
  app: RegisteredApp,
  params: Record<string, string>,
): Record<string, unknown> {
  const token = optionalString(params, "refresh_token");
  if (!token) throw new OAuthError("invalid_request", "'refresh_token' must be specified.");
  const owner = store.refreshTokenOwner(app.clientId, token);
  if (!owner) throw new OAuthError("invalid_grant", "Invalid refresh_token");
  const user = liveUser(context, owner.username);
  return userToken(context, user.username);
}

function appLogin(
  context: PortalServices,
  store: OAuthStore,
  app: RegisteredApp,
  params: Record<string, string>,
  method: string,
): Record<string, unknown> {
  if (method !== "POST") {
    throw new OAuthError("invalid_request", "Client credentials must be sent with HTTP POST.");
  }
  if (optionalString(params, "client_secret") !== app.clientSecret) {
    throw new OAuthError("invalid_client", "Invalid client_secret");
  }
  const minutes = optionalInteger(params, "expiration", { min: 1 }) ?? APP_TOKEN_MINUTES;
  const seconds = Math.min(minutes * 60, context.maxTokenLifetimeSeconds);
  const accessToken = store.issueAppToken(app.clientId, Date.now() + seconds * 1000);
  return { access_token: accessToken, expires_in: seconds };
}

function userToken(context: PortalServices, username: string): Record<string, unknown> {
  const seconds = Math.min(ACCESS_TOKEN_SECONDS, context.maxTokenLifetimeSeconds);
  // Bound to no referer or address: OAuth clients are identified by the app, not the page.
  const accessToken = context.tokens.issue(username, Date.now() + seconds * 1000, {
    client: "referer",
    referer: null,
    ip: null,
  });
  return { access_token: accessToken, expires_in: seconds, username, ssl: context.tlsEnabled };
}

function liveUser(context: PortalServices, username: string): UserRecord {
  const user = context.users.find(username);
  if (!user || user.disabled) throw new OAuthError("invalid_grant", "The user cannot sign in.");
  return user;
}

async function checkCredentials(
  context: PortalServices,
  username: string | undefined,
  password: string | undefined,
): Promise<UserRecord | null> {
  if (!username || !password) return null;
  const user = await verifySignIn(context, username, password);
  return user && !user.disabled ? user : null;
}

function pageFields(context: PortalServices, app: RegisteredApp, params: Record<string, string>) {
  const hidden: Record<string, string> = {};
  for (const field of AUTHORIZE_FIELDS) {
    if (params[field] !== undefined) hidden[field] = params[field];
  }
  const row = context.db.prepare("SELECT title FROM items WHERE id = ?").get(app.itemId) as
    { title: string } | undefined;
  return {
    appTitle: row?.title ?? app.clientId,
    portalName: context.organisations.get().name,
    hidden,
  };
}

/** Passwords and codes only travel over HTTPS, except between processes on this host. */
function requireSafeTransport(context: PortalServices, request: FastifyRequest): void {
  if (context.tlsEnabled || isLoopbackAddress(request.socket.remoteAddress)) return;
  throw new ArcGISRequestError(403, "SSL Required.", [
    "OAuth requests are only served over HTTPS or to clients on this host.",
  ]);
}

function sendHtml(reply: FastifyReply, html: string): FastifyReply {
  return reply
    .code(200)
    .type("text/html; charset=utf-8")
    .header("Cache-Control", "no-store")
    .header("X-Frame-Options", "DENY")
    .send(html);
}
