import type { FastifyInstance } from "fastify";
import { missingParameter } from "../server/community-errors";
import { splitTags } from "../params/group-fields";
import { memberOfOrg } from "../security/member-access";
import { Access, signedInUser } from "../security/access";
import { invalidParameter } from "../server/arcgis-error";
import { optionalJsonValue } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { requireOwnPortal } from "../server/own-portal";
import { stateOf } from "../server/request-state";

/**
 * ArcGIS Online's credit budgeting (`portals/self/assignUserCredits`, `unassignUserCredits`),
 * served when the portal answers as ArcGIS Online.
 */
export function registerCreditRoutes(app: FastifyInstance, context: PortalServices): void {
  const admin = { access: Access.fullAdministrator };

  app.route({
    method: "POST",
    url: "/sharing/rest/portals/:portalId/assignUserCredits",
    config: admin,
    handler: async (request) => {
      requireOwnPortal(context, request);
      const actor = signedInUser(request);
      const assignments = optionalJsonValue(stateOf(request).params.values, "userAssignments");
      if (assignments === undefined) throw missingParameter("userAssignments");
      if (!Array.isArray(assignments) || assignments.length === 0) {
        throw invalidParameter("userAssignments", "must be a list of { username, credits }.");
      }
      const checked = assignments.map((entry: unknown) => {
        const { username, credits } = (entry ?? {}) as { username?: unknown; credits?: unknown };
        if (typeof username !== "string" || typeof credits !== "number" || credits < 0) {
          throw invalidParameter(
            "userAssignments",
            "each entry needs a username and credits of 0 or more.",
          );
        }
        return { username: memberOfOrg(context, actor, username).username, credits };
      });
      checked.forEach(({ username, credits }) => context.members.setCredits(username, credits));
      return { success: true };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/portals/:portalId/unassignUserCredits",
    config: admin,
    handler: async (request) => {
      requireOwnPortal(context, request);
      const actor = signedInUser(request);
      const values = stateOf(request).params.values;
      const text = values.usernames ?? "";
      let names = splitTags(text);
      if (text.trim().startsWith("[")) {
        const list = optionalJsonValue(values, "usernames");
        if (!Array.isArray(list) || !list.every((name) => typeof name === "string")) {
          throw invalidParameter("usernames", "must be a list of usernames.");
        }
        names = list as string[];
      }
      if (names.length === 0) throw missingParameter("usernames");
      const targets = names.map((name) => memberOfOrg(context, actor, name).username);
      // -1: the member may use credits without a limit of their own.
      targets.forEach((username) => context.members.setCredits(username, -1));
      return { success: true };
    },
  });
}
