import type { PortalDatabase } from "../db/open-database";
import { rememberedValue } from "../db/remembered-values";
import { cachedRawStatement, cachedStatement } from "../db/statement-cache";
import { newId } from "../security/ids";
import { PageCursors } from "./page-cursors";
import type { Box, EsriGeometry } from "./esri-geometry";
import type { FieldDefinition } from "./fields";
import type { GeometryType } from "./esri-geometry";
import type { SupportedWkid } from "./projection";

/** The service-level definition: what createService received, normalised. */
export interface ServiceDefinition {
  serviceDescription: string;
  description: string;
  copyrightText: string;
  hasStaticData: boolean;
  maxRecordCount: number;
  supportedQueryFormats: string;
  capabilities: string;
  wkid: SupportedWkid;
  initialExtent: Record<string, unknown> | null;
  units: string;
  [field: string]: unknown;
}

export interface ServiceRecord {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly itemId: string | null;
  readonly definition: ServiceDefinition;
  readonly isView: boolean;
  readonly created: number;
  readonly modified: number;
}

/** Where a view layer reads its features, and what it shows of them. */
export interface ViewSource {
  serviceId: string;
  layerId: number;
  viewDefinitionQuery: string;
}

export interface LayerDefinition {
  id: number;
  name: string;
  type: "Feature Layer" | "Table";
  geometryType: GeometryType | null;
  objectIdField: string;
  displayField: string;
  fields: FieldDefinition[];
  view?: ViewSource;
  [field: string]: unknown;
}

export interface LayerRecord {
  readonly serviceId: string;
  readonly layerId: number;
  readonly definition: LayerDefinition;
}

export interface StoredFeature {
  objectId: number;
  attributes: Record<string, unknown>;
  geometry: EsriGeometry | null;
}

interface ServiceRow {
  id: string;
  name: string;
  owner: string;
  item_id: string | null;
  definition_json: string;
  is_view: number;
  created: number;
  modified: number;
}

/** Hosted feature services, their layers and features in SQLite (migration 5). */
export class FeatureServiceStore {
  /** Where the pages of recent queries start (keyset paging of `query`). */
  readonly pageCursors: PageCursors;

  constructor(private readonly db: PortalDatabase) {
    this.pageCursors = new PageCursors(db);
  }

  create(
    name: string,
    owner: string,
    definition: ServiceDefinition,
    isView: boolean,
  ): ServiceRecord {
    const now = Date.now();
    const id = newId();
    this.db
      .prepare(
        `INSERT INTO feature_services (id, name, owner, definition_json, is_view, created, modified)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, name, owner, JSON.stringify(definition), isView ? 1 : 0, now, now);
    return this.get(id)!;
  }

  rename(serviceId: string, name: string): void {
    this.db
      .prepare("UPDATE feature_services SET name = ?, modified = ? WHERE id = ?")
      .run(name, Date.now(), serviceId);
  }

  /** Gives the service a new owner (its item was reassigned). */
  setOwner(serviceId: string, owner: string): void {
    this.db
      .prepare("UPDATE feature_services SET owner = ?, modified = ? WHERE id = ?")
      .run(owner, Date.now(), serviceId);
  }

  /** The view services whose layers read from `serviceId`. */
  viewsOf(serviceId: string): ServiceRecord[] {
    return this.all().filter(
      (candidate) =>
        candidate.isView &&
        this.layers(candidate.id).some((layer) => layer.definition.view?.serviceId === serviceId),
    );
  }

  setItem(serviceId: string, itemId: string): void {
    this.db.prepare("UPDATE feature_services SET item_id = ? WHERE id = ?").run(itemId, serviceId);
  }

  get(id: string): ServiceRecord | undefined {
    const row = cachedStatement(this.db, "SELECT * FROM feature_services WHERE id = ?").get(id) as
      ServiceRow | undefined;
    return row ? serviceFromRow(row) : undefined;
  }

  byName(name: string): ServiceRecord | undefined {
    const row = cachedStatement(this.db, "SELECT * FROM feature_services WHERE name = ?").get(
      name,
    ) as ServiceRow | undefined;
    return row ? serviceFromRow(row) : undefined;
  }

  byItem(itemId: string): ServiceRecord | undefined {
    const row = cachedStatement(this.db, "SELECT * FROM feature_services WHERE item_id = ?").get(
      itemId,
    ) as ServiceRow | undefined;
    return row ? serviceFromRow(row) : undefined;
  }

  all(): ServiceRecord[] {
    const rows = this.db
      .prepare("SELECT * FROM feature_services ORDER BY name")
      .all() as ServiceRow[];
    return rows.map(serviceFromRow);
  }

  delete(id: string): void {
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM features WHERE service_id = ?").run(id);
      this.db.prepare("DELETE FROM feature_layers WHERE service_id = ?").run(id);
      this.db.prepare("DELETE FROM feature_services WHERE id = ?").run(id);
    })();
  }

  updateDefinition(id: string, definition: ServiceDefinition): void {
    this.db
      .prepare("UPDATE feature_services SET definition_json = ?, modified = ? WHERE id = ?")
      .run(JSON.stringify(definition), Date.now(), id);
  }

  layers(serviceId: string): LayerRecord[] {
    const rows = cachedStatement(
      this.db,
      "SELECT * FROM feature_layers WHERE service_id = ? ORDER BY layer_id",
    ).all(serviceId) as { service_id: string; layer_id: number; definition_json: string }[];
    return rows.map((row) => ({
      serviceId: row.service_id,
      layerId: row.layer_id,
      definition: JSON.parse(row.definition_json) as LayerDefinition,
    }));
  }

  layer(serviceId: string, layerId: number): LayerRecord | undefined {
    return this.layers(serviceId).find((layer) => layer.layerId === layerId);
  }

  putLayer(serviceId: string, definition: LayerDefinition): void {
    this.db
      .prepare(
        `INSERT INTO feature_layers (service_id, layer_id, definition_json) VALUES (?, ?, ?)
         ON CONFLICT (service_id, layer_id) DO UPDATE SET definition_json = excluded.definition_json`,
      )
      .run(serviceId, definition.id, JSON.stringify(definition));
    this.db
      .prepare("UPDATE feature_services SET modified = ? WHERE id = ?")
      .run(Date.now(), serviceId);
  }

  /** Adds features and returns their new object ids, in order. */
  insertFeatures(
    serviceId: string,
    layerId: number,
    features: readonly {
      attributes: Record<string, unknown>;
      geometry: EsriGeometry | null;
      box: Box | null;
    }[],
  ): number[] {
    const next = this.db.prepare(
      "UPDATE feature_layers SET next_object_id = next_object_id + 1 WHERE service_id = ? AND layer_id = ? RETURNING next_object_id - 1 AS id",
    );
    const insert = this.db.prepare(
      `INSERT INTO features (service_id, layer_id, object_id, attributes_json, geometry_json, xmin, ymin, xmax, ymax)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return features.map((feature) => {
      const { id } = next.get(serviceId, layerId) as { id: number };
      const box = feature.box;
      insert.run(
        serviceId,
        layerId,
        id,
        JSON.stringify(feature.attributes),
        feature.geometry ? JSON.stringify(feature.geometry) : null,
        box?.xmin ?? null,
        box?.ymin ?? null,
        box?.xmax ?? null,
        box?.ymax ?? null,
      );
      return id;
    });
  }

  getFeature(serviceId: string, layerId: number, objectId: number): StoredFeature | undefined {
    const [row] = this.selectFeatureRows(
      "SELECT object_id, attributes_json, geometry_json FROM features WHERE service_id = ? AND layer_id = ? AND object_id = ?",
      [serviceId, layerId, objectId],
    );
    return row ? featureFromRow(row) : undefined;
  }

  replaceFeature(
    serviceId: string,
    layerId: number,
    objectId: number,
    attributes: Record<string, unknown>,
    geometry: EsriGeometry | null,
    box: Box | null,
  ): void {
    this.db
      .prepare(
        `UPDATE features SET attributes_json = ?, geometry_json = ?, xmin = ?, ymin = ?, xmax = ?, ymax = ?
         WHERE service_id = ? AND layer_id = ? AND object_id = ?`,
      )
      .run(
        JSON.stringify(attributes),
        geometry ? JSON.stringify(geometry) : null,
        box?.xmin ?? null,
        box?.ymin ?? null,
        box?.xmax ?? null,
        box?.ymax ?? null,
        serviceId,
        layerId,
        objectId,
      );
  }

  deleteFeature(serviceId: string, layerId: number, objectId: number): boolean {
    const result = this.db
      .prepare("DELETE FROM features WHERE service_id = ? AND layer_id = ? AND object_id = ?")
      .run(serviceId, layerId, objectId);
    return result.changes > 0;
  }

  deleteAllFeatures(serviceId: string, layerId: number): void {
    this.db
      .prepare("DELETE FROM features WHERE service_id = ? AND layer_id = ?")
      .run(serviceId, layerId);
  }

  /**
   * Runs a feature query (built by feature-query.ts with bound parameters only) that selects
   * `object_id, attributes_json, geometry_json`, in that order; the statement is compiled once
   * and reused, since a layer is paged with the same SQL many times.
   */
  selectFeatures(sql: string, params: readonly unknown[]): StoredFeature[] {
    return this.selectFeatureRows(sql, params).map(featureFromRow);
  }

  /**
   * The same rows with their JSON still as stored text, for a caller that can use the text as
   * it is (a query page) and parses only what it must.
   */
  selectFeatureRows(sql: string, params: readonly unknown[]): FeatureRow[] {
    const rows = cachedRawStatement(this.db, sql).all(...params) as [
      number,
      string,
      string | null,
    ][];
    return rows.map(([objectId, attributesJson, geometryJson]) => ({
      objectId,
      attributesJson,
      geometryJson,
    }));
  }

  /** The first column of the first row, or undefined when there is no row. */
  selectValue(sql: string, params: readonly unknown[]): unknown {
    const row = cachedStatement(this.db, sql).get(...params) as Record<string, unknown> | undefined;
    return row === undefined ? undefined : Object.values(row)[0];
  }

  /** {@link selectValue} for an aggregate, remembered until features, layers or services change. */
  selectRememberedValue(sql: string, params: readonly unknown[]): unknown {
    return rememberedValue(this.db, sql, params);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}

/**
 * A feature as stored. Its two JSON texts are only ever written by JSON.stringify (insertFeatures,
 * replaceFeature), so they are what JSON.stringify makes of their parsed value.
 */
export interface FeatureRow {
  objectId: number;
  attributesJson: string;
  geometryJson: string | null;
}

export function featureFromRow(row: FeatureRow): StoredFeature {
  return {
    objectId: row.objectId,
    attributes: JSON.parse(row.attributesJson) as Record<string, unknown>,
    geometry: row.geometryJson ? (JSON.parse(row.geometryJson) as EsriGeometry) : null,
  };
}

function serviceFromRow(row: ServiceRow): ServiceRecord {
  return {
    id: row.id,
    name: row.name,
    owner: row.owner,
    itemId: row.item_id,
    definition: JSON.parse(row.definition_json) as ServiceDefinition,
    isView: row.is_view === 1,
    created: row.created,
    modified: row.modified,
  };
}
