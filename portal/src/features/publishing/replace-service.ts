import { isFullAdministrator } from "../../security/access";
import type { UserRecord } from "../../model/user-record";
import { ArcGISRequestError, invalidParameter, permissionDenied } from "../../server/arcgis-error";
import type { PortalServices } from "../../server/portal-services";
import { kindOf, serviceUrl } from "../hosted-services";
import { checkServiceName } from "../service-definition";
import type { FeatureServiceStore } from "../service-store";

/**
 * replaceService: the production item keeps its id and URL but now serves the replacement's
 * service; the production service is archived under `replacedServiceName` (or
 * `<name>_archive_<time>`) behind the replacement item. Both must be hosted services of the
 * same kind owned by the caller (or an administrator calls).
 */
export function replaceService(
  rootUrl: string,
  content: PortalServices,
  store: FeatureServiceStore,
  user: UserRecord,
  options: {
    toReplaceItemId: string;
    replacementItemId: string;
    replacedServiceName?: string;
    replaceMetadata: boolean;
  },
): void {
  const production = store.byItem(options.toReplaceItemId);
  const replacement = store.byItem(options.replacementItemId);
  if (!production) throw invalidParameter("toReplaceItemId", "must name a hosted service item.");
  if (!replacement) throw invalidParameter("replacementItemId", "must name a hosted service item.");
  if (production.id === replacement.id)
    throw invalidParameter("replacementItemId", "is the item to replace.");
  const admin = isFullAdministrator(user);
  if (!admin && (production.owner !== user.username || replacement.owner !== user.username))
    throw permissionDenied();
  if (kindOf(production) !== kindOf(replacement)) {
    throw invalidParameter(
      "replacementItemId",
      "must be a service of the same kind as the one it replaces.",
    );
  }
  const archiveName = checkServiceName(
    options.replacedServiceName ??
      `${production.name}_archive_${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`,
    "replacedServiceName",
  );
  if (store.byName(archiveName)) {
    throw new ArcGISRequestError(
      400,
      `Service name '${archiveName}' already exists.`,
      [],
      "CONT_0061",
    );
  }
  const productionName = production.name;
  const kind = kindOf(production);
  store.transaction(() => {
    store.rename(production.id, archiveName);
    store.rename(replacement.id, productionName);
    store.setItem(replacement.id, options.toReplaceItemId);
    store.setItem(production.id, options.replacementItemId);
    content.items.update(options.replacementItemId, {
      url: serviceUrl(rootUrl, archiveName, kind),
    });
    if (options.replaceMetadata) {
      const source = content.items.get(options.replacementItemId);
      if (source) {
        content.items.update(options.toReplaceItemId, {
          title: source.title,
          snippet: source.snippet,
          description: source.description,
          tags: source.tags,
        });
      }
    } else {
      content.items.update(options.toReplaceItemId, {});
    }
  });
}
