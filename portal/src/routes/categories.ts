import { canViewGroup } from "../model/group-access";
import { Access, administersWith, signedInUser } from "../security/access";
import { hasPrivilege } from "../model/role-catalogue";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { canEditItem } from "../model/item-access";
import { ArcGISRequestError, invalidParameter, permissionDenied } from "../server/arcgis-error";
import { optionalJsonValue } from "../server/param-readers";
import { stateOf } from "../server/request-state";
import type { PortalServices } from "../server/portal-services";
import { paramsOf, pathParam } from "./content-support";

interface CategoryNode {
  title: string;
  description?: string;
  categories?: CategoryNode[];
}

const MAX_CATEGORIES_PER_ITEM = 20;

/** Content category schemas of the organisation and of groups, and assigning items to them. */
export function registerCategoryRoutes(app: FastifyInstance, services: PortalServices): void {
  const db = services.db;
  const schemaOf = (scope: string): CategoryNode[] | null => {
    const row = db
      .prepare("SELECT schema_json FROM category_schemas WHERE scope = ?")
      .get(scope) as { schema_json: string } | undefined;
    return row ? (JSON.parse(row.schema_json) as CategoryNode[]) : null;
  };

  const orgScope = (request: FastifyRequest, change: boolean): string => {
    const portalId = pathParam(request, "portalId");
    const org = services.organisations.get();
    if (portalId !== "self" && portalId !== org.id)
      throw new ArcGISRequestError(400, "Portal not found.", [], "ORG_1000");
    if (change && !hasPrivilege(signedInUser(request), "portal:admin:updateItemCategorySchema"))
      throw permissionDenied();
    return "org";
  };
  const groupScope = (request: FastifyRequest, change: boolean): string => {
    const groupId = pathParam(request, "groupId");
    const group = services.sharingGroups.get(groupId);
    const viewer = stateOf(request).user;
    const memberType =
      group && viewer ? services.sharingGroups.memberType(groupId, viewer.username) : null;
    // A private group's schema is as hidden as the group itself.
    if (!group || !canViewGroup(group, viewer, memberType))
      throw new ArcGISRequestError(400, "Group does not exist or is inaccessible.", [], "COM_0019");
    if (change) {
      const caller = signedInUser(request);
      const membership = services.sharingGroups.memberType(groupId, caller.username);
      const manages = membership === "owner" || membership === "admin";
      if (!manages && !administersWith(caller, group.orgId, "portal:admin:updateGroups"))
        throw permissionDenied();
    }
    return `group:${groupId}`;
  };

  for (const [prefix, scopeOf] of [
    ["/sharing/rest/portals/:portalId", orgScope],
    ["/sharing/rest/community/groups/:groupId", groupScope],
  ] as const) {
    app.route({
      method: ["GET", "POST"],
      url: `${prefix}/categorySchema`,
      config: {
        access: prefix.includes("groups")
          ? Access.mayView("group")
          : Access.mayView("organisation"),
      },
      handler: async (request) => ({ categorySchema: schemaOf(scopeOf(request, false)) ?? [] }),
    });
    app.route({
      method: ["POST"],
      url: `${prefix}/assignCategorySchema`,
      config: {
        access: prefix.includes("groups")
          ? Access.ownerOrPrivilege("portal:admin:updateGroups")
          : Access.privilege("portal:admin:updateItemCategorySchema"),
      },
      handler: async (request) => {
        const scope = scopeOf(request, true);
        const schema = readSchema(optionalJsonValue(paramsOf(request), "categorySchema"));
        db.prepare(
          `INSERT INTO category_schemas (scope, schema_json, modified) VALUES (?, ?, ?)
           ON CONFLICT (scope) DO UPDATE SET schema_json = excluded.schema_json, modified = excluded.modified`,
        ).run(scope, JSON.stringify(schema), Date.now());
        return { success: true };
      },
    });
    app.route({
      method: ["POST"],
      url: `${prefix}/deleteCategorySchema`,
      config: {
        access: prefix.includes("groups")
          ? Access.ownerOrPrivilege("portal:admin:updateGroups")
          : Access.privilege("portal:admin:updateItemCategorySchema"),
      },
      handler: async (request) => {
        db.prepare("DELETE FROM category_schemas WHERE scope = ?").run(scopeOf(request, true));
        return { success: true };
      },
    });
  }

  app.route({
    method: ["POST"],
    url: "/sharing/rest/content/updateItems",
    config: { access: Access.ownerOrPrivilege("portal:admin:updateItems") },
    handler: async (request) => {
      const viewer = stateOf(request).user;
      signedInUser(request);
      const entries = readAssignments(optionalJsonValue(paramsOf(request), "items"));
      const known = categoryPaths(schemaOf("org") ?? []);
      const results = entries.map(({ itemId, categories }) => {
        const item = services.items.get(itemId);
        if (!item || !canEditItem(item, viewer)) return { itemId, success: false };
        const unknown = categories.find((category) => !known.has(category.toLowerCase()));
        if (unknown !== undefined || categories.length > MAX_CATEGORIES_PER_ITEM)
          return { itemId, success: false };
        services.items.setCategories(itemId, categories);
        return { itemId, success: true };
      });
      return { results };
    },
  });

  app.route({
    method: ["POST"],
    url: "/sharing/rest/community/groups/:groupId/updateCategories",
    config: { access: Access.ownerOrPrivilege("portal:admin:updateGroups") },
    handler: async (request) => {
      const scope = groupScope(request, true);
      const groupId = scope.slice("group:".length);
      const known = categoryPaths(schemaOf(scope) ?? []);
      const entries = readAssignments(optionalJsonValue(paramsOf(request), "items"));
      const results = entries.map(({ itemId, categories }) => {
        const item = services.items.get(itemId);
        const inGroup = item !== null && services.items.groupIdsOf(itemId).includes(groupId);
        if (!inGroup || categories.some((category) => !known.has(category.toLowerCase()))) {
          return { itemId, success: false };
        }
        const groupCategories = {
          ...((item.extra.groupCategories as Record<string, string[]>) ?? {}),
        };
        groupCategories[groupId] = categories;
        services.items.update(itemId, { extra: { ...item.extra, groupCategories } }, false);
        return { itemId, success: true };
      });
      return { results };
    },
  });
}

function readSchema(value: unknown): CategoryNode[] {
  const trees = Array.isArray(value)
    ? value
    : (value as { categorySchema?: unknown } | undefined)?.categorySchema;
  if (!Array.isArray(trees))
    throw invalidParameter("categorySchema", "must hold a list of categories.");
  const check = (nodes: unknown[], depth: number): void => {
    if (depth > 4) throw invalidParameter("categorySchema", "allows at most 4 levels.");
    for (const node of nodes) {
      const title = (node as CategoryNode | null)?.title;
      if (typeof title !== "string" || title.trim() === "" || title.includes("/")) {
        throw invalidParameter("categorySchema", "needs a title (without '/') on every category.");
      }
      const children = (node as CategoryNode).categories;
      if (children !== undefined) {
        if (!Array.isArray(children))
          throw invalidParameter("categorySchema", "'categories' must be lists.");
        check(children, depth + 1);
      }
    }
  };
  check(trees, 1);
  return trees as CategoryNode[];
}

function readAssignments(value: unknown): { itemId: string; categories: string[] }[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 100) {
    throw invalidParameter(
      "items",
      "must be a list of 1 to 100 { itemId: { categories } } objects.",
    );
  }
  return value.flatMap((entry) => {
    if (!entry || typeof entry !== "object") throw invalidParameter("items", "must hold objects.");
    return Object.entries(entry as Record<string, { categories?: unknown }>).map(
      ([itemId, body]) => {
        const categories = body?.categories;
        if (!Array.isArray(categories) || categories.some((c) => typeof c !== "string")) {
          throw invalidParameter("items", `needs a list of category paths for ${itemId}.`);
        }
        return { itemId, categories: categories as string[] };
      },
    );
  });
}

/** Every path of a schema ("/Categories/Water/Rivers"), lower-cased. */
function categoryPaths(trees: CategoryNode[]): Set<string> {
  const paths = new Set<string>();
  const walk = (nodes: CategoryNode[], parent: string): void => {
    for (const node of nodes) {
      const path = `${parent}/${node.title}`;
      paths.add(path.toLowerCase());
      walk(node.categories ?? [], path);
    }
  };
  walk(trees, "");
  return paths;
}
