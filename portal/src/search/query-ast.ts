/** The parsed form of a search query in the ArcGIS (Lucene-like) syntax. */
export type QueryNode =
  | { readonly kind: "all" }
  | { readonly kind: "and"; readonly children: readonly QueryNode[] }
  | { readonly kind: "or"; readonly children: readonly QueryNode[] }
  | { readonly kind: "not"; readonly child: QueryNode }
  | {
      readonly kind: "term";
      /** Lower-case field name, or null for free text. */
      readonly field: string | null;
      readonly value: string;
      /** A quoted phrase rather than a single word. */
      readonly phrase: boolean;
    }
  | {
      readonly kind: "range";
      readonly field: string;
      /** Null stands for an open end (`*`). */
      readonly from: string | null;
      readonly to: string | null;
      readonly includeFrom: boolean;
      readonly includeTo: boolean;
    };

/** A query the parser cannot read; the route reports it as a bad `q` parameter. */
export class QuerySyntaxError extends Error {}
