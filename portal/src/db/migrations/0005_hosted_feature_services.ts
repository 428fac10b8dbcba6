import type { Migration } from "../migration";

/**
 * Hosted feature services: the service and its layers (definitions kept as the JSON the REST
 * API serves), and the features, with their bounding boxes in columns so a spatial filter can
 * narrow the rows in SQL before the exact test. A view is a service whose layers read the
 * features of another service's layers.
 */
export const hostedFeatureServices: Migration = {
  version: 5,
  name: "hosted feature services, layers and features",
  up(db) {
    db.exec(`
      CREATE TABLE feature_services (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        owner TEXT NOT NULL REFERENCES users(username) ON UPDATE CASCADE,
        item_id TEXT REFERENCES items(id) ON DELETE SET NULL,
        definition_json TEXT NOT NULL,
        is_view INTEGER NOT NULL DEFAULT 0,
        created INTEGER NOT NULL,
        modified INTEGER NOT NULL
      );
      CREATE INDEX feature_services_by_item ON feature_services(item_id);

      CREATE TABLE feature_layers (
        service_id TEXT NOT NULL REFERENCES feature_services(id) ON DELETE CASCADE,
        layer_id INTEGER NOT NULL,
        definition_json TEXT NOT NULL,
        next_object_id INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (service_id, layer_id)
      );

      CREATE TABLE features (
        service_id TEXT NOT NULL,
        layer_id INTEGER NOT NULL,
        object_id INTEGER NOT NULL,
        attributes_json TEXT NOT NULL,
        geometry_json TEXT,
        xmin REAL,
        ymin REAL,
        xmax REAL,
        ymax REAL,
        PRIMARY KEY (service_id, layer_id, object_id),
        FOREIGN KEY (service_id, layer_id) REFERENCES feature_layers(service_id, layer_id)
          ON DELETE CASCADE
      );
      CREATE INDEX features_by_box ON features(service_id, layer_id, xmin, xmax, ymin, ymax);
    `);
  },
};
