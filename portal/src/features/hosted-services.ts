import { isFullAdministrator } from "../security/access";
import type { PortalDatabase } from "../db/open-database";
import type { UserRecord } from "../model/user-record";
import { ArcGISRequestError, invalidParameter, permissionDenied } from "../server/arcgis-error";
import { newId } from "../security/ids";
import {
  readLayerDefinition,
  readServiceDefinition,
  readViewLayerDefinition,
  checkServiceName,
} from "./service-definition";
import { withEditFields } from "./editor-tracking";
import type { FeatureServiceStore, LayerDefinition, ServiceRecord } from "./service-store";

const SERVICE_KEYWORDS = [
  "ArcGIS Server",
  "Data",
  "Feature Access",
  "Feature Service",
  "Service",
  "Hosted Service",
];

/** What a hosted service serves: features (FeatureServer) or tiles drawn from features (MapServer). */
export type ServiceKind = "features" | "tiles";

const TILE_KEYWORDS = [
  "ArcGIS Server",
  "Data",
  "Map Service",
  "Service",
  "Hosted Service",
  "Tiled",
];

export function kindOf(service: ServiceRecord): ServiceKind {
  return service.definition.kind === "tiles" ? "tiles" : "features";
}

/** The URL of a hosted service on this portal. */
export function serviceUrl(rootUrl: string, name: string, kind: ServiceKind = "features"): string {
  const server = kind === "tiles" ? "MapServer" : "FeatureServer";
  return `${rootUrl}/rest/services/Hosted/${encodeURIComponent(name)}/${server}`;
}

export interface CreatedService {
  service: ServiceRecord;
  itemId: string;
  url: string;
}

/**
 * createService: a new empty hosted feature service and the "Feature Service" item that
 * stands for it, in one transaction. Layers come later with addToDefinition.
 */
export function createHostedService(
  db: PortalDatabase,
  store: FeatureServiceStore,
  rootUrl: string,
  owner: UserRecord,
  options: {
    createParameters: Record<string, unknown>;
    isView: boolean;
    folderId: string | null;
    itemProperties: Record<string, unknown>;
    kind?: ServiceKind;
  },
): CreatedService {
  const kind = options.kind ?? "features";
  if (!owner.privileges.includes("portal:publisher:publishFeatures")) throw permissionDenied();
  const name = checkServiceName(options.createParameters.name);
  const definition = readServiceDefinition(options.createParameters);
  if (store.byName(name)) {
    throw new ArcGISRequestError(
      400,
      `Service name '${name}' already exists for '${owner.orgId}'`,
      [],
      "CONT_0061",
    );
  }
  const url = serviceUrl(rootUrl, name, kind);
  return store.transaction(() => {
    const service = store.create(name, owner.username, { ...definition, kind }, options.isView);
    const itemId = newId();
    const now = Date.now();
    const props = options.itemProperties;
    const keywords =
      kind === "tiles"
        ? TILE_KEYWORDS
        : options.isView
          ? [...SERVICE_KEYWORDS, "View Service"]
          : SERVICE_KEYWORDS;
    db.prepare(
      `INSERT INTO items (id, owner, org_id, folder_id, title, type, type_keywords_json, tags_json, snippet,
         description, url, access, created, modified)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'private', ?, ?)`,
    ).run(
      itemId,
      owner.username,
      owner.orgId,
      options.folderId,
      typeof props.title === "string" && props.title ? props.title : name,
      kind === "tiles" ? "Map Service" : "Feature Service",
      JSON.stringify(keywords),
      JSON.stringify(tagList(props.tags)),
      typeof props.snippet === "string" ? props.snippet : null,
      typeof props.description === "string" ? props.description : definition.description || null,
      url,
      now,
      now,
    );
    store.setItem(service.id, itemId);
    return { service: store.get(service.id)!, itemId, url };
  });
}

function tagList(tags: unknown): string[] {
  if (Array.isArray(tags)) return tags.map(String);
  if (typeof tags === "string")
    return tags
      .split(",")
      .map((tag) => tag.trim())
      .filter(Boolean);
  return [];
}

/**
 * addToDefinition: adds layers and tables. For a view, each layer names its source in
 * `adminLayerInfo.viewLayerDefinition` (sourceServiceName, sourceLayerId, sourceLayerFields).
 */
export function addToDefinition(
  store: FeatureServiceStore,
  service: ServiceRecord,
  changes: Record<string, unknown>,
  user: UserRecord,
): void {
  const entries = [
    ...(Array.isArray(changes.layers) ? changes.layers : []),
    ...(Array.isArray(changes.tables)
      ? (changes.tables as Record<string, unknown>[]).map((table) => ({ ...table, type: "Table" }))
      : []),
  ] as Record<string, unknown>[];
  if (entries.length === 0)
    throw invalidParameter("addToDefinition", "must hold layers or tables.");
  const existing = store.layers(service.id);
  let nextId = existing.reduce((max, layer) => Math.max(max, layer.layerId + 1), 0);
  const definitions: LayerDefinition[] = entries.map((entry, index) => {
    const definition = service.isView
      ? readViewLayerDefinition(entry, index, nextId, viewSourceOf(store, entry, index, user))
      : withEditFields(readLayerDefinition(entry, index, nextId), service.definition);
    if (existing.some((layer) => layer.layerId === definition.id)) {
      throw invalidParameter("addToDefinition", `layer id ${definition.id} already exists.`);
    }
    nextId = Math.max(nextId, definition.id + 1);
    return definition;
  });
  const ids = definitions.map((definition) => definition.id);
  if (new Set(ids).size !== ids.length)
    throw invalidParameter("addToDefinition", "repeats a layer id.");
  store.transaction(() => {
    for (const definition of definitions) store.putLayer(service.id, definition);
  });
}

function viewSourceOf(
  store: FeatureServiceStore,
  entry: Record<string, unknown>,
  index: number,
  user: UserRecord,
): { serviceId: string; layer: LayerDefinition } {
  const info = (
    entry.adminLayerInfo as { viewLayerDefinition?: Record<string, unknown> } | undefined
  )?.viewLayerDefinition;
  const sourceName = info?.sourceServiceName;
  const sourceLayerId = info?.sourceLayerId ?? 0;
  if (typeof sourceName !== "string") {
    throw invalidParameter(
      "addToDefinition",
      `view layer ${index} lacks adminLayerInfo.viewLayerDefinition.sourceServiceName.`,
    );
  }
  const source = store.byName(sourceName);
  const layer = source ? store.layer(source.id, Number(sourceLayerId)) : undefined;
  if (!source || !layer) {
    throw invalidParameter(
      "addToDefinition",
      `view layer ${index} names a source that does not exist.`,
    );
  }
  if (source.owner !== user.username && !isFullAdministrator(user)) throw permissionDenied();
  if (layer.definition.view)
    throw invalidParameter("addToDefinition", "a view cannot be made of another view.");
  return { serviceId: source.id, layer: layer.definition };
}
