import { QuerySyntaxError, type QueryNode } from "./query-ast";
import { isStopWord } from "./text-analysis";

/** A WHERE fragment over `items i` with its positional parameters. */
export interface SqlCondition {
  readonly sql: string;
  readonly params: unknown[];
}

const FTS_COLUMNS: Record<string, string> = {
  title: "title",
  tags: "tags",
  tag: "tags",
  snippet: "snippet",
  description: "description",
  typekeywords: "type_keywords",
};

const EXACT_COLUMNS: Record<string, string> = {
  id: "i.id",
  owner: "i.owner",
  orgid: "i.org_id",
  access: "i.access",
  name: "i.name",
  url: "i.url",
  culture: "json_extract(i.extra_json, '$.culture')",
};

const NUMBER_COLUMNS: Record<string, string> = {
  created: "i.created",
  uploaded: "i.created",
  modified: "i.modified",
  numviews: "i.num_views",
  avgrating: "i.avg_rating",
  numratings: "i.num_ratings",
  numcomments: "i.num_comments",
  size: "i.size",
};

const MATCH_ALL: SqlCondition = { sql: "1", params: [] };
const MATCH_NONE: SqlCondition = { sql: "0", params: [] };

/**
 * Translates a parsed query into SQL; free text goes through the FTS5 index `items_fts`. Terms
 * that are only stop words drop out of the query, as on ArcGIS Online; a query of nothing else
 * finds nothing.
 */
export function queryToSql(node: QueryNode): SqlCondition {
  return nodeToSql(node) ?? MATCH_NONE;
}

/** The SQL of a node, or null when it holds nothing to search for (only stop words). */
function nodeToSql(node: QueryNode): SqlCondition | null {
  switch (node.kind) {
    case "all":
      return MATCH_ALL;
    case "and":
    case "or": {
      const parts = node.children
        .map(nodeToSql)
        .filter((part): part is SqlCondition => part !== null);
      if (parts.length === 0) return null;
      const joiner = node.kind === "and" ? " AND " : " OR ";
      return {
        sql: `(${parts.map((part) => part.sql).join(joiner)})`,
        params: parts.flatMap((part) => part.params),
      };
    }
    case "not": {
      const inner = nodeToSql(node.child);
      return inner && { sql: `NOT (${inner.sql})`, params: inner.params };
    }
    case "range":
      return rangeCondition(node.field, node.from, node.to, node.includeFrom, node.includeTo);
    case "term":
      return termCondition(node.field, node.value, node.phrase);
  }
}

function termCondition(field: string | null, value: string, phrase: boolean): SqlCondition | null {
  if (field === null) return ftsCondition(null, value, phrase);
  if (field in FTS_COLUMNS) return ftsCondition(FTS_COLUMNS[field], value, phrase);
  if (field === "type") {
    // A quoted type names the type exactly ("Web Map" is not "Web Mapping Application"); a bare
    // word matches any type containing it, as type:map does on ArcGIS Online.
    if (phrase) return { sql: "i.type = ? COLLATE NOCASE", params: [value] };
    return ftsCondition("type", value, false);
  }
  if (field in EXACT_COLUMNS) return exactCondition(EXACT_COLUMNS[field], value);
  if (field in NUMBER_COLUMNS) return rangeCondition(field, value, value, true, true);
  if (field === "group") {
    return {
      sql: "EXISTS (SELECT 1 FROM item_groups ig WHERE ig.item_id = i.id AND ig.group_id = ?)",
      params: [value],
    };
  }
  if (field === "categories" || field === "category") {
    return {
      sql: `EXISTS (SELECT 1 FROM item_categories c WHERE c.item_id = i.id
              AND (c.category = ? OR c.category LIKE ? ESCAPE '\\'))`,
      params: [value, `${escapeLike(value)}/%`],
    };
  }
  if (field === "contentstatus") {
    return { sql: "i.content_status LIKE ? ESCAPE '\\'", params: [`%${escapeLike(value)}%`] };
  }
  // An unknown field is searched as free text, the way the portal treats words it cannot place.
  return ftsCondition(null, value, phrase);
}

function exactCondition(column: string, value: string): SqlCondition {
  if (value === "*") return { sql: `${column} IS NOT NULL`, params: [] };
  if (/[*?]/.test(value)) {
    const pattern = escapeLike(value).replace(/\*/g, "%").replace(/\?/g, "_");
    return { sql: `${column} LIKE ? ESCAPE '\\'`, params: [pattern] };
  }
  return { sql: `${column} = ? COLLATE NOCASE`, params: [value] };
}

function rangeCondition(
  field: string,
  from: string | null,
  to: string | null,
  includeFrom: boolean,
  includeTo: boolean,
): SqlCondition {
  const column = NUMBER_COLUMNS[field] ?? EXACT_COLUMNS[field];
  if (!column) throw new QuerySyntaxError(`'${field}' cannot be searched by range`);
  const numeric = field in NUMBER_COLUMNS;
  const parts: string[] = [];
  const params: unknown[] = [];
  if (from !== null) {
    parts.push(`${column} ${includeFrom ? ">=" : ">"} ?`);
    params.push(numeric ? toNumber(field, from) : from);
  }
  if (to !== null) {
    parts.push(`${column} ${includeTo ? "<=" : "<"} ?`);
    params.push(numeric ? toNumber(field, to) : to);
  }
  return parts.length === 0 ? MATCH_ALL : { sql: `(${parts.join(" AND ")})`, params };
}

/** Range ends are numbers, zero-padded epoch milliseconds as the portal writes them, or dates. */
function toNumber(field: string, text: string): number {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (!Number.isNaN(date)) return date;
  throw new QuerySyntaxError(`'${text}' is not a number or date for ${field}`);
}

function ftsCondition(column: string | null, value: string, phrase: boolean): SqlCondition | null {
  const words = value.split(/[^\p{L}\p{N}*?]+/u).filter(Boolean);
  // The index holds no stop words (see text-analysis.ts); neither may the query. The type
  // column is indexed whole, so its words stay.
  const searched = column === "type" ? words : words.filter((word) => !isStopWord(word));
  if (searched.length === 0) return words.length === 0 ? MATCH_ALL : null;
  const expression = ftsExpression(searched, phrase);
  if (expression === null) return MATCH_ALL;
  const match = column ? `{${column}} : (${expression})` : expression;
  return {
    sql: "i.rowid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)",
    params: [match],
  };
}

/**
 * An FTS5 expression for the words of one term or phrase (split like the index splits text); a
 * trailing `*` becomes a prefix search and a wildcard inside a word searches the part before it.
 */
function ftsExpression(words: readonly string[], phrase: boolean): string | null {
  const quoted = words
    .map((word) => {
      const wild = word.search(/[*?]/);
      if (wild === 0) return null;
      const stem = wild > 0 ? word.slice(0, wild) : word;
      return { text: `"${stem}"`, prefix: wild > 0 };
    })
    .filter((word): word is { text: string; prefix: boolean } => word !== null);
  if (quoted.length === 0) return null;
  if (quoted.length === 1) return quoted[0].text + (quoted[0].prefix ? "*" : "");
  if (phrase || quoted.every((word) => !word.prefix)) {
    // Words of one term ("e-mail", "web map") stay together, as a phrase.
    return `"${quoted.map((word) => word.text.slice(1, -1)).join(" ")}"`;
  }
  return quoted.map((word) => word.text + (word.prefix ? "*" : "")).join(" AND ");
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
