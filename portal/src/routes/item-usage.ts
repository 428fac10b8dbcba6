import { organisationUsage } from "../answers/organisation-usage";
import { Access, requireFullAdministrator } from "../security/access";
import type { FastifyInstance } from "fastify";
import { ArcGISRequestError, invalidParameter } from "../server/arcgis-error";
import { optionalInteger, optionalString } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { editableItem, paramsOf, pathParam } from "./content-support";

const DAY_MS = 24 * 3600 * 1000;
const MAX_SPAN_MS = 366 * DAY_MS;

/**
 * Item usage (`portals/{id}/usage` with `name=<item id>`): views per day, counted when the item's
 * data is read. Only the item's owner and administrators see it. On an Online-flavoured portal,
 * without `name`: the organisation's usage, for full administrators.
 */
export function registerItemUsageRoutes(app: FastifyInstance, services: PortalServices): void {
  app.route({
    method: ["GET", "POST"],
    url: "/sharing/rest/portals/:portalId/usage",
    config: { access: Access.ownerOrPrivilege("portal:admin:viewItems") },
    handler: async (request) => {
      const portalId = pathParam(request, "portalId");
      const org = services.organisations.get();
      if (portalId !== "self" && portalId !== org.id) {
        throw new ArcGISRequestError(400, "Portal not found.", [], "ORG_1000");
      }
      const params = paramsOf(request);
      const name = optionalString(params, "name");
      // ArcGIS Online answers the whole organisation's usage without a name, to administrators.
      if (!name && services.deployment === "online") {
        requireFullAdministrator(request);
        return organisationUsage(services, params);
      }
      if (!name) throw invalidParameter("name", "must name the item.");
      const item = editableItem(services, request, name);
      const endTime = optionalInteger(params, "endTime", { min: 0 }) ?? Date.now();
      const startTime = optionalInteger(params, "startTime", { min: 0 }) ?? endTime - 7 * DAY_MS;
      if (startTime > endTime) throw invalidParameter("startTime", "must not be after endTime.");
      if (endTime - startTime > MAX_SPAN_MS)
        throw invalidParameter("startTime", "must be within a year of endTime.");
      const counts = new Map(
        services.items
          .usage(item.id, Math.floor(startTime / DAY_MS))
          .map((row) => [row.day, row.count]),
      );
      const num: [number, string][] = [];
      for (let day = Math.floor(startTime / DAY_MS); day <= Math.floor(endTime / DAY_MS); day++) {
        num.push([day * DAY_MS, String(counts.get(day) ?? 0)]);
      }
      return {
        startTime,
        endTime,
        period: optionalString(params, "period") ?? "1d",
        data: [{ etype: "svcusg", name: item.id, stype: "items", num }],
      };
    },
  });
}
