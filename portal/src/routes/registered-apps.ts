import { Access, signedInUser } from "../security/access";
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { canEditItem } from "../model/item-access";
import { readList } from "../params/item-params";
import { ArcGISRequestError, invalidParameter, permissionDenied } from "../server/arcgis-error";
import { optionalChoice, optionalString } from "../server/param-readers";
import { stateOf } from "../server/request-state";
import type { PortalServices } from "../server/portal-services";
import { registerOwnerItemRoute } from "./owner-item-route";
import { editableItem, paramsOf, pathParam } from "./content-support";

interface AppRow {
  item_id: string;
  owner: string;
  client_id: string;
  client_secret: string;
  app_type: string;
  redirect_uris_json: string;
  registered: number;
  modified: number;
}

const REGISTERED_APP = "Registered App";
const notRegistered = (): ArcGISRequestError =>
  new ArcGISRequestError(400, "Item is not a registered app.", [], "OAUTH_0012");

/**
 * App registration (client id and secret for an item), as `oauth2/registerApp` does it. The apps
 * live in `oauth_apps`, where the OAuth sign-in routes find them.
 */
export function registerRegisteredAppRoutes(app: FastifyInstance, services: PortalServices): void {
  const db = services.db;
  const appOfItem = (itemId: string): AppRow | undefined =>
    db.prepare("SELECT * FROM oauth_apps WHERE item_id = ?").get(itemId) as AppRow | undefined;

  app.route({
    method: ["POST"],
    url: "/sharing/rest/oauth2/registerApp",
    config: { access: Access.ownerOrPrivilege("portal:admin:updateItems") },
    handler: async (request) => {
      const params = paramsOf(request);
      const itemId = optionalString(params, "itemId");
      if (!itemId) throw invalidParameter("itemId", "must be specified.");
      const item = editableItem(services, request, itemId);
      const appType = optionalChoice(params, "appType", [
        "browser",
        "native",
        "server",
        "multiple",
      ]);
      if (!appType) throw invalidParameter("appType", "must be specified.");
      const redirectUris = readList(params.redirect_uris);
      const existing = appOfItem(item.id);
      const now = Date.now();
      const row: AppRow = {
        item_id: item.id,
        owner: item.owner,
        client_id: existing?.client_id ?? randomBytes(8).toString("hex"),
        client_secret: existing?.client_secret ?? randomBytes(16).toString("hex"),
        app_type: appType,
        redirect_uris_json: JSON.stringify(redirectUris),
        registered: existing?.registered ?? now,
        modified: now,
      };
      db.prepare(
        `INSERT INTO oauth_apps (item_id, owner, client_id, client_secret, app_type, redirect_uris_json, registered, modified)
         VALUES (@item_id, @owner, @client_id, @client_secret, @app_type, @redirect_uris_json, @registered, @modified)
         ON CONFLICT (client_id) DO UPDATE SET app_type = excluded.app_type,
           redirect_uris_json = excluded.redirect_uris_json, modified = excluded.modified`,
      ).run(row);
      if (!item.typeKeywords.includes(REGISTERED_APP)) {
        services.items.update(item.id, { typeKeywords: [...item.typeKeywords, REGISTERED_APP] });
      }
      return appJson(row);
    },
  });

  app.route({
    method: ["POST"],
    url: "/sharing/rest/oauth2/apps/:clientId/unregister",
    config: { access: Access.ownerOrPrivilege("portal:admin:updateItems") },
    handler: async (request) => {
      signedInUser(request);
      const row = db
        .prepare("SELECT * FROM oauth_apps WHERE client_id = ?")
        .get(pathParam(request, "clientId")) as AppRow | undefined;
      if (!row) throw notRegistered();
      const item = services.items.get(row.item_id);
      if (!item || !canEditItem(item, stateOf(request).user)) throw permissionDenied();
      db.prepare("DELETE FROM oauth_apps WHERE item_id = ?").run(item.id);
      services.items.update(item.id, {
        typeKeywords: item.typeKeywords.filter((k) => k !== REGISTERED_APP),
      });
      return { success: true };
    },
  });

  registerOwnerItemRoute(
    app,
    services,
    [
      "/sharing/rest/content/users/:username/items/:itemId/registeredAppInfo",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/registeredAppInfo",
    ],
    async (_request, _owner, item) => {
      const row = appOfItem(item.id);
      if (!row) throw notRegistered();
      return appJson(row);
    },
  );

  registerOwnerItemRoute(
    app,
    services,
    [
      "/sharing/rest/content/users/:username/items/:itemId/proxies",
      "/sharing/rest/content/users/:username/:folderId/items/:itemId/proxies",
    ],
    async () => ({ appProxies: [] }),
  );
}

function appJson(row: AppRow): Record<string, unknown> {
  return {
    itemId: row.item_id,
    client_id: row.client_id,
    client_secret: row.client_secret,
    appType: row.app_type,
    redirect_uris: JSON.parse(row.redirect_uris_json) as string[],
    registered: row.registered,
    modified: row.modified,
    apnsProdCert: null,
    apnsSandboxCert: null,
    gcmApiKey: null,
    httpReferrers: [],
    privileges: [],
  };
}
