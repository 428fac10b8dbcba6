import type { FastifyInstance, RouteOptions } from "fastify";
import type { AccessPolicy } from "../security/access";

/** One registered route and the access policy it declared (none is a defect the tests catch). */
export interface RouteAccess {
  readonly method: string;
  readonly url: string;
  readonly access: AccessPolicy | null;
}

const tables = new WeakMap<FastifyInstance, RouteAccess[]>();

/** Records every route registered on `app` (and its child contexts) with its policy. */
export function recordRoutes(app: FastifyInstance): void {
  const table: RouteAccess[] = [];
  tables.set(app, table);
  app.addHook("onRoute", (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // Fastify adds HEAD beside every GET by itself; the GET entry already covers it.
      if (method === "HEAD") continue;
      table.push({ method, url: route.url, access: route.config?.access ?? null });
    }
  });
}

export function routeTableOf(app: FastifyInstance): readonly RouteAccess[] {
  return tables.get(app) ?? [];
}
