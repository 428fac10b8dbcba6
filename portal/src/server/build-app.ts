import formbody from "@fastify/formbody";
import multipart from "@fastify/multipart";
import Fastify, {
  type FastifyReply,
  type FastifyHttpsOptions,
  type FastifyInstance,
  type FastifyServerOptions,
} from "fastify";
import type https from "node:https";
import { registerCommunityRoutes } from "../routes/community";
import { registerContentRoutes } from "../routes/content";
import { registerCommunityGroupRoutes } from "../routes/community-groups";
import { registerCommunityUserRoutes } from "../routes/community-users";
import { registerGenerateTokenRoute } from "../routes/generate-token";
import { registerOAuthRoutes } from "../routes/oauth2";
import { registerCreateServiceRoutes } from "../routes/create-service";
import { registerFeatureServerRoutes } from "../routes/feature-server";
import { registerGeocodeServerRoutes } from "../routes/geocode-server";
import { registerMapServerRoutes } from "../routes/map-server";
import { registerVectorTileServerRoutes } from "../routes/vector-tile-server";
import { registerPrintingRoutes } from "../routes/printing";
import { registerPublishingRoutes } from "../routes/publishing";
import { registerInfoRoutes } from "../routes/info";
import { registerGroupMembershipRoutes } from "../routes/group-membership";
import { registerPortalRoleRoutes } from "../routes/portal-roles";
import { registerPortalUserRoutes } from "../routes/portal-users";
import { registerCertificateRoutes } from "../routes/certificates";
import { registerHostingDatastoreRoutes } from "../routes/hosting-datastore";
import { registerPortalRoutes } from "../routes/portals";
import { registerPortalResourceRoutes } from "../routes/portal-resources";
import { registerSecurityPolicyRoutes } from "../routes/security-policy";
import { registerWebhookRoutes } from "../routes/webhooks";
import { registerCreditRoutes } from "../routes/credits";
import { registerLicenseRoutes } from "../routes/licenses";
import { registerPortalAdminLogRoutes } from "../routes/portal-admin-logs";
import { registerPortalAdminSystemRoutes } from "../routes/portal-admin-system";
import { registerLogHook } from "../logs/log-hook";
import { ArcGISRequestError, invalidUrl, permissionDenied } from "./arcgis-error";
import { authenticate } from "./authenticate";
import { registerCors } from "./cors";
import type { FaultInjector } from "./fault-injector";
import type { PortalServices, RouteRegistrar } from "./portal-services";
import { redactUrl } from "./redact-url";
import { recordRoutes } from "./route-table";
import { registerActiveContentGuard } from "./active-content";
import { collectParams } from "./request-params";
import "./request-state";

export interface AppOptions {
  readonly services: PortalServices;
  readonly faults: FaultInjector;
  readonly https?: https.ServerOptions;
  readonly log: boolean;
}

const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { services } = options;
  const serverOptions: FastifyServerOptions = {
    logger: options.log
      ? {
          serializers: {
            req: (request: { method: string; url: string }) => ({
              method: request.method,
              url: redactUrl(request.url),
            }),
          },
        }
      : false,
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
    bodyLimit: MAX_UPLOAD_BYTES,
    // A malformed percent escape or an over-long parameter fails before routing; fastify's own
    // answer echoes the URL (token included) in its own format, so the portal answers instead.
    frameworkErrors: (_error, _request, reply) => {
      void (reply as unknown as FastifyReply)
        .code(200)
        .type("application/json; charset=utf-8")
        .send(
          new ArcGISRequestError(400, "Invalid URL", [
            "The URL holds a malformed escape or an over-long part.",
          ]).toJSON(),
        );
    },
  };
  // Fastify types HTTPS servers separately; routes are written once against the plain instance.
  const app = (options.https
    ? Fastify({ ...(serverOptions as FastifyHttpsOptions<https.Server>), https: options.https })
    : Fastify(serverOptions)) as unknown as FastifyInstance;

  await app.register(formbody);
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: MAX_UPLOAD_BYTES, fieldSize: 64 * 1024 * 1024 },
    onFile: async (part) => {
      (part as unknown as { value: Buffer }).value = await part.toBuffer();
    },
  });
  // Some clients post forms without a content type; read any other body as a form too.
  app.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => done(null, body));

  recordRoutes(app);
  registerActiveContentGuard(app);
  registerCors(app, services);
  app.addHook("onRequest", options.faults.hook);
  app.addHook("onSend", options.faults.sendHook);
  app.addHook("preHandler", async (request, reply) => {
    const params = collectParams(request.query, request.body);
    if (params.values.f?.toLowerCase() === "pjson") {
      reply.serializer((payload) => JSON.stringify(payload, null, 2));
    }
    const skipTokenCheck = request.routeOptions.config?.skipTokenCheck === true;
    const user = skipTokenCheck ? null : authenticate(services, request, params);
    request.portalState = { params, user };
    const access = request.routeOptions.config?.access;
    // A route that declares no policy is closed: forgetting one must not open it to everyone.
    if (!access) {
      if (request.is404) return;
      throw permissionDenied();
    }
    access.admit(user);
  });

  app.setErrorHandler((error, request, reply) => {
    const arcgisError = toArcGISError(error);
    if (arcgisError.code >= 500) request.log.error(error);
    void reply.code(200).type("application/json; charset=utf-8").send(arcgisError.toJSON());
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0];
    if (path.startsWith("/sharing/rest/") || path === "/sharing/rest") {
      void reply.code(200).send(invalidUrl().toJSON());
    } else {
      void reply.code(404).send({ error: { code: 404, message: "Not Found", details: [] } });
    }
  });

  registerLogHook(app, services.logs);
  for (const register of routeRegistrarsFor(services.deployment)) register(app, services);
  return app;
}

/** Every area's routes, in registration order. */
const ROUTE_REGISTRARS: readonly RouteRegistrar[] = [
  registerInfoRoutes,
  registerGenerateTokenRoute,
  registerOAuthRoutes,
  registerPortalRoutes,
  registerPortalResourceRoutes,
  registerSecurityPolicyRoutes,
  registerCommunityRoutes,
  registerGeocodeServerRoutes,
  registerFeatureServerRoutes,
  registerCreateServiceRoutes,
  registerPublishingRoutes,
  registerMapServerRoutes,
  registerVectorTileServerRoutes,
  registerPrintingRoutes,
  registerContentRoutes,
  registerCommunityGroupRoutes,
  registerGroupMembershipRoutes,
  registerCommunityUserRoutes,
  registerPortalUserRoutes,
  registerPortalRoleRoutes,
  registerCertificateRoutes,
  registerHostingDatastoreRoutes,
  registerWebhookRoutes,
  registerLicenseRoutes,
];

/** ArcGIS Online has no /portaladmin; it has credits and usage reports instead. */
function routeRegistrarsFor(deployment: PortalServices["deployment"]): readonly RouteRegistrar[] {
  return deployment === "online"
    ? [...ROUTE_REGISTRARS, registerCreditRoutes]
    : [...ROUTE_REGISTRARS, registerPortalAdminLogRoutes, registerPortalAdminSystemRoutes];
}

/** Any failure becomes an ArcGIS error body; malformed requests are reported, never thrown. */
function toArcGISError(error: unknown): ArcGISRequestError {
  if (error instanceof ArcGISRequestError) return error;
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  const message = error instanceof Error ? error.message : String(error);
  if (isBadInput(error)) {
    return new ArcGISRequestError(400, "Unable to process request.", [
      "The request holds a value the portal cannot read.",
    ]);
  }
  if (typeof statusCode === "number" && statusCode >= 400 && statusCode < 500) {
    return new ArcGISRequestError(statusCode === 413 ? 413 : 400, "Unable to process request.", [
      message,
    ]);
  }
  return new ArcGISRequestError(500, "Unable to complete operation.", []);
}

/**
 * Failures that only input causes: a bad percent escape (URIError), unparsable or too deeply
 * nested JSON (SyntaxError, RangeError), a NUL byte or over-long name given to the file system,
 * a statement too large for SQLite. They are the caller's mistake (400), not the portal's.
 */
function isBadInput(error: unknown): boolean {
  if (error instanceof URIError || error instanceof SyntaxError || error instanceof RangeError)
    return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ERR_INVALID_ARG_VALUE" || code === "ENAMETOOLONG" || code === "SQLITE_TOOBIG")
    return true;
  const message = error instanceof Error ? error.message : "";
  return /too many SQL variables|Expression tree is too large|string or blob too big/i.test(
    message,
  );
}
