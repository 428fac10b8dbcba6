import formbody from "@fastify/formbody";
import multipart from "@fastify/multipart";
import Fastify, {
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
import { ArcGISRequestError, invalidUrl } from "./arcgis-error";
import { authenticate } from "./authenticate";
import { registerCors } from "./cors";
import type { FaultInjector } from "./fault-injector";
import type { PortalContext } from "./portal-context";
import { redactUrl } from "./redact-url";
import { collectParams } from "./request-params";
import "./request-state";

export interface AppOptions {
  readonly context: PortalContext;
  readonly faults: FaultInjector;
  readonly https?: https.ServerOptions;
  readonly log: boolean;
}

const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { context } = options;
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

  registerCors(app, context);
  app.addHook("onRequest", options.faults.hook);
  app.addHook("preHandler", async (request, reply) => {
    const params = collectParams(request.query, request.body);
    if (params.values.f?.toLowerCase() === "pjson") {
      reply.serializer((payload) => JSON.stringify(payload, null, 2));
    }
    const skipTokenCheck = request.routeOptions.config?.skipTokenCheck === true;
    request.portalState = {
      params,
      user: skipTokenCheck ? null : authenticate(context, request, params),
    };
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

  registerInfoRoutes(app, context);
  registerGenerateTokenRoute(app, context);
  registerOAuthRoutes(app, context);
  registerPortalRoutes(app, context);
  registerCommunityRoutes(app, context);
  registerGeocodeServerRoutes(app, context);
  registerFeatureServerRoutes(app, context);
  registerCreateServiceRoutes(app, context);
  registerPublishingRoutes(app, context);
  registerMapServerRoutes(app, context);
  registerVectorTileServerRoutes(app, context);
  registerPrintingRoutes(app, context);
  registerContentRoutes(app, context);
  registerCommunityGroupRoutes(app, context);
  registerGroupMembershipRoutes(app, context);
  registerCommunityUserRoutes(app, context);
  registerPortalUserRoutes(app, context);
  registerPortalRoleRoutes(app, context);
  registerCertificateRoutes(app, context);
  registerHostingDatastoreRoutes(app, context);
  return app;
}

/** Any failure becomes an ArcGIS error body; malformed requests are reported, never thrown. */
function toArcGISError(error: unknown): ArcGISRequestError {
  if (error instanceof ArcGISRequestError) return error;
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof statusCode === "number" && statusCode >= 400 && statusCode < 500) {
    return new ArcGISRequestError(statusCode === 413 ? 413 : 400, "Unable to process request.", [
      message,
    ]);
  }
  return new ArcGISRequestError(500, "Unable to complete operation.", []);
}
