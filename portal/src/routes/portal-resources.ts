import fs from "node:fs";
import type { FastifyInstance } from "fastify";
import { missingParameter } from "../server/community-errors";
import { Access, isFullAdministrator } from "../security/access";
import { ArcGISRequestError, invalidParameter, tokenRequired } from "../server/arcgis-error";
import { optionalChoice, optionalInteger, optionalString } from "../server/param-readers";
import { requireOwnPortal } from "../server/own-portal";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";
import { contentTypeOf } from "./content-types";
import { pathParam } from "./content-support";

const BASE = "/sharing/rest/portals/:portalId";
const DOCUMENT = "portalResources";
const ACCESS = ["public", "org", "private"] as const;
type ResourceAccess = (typeof ACCESS)[number];
/** Logos, banners and backgrounds are small; the cap keeps a mistaken upload out. */
const MAX_RESOURCE_BYTES = 10 * 1024 * 1024;
/** A key is a relative path of plain names, as ArcGIS's own keys (`thumbnail.png`, `home.page.json`). */
const KEY_PATTERN = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

const resourceMissing = (): ArcGISRequestError =>
  new ArcGISRequestError(400, "Resource does not exist or is inaccessible.", []);

interface ResourceFacts {
  access: ResourceAccess;
  created: number;
}

/**
 * The organisation's resources (`portals/{id}/resources`, `addResource`, `removeResource`):
 * the logo, banner, background and JSON settings files of the home page. Bytes live beside the
 * items' files (`<data>/portal/<orgId>/resources`); who may read each one is an organisation
 * document.
 */
export function registerPortalResourceRoutes(app: FastifyInstance, context: PortalServices): void {
  const files = context.portalFiles;
  const documents = context.documents;
  const factsOf = (): Record<string, ResourceFacts> =>
    (documents.get(DOCUMENT) ?? {}) as unknown as Record<string, ResourceFacts>;
  const orgId = (): string => context.organisations.get().id;
  const fileOf = (key: string): string | null =>
    KEY_PATTERN.test(key) && !key.split("/").includes("..")
      ? files.resourceFile(orgId(), key)
      : null;

  /** Whether the caller may read a resource: public to all, org to members, private to admins. */
  const mayRead = (access: ResourceAccess, user: ReturnType<typeof stateOf>["user"]): boolean =>
    access === "public" ||
    (user !== null && user.orgId === orgId() && (access === "org" || isFullAdministrator(user)));

  app.route({
    method: ["GET", "POST"],
    url: `${BASE}/resources`,
    config: { access: Access.mayView("organisation") },
    handler: async (request) => {
      requireOwnPortal(context, request);
      const { user, params } = stateOf(request);
      const start = optionalInteger(params.values, "start", { min: 1 }) ?? 1;
      const num = optionalInteger(params.values, "num", { min: 0, max: 100 }) ?? 100;
      const facts = factsOf();
      const all = files
        .listResources(orgId())
        .map((entry) => ({
          key: entry.resource,
          created: facts[entry.resource]?.created ?? entry.created,
          size: entry.size,
          access: facts[entry.resource]?.access ?? "public",
        }))
        .filter((entry) => mayRead(entry.access, user));
      const page = all.slice(start - 1, start - 1 + num);
      const end = start - 1 + page.length;
      return {
        total: all.length,
        start,
        num: page.length,
        nextStart: end < all.length ? end + 1 : -1,
        resources: page,
      };
    },
  });

  app.route({
    method: "GET",
    url: `${BASE}/resources/*`,
    config: { access: Access.mayView("organisation") },
    handler: async (request, reply) => {
      requireOwnPortal(context, request);
      let key: string;
      try {
        key = decodeURIComponent(pathParam(request, "*"));
      } catch {
        throw resourceMissing();
      }
      const file = fileOf(key);
      if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) throw resourceMissing();
      const { user } = stateOf(request);
      const access = factsOf()[key]?.access ?? "public";
      if (!mayRead(access, user)) {
        if (!user) throw tokenRequired();
        throw resourceMissing();
      }
      return reply.type(contentTypeOf(file)).send(fs.createReadStream(file));
    },
  });

  app.route({
    method: "POST",
    url: `${BASE}/addResource`,
    config: { access: Access.fullAdministrator },
    handler: async (request) => {
      requireOwnPortal(context, request);
      const { values, files: uploads } = stateOf(request).params;
      const key = optionalString(values, "key");
      if (!key) throw missingParameter("key");
      const target = fileOf(key);
      if (!target) {
        throw invalidParameter("key", "must be a relative path of letters, digits, '.', '_', '-'.");
      }
      const upload = uploads.file;
      if (!upload && values.text === undefined) throw missingParameter("file");
      const bytes = upload ? upload.data : Buffer.from(values.text ?? "", "utf8");
      if (bytes.length > MAX_RESOURCE_BYTES)
        throw invalidParameter("file", "must be at most 10 MB.");
      const access = optionalChoice(values, "access", ACCESS) ?? "public";
      await files.write(target, { buffer: bytes });
      const facts = factsOf();
      facts[key] = { access, created: facts[key]?.created ?? Date.now() };
      documents.put(DOCUMENT, facts as unknown as Record<string, unknown>);
      return { success: true };
    },
  });

  app.route({
    method: "POST",
    url: `${BASE}/removeResource`,
    config: { access: Access.fullAdministrator },
    handler: async (request) => {
      requireOwnPortal(context, request);
      const key = optionalString(stateOf(request).params.values, "key");
      if (!key) throw missingParameter("key");
      const file = fileOf(key);
      if (!file || !fs.existsSync(file)) throw resourceMissing();
      fs.rmSync(file);
      const facts = factsOf();
      delete facts[key];
      documents.put(DOCUMENT, facts as unknown as Record<string, unknown>);
      return { success: true };
    },
  });
}
