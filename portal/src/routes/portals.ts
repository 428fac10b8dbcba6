import { Access, requireFullAdministrator } from "../security/access";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { organisationSettingsJson, portalSelfJson } from "../answers/portal-json";
import { defaultOrganisationSettings } from "../model/portal-defaults";
import { ArcGISRequestError } from "../server/arcgis-error";
import { applyFieldUpdates, type FieldSchema } from "../server/field-updates";
import type { PortalServices } from "../server/portal-services";
import { stateOf } from "../server/request-state";
import type { OrganisationRecord } from "../store/organisation-store";
import { securityUpdate } from "../security/org-security-settings";

const PORTAL_FIELDS: FieldSchema = {
  name: { kind: "string" },
  description: { kind: "string" },
  access: { kind: "choice", choices: ["public", "private"] },
  culture: { kind: "string" },
  region: { kind: "string" },
  units: { kind: "choice", choices: ["english", "metric"] },
  thumbnail: { kind: "string" },
  basemapGalleryGroupQuery: { kind: "string" },
  homePageFeaturedContent: { kind: "string" },
  homePageFeaturedContentCount: { kind: "integer", min: 0, max: 100 },
  showHomePageDescription: { kind: "boolean" },
  featuredItemsGroupQuery: { kind: "string" },
  featuredGroupsId: { kind: "string" },
  backgroundImage: { kind: "string" },
  canSharePublic: { kind: "boolean" },
  canSearchPublic: { kind: "boolean" },
  commentsEnabled: { kind: "boolean" },
  defaultBasemap: { kind: "object" },
  defaultVectorBasemap: { kind: "object" },
  defaultExtent: { kind: "object" },
  helperServices: { kind: "object" },
  portalProperties: { kind: "object" },
  featuredGroups: { kind: "array" },
  allowedRedirectUris: { kind: "array" },
  rotatorPanels: { kind: "array" },
  // Credit budgeting (ArcGIS Online); -1 is no limit.
  creditAssignments: { kind: "choice", choices: ["enabled", "disabled"] },
  defaultUserCreditAssignment: { kind: "number", min: -1 },
};

const SETTINGS_FIELDS: FieldSchema = {
  anonymousAccessNotice: { kind: "object" },
  authenticatedAccessNotice: { kind: "object" },
  informationalBanner: { kind: "object" },
  blockedApps: { kind: "array" },
  allowedOrigins: { kind: "array" },
};

/** `self` or the organisation's own id; any other id names an organisation this portal lacks. */
function organisationFor(context: PortalServices, request: FastifyRequest): OrganisationRecord {
  const { portalId } = request.params as { portalId: string };
  const organisation = context.organisations.get();
  if (portalId !== "self" && portalId !== organisation.id) {
    throw new ArcGISRequestError(400, "Portal not found.", [], "ORG_1000");
  }
  return organisation;
}

export function registerPortalRoutes(app: FastifyInstance, context: PortalServices): void {
  const methods: ("GET" | "POST")[] = ["GET", "POST"];

  app.route({
    method: methods,
    url: "/sharing/rest/portals/:portalId",
    config: { access: Access.mayView("organisation") },
    handler: async (request) => {
      const organisation = organisationFor(context, request);
      return portalSelfJson(
        context,
        organisation,
        stateOf(request).user,
        `${request.protocol}://${request.host}`,
      );
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/portals/:portalId/update",
    config: { access: Access.fullAdministrator },
    handler: async (request) => {
      const organisation = organisationFor(context, request);
      requireFullAdministrator(request);
      const params = stateOf(request).params.values;
      // Checked first: a refused security setting leaves every other property as it was.
      const security = securityUpdate(context, organisation.settings, params);
      const current = { ...organisation.properties, name: organisation.name };
      const { name, ...properties } = applyFieldUpdates(current, params, PORTAL_FIELDS);
      // The organisation's name cannot be cleared, only replaced.
      if (typeof name === "string" && name !== organisation.name)
        context.organisations.rename(name);
      context.organisations.saveProperties(properties);
      if (security) context.organisations.saveSettings(security);
      return { success: true, id: organisation.id };
    },
  });

  app.route({
    method: methods,
    url: "/sharing/rest/portals/:portalId/settings",
    config: { access: Access.signedIn },
    handler: async (request) => {
      const organisation = organisationFor(context, request);
      return organisationSettingsJson(
        context,
        organisation,
        `${request.protocol}://${request.host}`,
      );
    },
  });

  app.route({
    method: "POST",
    url: "/sharing/rest/portals/:portalId/settings/update",
    config: { access: Access.fullAdministrator },
    handler: async (request) => {
      const organisation = organisationFor(context, request);
      requireFullAdministrator(request);
      const params = stateOf(request).params.values;
      const current = { ...defaultOrganisationSettings(), ...organisation.settings };
      const updated = applyFieldUpdates(current, params, SETTINGS_FIELDS);
      context.organisations.saveSettings({ ...defaultOrganisationSettings(), ...updated });
      return { success: true };
    },
  });
}
