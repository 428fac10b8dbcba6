// The administrative twin of a hosted feature service (`.../rest/admin/services/...`), where
// its owner or an administrator changes its definition; FeatureLayerCollectionManager calls these.
import type { Session } from "../session/session";

/** `.../rest/admin/services/.../FeatureServer`: the admin URL of a hosted feature service. */
export function featureServiceAdminUrl(serviceUrl: string): string {
  return serviceUrl.replace("/rest/services/", "/rest/admin/services/");
}

/** REST: `{adminServiceUrl}/addToDefinition` (Add to Definition (Feature Service)). */
export async function addToDefinition(
  session: Session,
  serviceUrl: string,
  definition: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  return session.post(`${featureServiceAdminUrl(serviceUrl)}/addToDefinition`, {
    addToDefinition: definition,
  });
}

/** REST: `{adminServiceUrl}/updateDefinition` (Update Definition (Feature Service)). */
export async function updateDefinition(
  session: Session,
  serviceUrl: string,
  definition: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  return session.post(`${featureServiceAdminUrl(serviceUrl)}/updateDefinition`, {
    updateDefinition: definition,
  });
}
