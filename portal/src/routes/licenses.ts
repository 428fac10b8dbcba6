import type { FastifyInstance, FastifyRequest } from "fastify";
import { missingParameter, operationFailed } from "../server/community-errors";
import { appLicense, appLicenses, purchaseJson, type AppLicense } from "../model/app-licenses";
import { licenseTypes } from "../model/license-types";
import { memberOfOrg } from "../security/member-access";
import type { UserRecord } from "../model/user-record";
import { Access, signedInUser } from "../security/access";
import { ArcGISRequestError, invalidParameter } from "../server/arcgis-error";
import { optionalInteger, optionalJsonObject } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { requireOwnPortal } from "../server/own-portal";
import { stateOf } from "../server/request-state";

const METHODS: ("GET" | "POST")[] = ["GET", "POST"];
const MANAGE_LICENSES = "portal:admin:manageLicenses";
/** The real API provisions at most 25 members per request. */
const MAX_USERS_PER_REQUEST = 25;

interface UserEntitlements {
  username: string;
  lastLogin: number;
  disconnected: boolean;
  entitlements: string[];
}

const listingNotFound = (): ArcGISRequestError =>
  new ArcGISRequestError(400, "Item does not exist or is inaccessible.", [], "CONT_0001");

/**
 * App licences (`portals/self/purchases`, `content/listings/{id}/userEntitlements`,
 * `provisionUserEntitlements`) and Enterprise's licence summary (`/portaladmin/license`).
 * Counts are always computed from the members who exist now.
 */
export function registerLicenseRoutes(app: FastifyInstance, context: PortalServices): void {
  const entitlements = context.entitlements;
  const manage = { access: Access.privilege(MANAGE_LICENSES) };
  const members = (): UserRecord[] => {
    const orgId = context.organisations.get().id;
    return context.members
      .listInOrg(orgId)
      .map((name) => context.users.find(name))
      .filter((user): user is UserRecord => user !== null);
  };
  const holders = (license: AppLicense): UserEntitlements[] => {
    const byName = new Map(members().map((user) => [user.username.toLowerCase(), user]));
    return entitlements.list(license.itemId).flatMap((assigned) => {
      const user = byName.get(assigned.username.toLowerCase());
      if (!user || user.created > assigned.assigned) return [];
      return [
        {
          username: user.username,
          lastLogin: user.lastLogin > 0 ? user.lastLogin : -1,
          disconnected: false,
          entitlements: assigned.entitlements,
        },
      ];
    });
  };
  const listing = (request: FastifyRequest): AppLicense => {
    const { itemId } = request.params as { itemId: string };
    const license = appLicense(itemId);
    if (!license) throw listingNotFound();
    return license;
  };

  app.route({
    method: METHODS,
    url: "/sharing/rest/portals/:portalId/purchases",
    config: manage,
    handler: async (request) => {
      requireOwnPortal(context, request);
      const org = context.organisations.get();
      return {
        purchases: appLicenses().map((license) => purchaseJson(license, org.id, org.created)),
        trials: [],
      };
    },
  });

  app.route({
    method: METHODS,
    url: "/sharing/rest/content/listings/:itemId/userEntitlements",
    config: manage,
    handler: async (request) => {
      const all = holders(listing(request)).sort((a, b) => a.username.localeCompare(b.username));
      const values = stateOf(request).params.values;
      const start = optionalInteger(values, "start", { min: 1 }) ?? 1;
      const num = optionalInteger(values, "num", { min: 0, max: 100 }) ?? 100;
      const page = all.slice(start - 1, start - 1 + num);
      const next = start - 1 + page.length;
      return {
        userEntitlements: page,
        total: all.length,
        start,
        num: page.length,
        nextStart: next < all.length ? next + 1 : -1,
      };
    },
  });

  app.route({
    method: METHODS,
    url: "/sharing/rest/content/listings/:itemId/userEntitlements/:username",
    config: manage,
    handler: async (request) => {
      const license = listing(request);
      const { username } = request.params as { username: string };
      const target = memberOfOrg(context, signedInUser(request), username);
      const held = holders(license).find((h) => h.username === target.username);
      return { userEntitlements: held ?? null };
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/content/listings/:itemId/provisionUserEntitlements",
    config: manage,
    handler: async (request) => {
      const license = listing(request);
      const actor = signedInUser(request);
      const body = optionalJsonObject(stateOf(request).params.values, "userEntitlements");
      if (!body) throw missingParameter("userEntitlements");
      const users = stringList(body.users, "userEntitlements.users");
      const wanted = stringList(body.entitlements, "userEntitlements.entitlements");
      if (users.length === 0) throw invalidParameter("userEntitlements", "must name users.");
      if (users.length > MAX_USERS_PER_REQUEST) {
        throw invalidParameter(
          "userEntitlements",
          `may name at most ${MAX_USERS_PER_REQUEST} users per request.`,
        );
      }
      const unknown = wanted.find((name) => !(name in license.entitlements));
      if (unknown !== undefined) {
        throw invalidParameter(
          "userEntitlements",
          `'${unknown}' is not an entitlement of ${license.title}.`,
        );
      }
      const targets = users.map((name) => memberOfOrg(context, actor, name).username);
      const others = holders(license).filter((h) => !targets.includes(h.username));
      for (const name of wanted) {
        const taken = others.filter((h) => h.entitlements.includes(name)).length;
        if (taken + targets.length > license.entitlements[name]) {
          throw operationFailed(
            `Not enough '${name}' licenses: ${license.entitlements[name] - taken} left, ${targets.length} requested.`,
          );
        }
      }
      entitlements.set(license.itemId, targets, [...new Set(wanted)]);
      return { success: true };
    },
  });

  const portalLicense = {
    method: METHODS,
    config: { access: Access.fullAdministrator },
    handler: async () => {
      const everyone = members();
      const features = licenseTypes().map((type) => ({
        id: type.id,
        name: type.name,
        level: type.level,
        maximumRegisteredMembers: 10000,
        currentRegisteredMembers: everyone.filter((u) => u.userLicenseTypeId === type.id).length,
        expiration: 4102444800000,
      }));
      return {
        isValid: true,
        currentRegisteredMembers: everyone.length,
        maximumRegisteredMembers: 10000,
        expiration: 4102444800000,
        features,
      };
    },
  };
  // Enterprise 10.7 and later answer at /license; earlier releases at /system/licenses.
  if (context.deployment === "online") return;
  for (const url of ["/portaladmin/license", "/portaladmin/system/licenses"]) {
    app.route({ ...portalLicense, url });
  }
}

function stringList(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
    throw invalidParameter(name.split(".")[0], `${name} must be a list of strings.`);
  }
  return value.map((v: string) => v.trim()).filter((v) => v !== "");
}
