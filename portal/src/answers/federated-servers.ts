import type { PortalServices } from "../server/portal-services";

/**
 * The servers federated with the portal: the portal hosts its own services, so its one server
 * is itself, the hosting server (`portals/self/servers`, `/portaladmin/federation/servers`).
 */
export function federatedServers(context: PortalServices): Record<string, unknown>[] {
  const root = context.rootUrl;
  return [
    {
      id: "hosting",
      name: new URL(root).host,
      url: root,
      adminUrl: root,
      isHosted: true,
      serverType: "ArcGIS",
      serverRole: "HOSTING_SERVER",
      serverFunction: "",
    },
  ];
}
