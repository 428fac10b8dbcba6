import type { Migration } from "../migration";

/**
 * An index for every search sort field that had none (with the collation the sort uses), so
 * the first page of a large search walks the index and stops after `num` matches instead of
 * sorting all of them. Title, created and modified were indexed already.
 */
export const searchSortIndexes: Migration = {
  version: 11,
  name: "indexes for the search sort orders",
  up(db) {
    db.exec(`
      CREATE INDEX items_by_avg_rating ON items(avg_rating);
      CREATE INDEX items_by_num_ratings ON items(num_ratings);
      CREATE INDEX items_by_num_comments ON items(num_comments);
      CREATE INDEX items_by_num_views ON items(num_views);
      CREATE INDEX items_by_size ON items(size);
      CREATE INDEX items_by_type_nocase ON items(type COLLATE NOCASE);
    `);
  },
};
