import { invalidParameter } from "../server/arcgis-error";
import { QUERY_LIMITS, queryTooComplex } from "../search/query-limits";
import { wildcardMatches } from "../search/wildcard";

/**
 * The ArcGIS search syntax for community users and groups: terms, `field:term`, quoted phrases,
 * AND / OR / NOT (and `-term`), parentheses, `field:(a OR b)`, `*` and `?` wildcards and ranges
 * such as `created:[1000 TO 2000]`. Terms written side by side must all match (AND), as the
 * portal's own user and group search does.
 */
export type QueryNode =
  | { kind: "and"; parts: QueryNode[] }
  | { kind: "or"; parts: QueryNode[] }
  | { kind: "not"; part: QueryNode }
  | { kind: "term"; field: string | null; text: string; phrase: boolean }
  | {
      kind: "range";
      field: string;
      low: string;
      high: string;
      includeLow: boolean;
      includeHigh: boolean;
    }
  | { kind: "all" };

/** How a record exposes its searchable fields; unknown fields give an empty list. */
export type FieldReader = (field: string) => readonly (string | number | null | undefined)[];

type Token =
  | { type: "word"; text: string }
  | { type: "phrase"; text: string }
  | { type: "open" | "close" | "colon" | "minus" }
  | { type: "range"; low: string; high: string; includeLow: boolean; includeHigh: boolean };

export function parseCommunityQuery(text: string | undefined): QueryNode {
  const source = (text ?? "").trim();
  if (source === "" || source === "*") return { kind: "all" };
  if (source.length > QUERY_LIMITS.maxLength) throw invalidParameter("q", "is too long.");
  const tokens = tokenize(source);
  const tooComplex = queryTooComplex(source.length, tokens);
  if (tooComplex) throw invalidParameter("q", tooComplex);
  const parser = new Parser(tokens);
  const node = parser.parseOr();
  if (!parser.done()) throw invalidParameter("q", "has an unexpected ')'.");
  return node;
}

export function matchesQuery(node: QueryNode, read: FieldReader, defaultFields: string[]): boolean {
  switch (node.kind) {
    case "all":
      return true;
    case "and":
      return node.parts.every((part) => matchesQuery(part, read, defaultFields));
    case "or":
      return node.parts.some((part) => matchesQuery(part, read, defaultFields));
    case "not":
      return !matchesQuery(node.part, read, defaultFields);
    case "range":
      return read(node.field.toLowerCase()).some((value) => inRange(value, node));
    case "term": {
      const fields = node.field ? [node.field.toLowerCase()] : defaultFields;
      return fields.some((field) => read(field).some((value) => termMatches(value, node)));
    }
  }
}

function termMatches(
  value: string | number | null | undefined,
  term: { text: string; phrase: boolean },
): boolean {
  if (value === null || value === undefined) return false;
  const haystack = String(value).toLowerCase();
  const needle = term.text.toLowerCase();
  if (term.phrase) return haystack.includes(needle);
  if (/[*?]/.test(needle)) {
    return (
      wildcardMatches(needle, haystack) ||
      words(haystack).some((word) => wildcardMatches(needle, word))
    );
  }
  return haystack === needle || words(haystack).includes(needle);
}

function words(text: string): string[] {
  // Dots and hyphens stay inside words (e-mail addresses, usernames), but a sentence's final
  // period must not hide its last word: "… and basemaps." matches `basemaps`.
  return text
    .split(/[^\p{L}\p{N}_@.-]+/u)
    .flatMap((word) => {
      const bare = word.replace(/^[.-]+|[.-]+$/g, "");
      return bare !== word ? [word, bare] : [word];
    })
    .filter(Boolean);
}

function inRange(
  value: string | number | null | undefined,
  range: Extract<QueryNode, { kind: "range" }>,
): boolean {
  if (value === null || value === undefined) return false;
  const compare = (bound: string): number => {
    if (bound === "*") return 0;
    const numeric = Number(bound);
    if (typeof value === "number" || (Number.isFinite(numeric) && /^-?\d/.test(String(value)))) {
      return Number(value) - numeric;
    }
    return String(value).toLowerCase().localeCompare(bound.toLowerCase());
  };
  const low = range.low === "*" ? 1 : compare(range.low);
  const high = range.high === "*" ? -1 : compare(range.high);
  return (range.includeLow ? low >= 0 : low > 0) && (range.includeHigh ? high <= 0 : high < 0);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    if (/\s/.test(char)) {
      index++;
    } else if (char === "(" || char === ")") {
      tokens.push({ type: char === "(" ? "open" : "close" });
      index++;
    } else if (char === ":") {
      tokens.push({ type: "colon" });
      index++;
    } else if (char === "-" && /\S/.test(source[index + 1] ?? "")) {
      tokens.push({ type: "minus" });
      index++;
    } else if (char === '"') {
      const end = source.indexOf('"', index + 1);
      if (end < 0) throw invalidParameter("q", "has an unterminated quoted phrase.");
      tokens.push({ type: "phrase", text: source.slice(index + 1, end) });
      index = end + 1;
    } else if (char === "[" || char === "{") {
      const closeAt = source.slice(index).search(/[\]}]/);
      if (closeAt < 0) throw invalidParameter("q", "has an unterminated range.");
      const body = source.slice(index + 1, index + closeAt);
      const match = /^\s*(\S+)\s+TO\s+(\S+)\s*$/i.exec(body);
      if (!match) throw invalidParameter("q", "has a range that is not 'low TO high'.");
      tokens.push({
        type: "range",
        low: match[1],
        high: match[2],
        includeLow: char === "[",
        includeHigh: source[index + closeAt] === "]",
      });
      index += closeAt + 1;
    } else {
      let end = index;
      while (end < source.length && !/[\s():"]/.test(source[end])) end++;
      tokens.push({ type: "word", text: source.slice(index, end) });
      index = end;
    }
  }
  return tokens;
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.position >= this.tokens.length;
  }

  parseOr(field: string | null = null): QueryNode {
    const parts = [this.parseAnd(field)];
    while (this.isKeyword("OR")) {
      this.position++;
      parts.push(this.parseAnd(field));
    }
    return parts.length === 1 ? parts[0] : { kind: "or", parts };
  }

  private parseAnd(field: string | null): QueryNode {
    const parts = [this.parseUnary(field)];
    for (;;) {
      const next = this.tokens[this.position];
      if (!next || next.type === "close" || this.isKeyword("OR")) break;
      if (this.isKeyword("AND")) this.position++;
      parts.push(this.parseUnary(field));
    }
    return parts.length === 1 ? parts[0] : { kind: "and", parts };
  }

  private parseUnary(field: string | null): QueryNode {
    if (this.isKeyword("NOT") || this.tokens[this.position]?.type === "minus") {
      this.position++;
      return { kind: "not", part: this.parseUnary(field) };
    }
    return this.parsePrimary(field);
  }

  private parsePrimary(field: string | null): QueryNode {
    const token = this.tokens[this.position++];
    if (!token) throw invalidParameter("q", "ends where a term was expected.");
    if (token.type === "open") {
      const inner = this.parseOr(field);
      if (this.tokens[this.position]?.type !== "close") {
        throw invalidParameter("q", "has an unclosed '('.");
      }
      this.position++;
      return inner;
    }
    if (token.type === "word" && this.tokens[this.position]?.type === "colon") {
      this.position++;
      return this.parseFieldValue(token.text);
    }
    if (token.type === "word") return { kind: "term", field, text: token.text, phrase: false };
    if (token.type === "phrase") return { kind: "term", field, text: token.text, phrase: true };
    if (token.type === "range" && field) return { kind: "range", field, ...withoutType(token) };
    throw invalidParameter("q", "has a misplaced operator or range.");
  }

  private parseFieldValue(field: string): QueryNode {
    const token = this.tokens[this.position];
    if (!token) throw invalidParameter("q", `has no value after '${field}:'.`);
    if (token.type === "range") {
      this.position++;
      return { kind: "range", field, ...withoutType(token) };
    }
    return this.parsePrimary(field);
  }

  private isKeyword(word: "AND" | "OR" | "NOT"): boolean {
    const token = this.tokens[this.position];
    return token?.type === "word" && token.text === word;
  }
}

function withoutType(token: Extract<Token, { type: "range" }>): {
  low: string;
  high: string;
  includeLow: boolean;
  includeHigh: boolean;
} {
  return {
    low: token.low,
    high: token.high,
    includeLow: token.includeLow,
    includeHigh: token.includeHigh,
  };
}
