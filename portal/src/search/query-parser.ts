import { QuerySyntaxError, type QueryNode } from "./query-ast";
import { QUERY_LIMITS, queryTooComplex } from "./query-limits";

type Token =
  | { type: "word"; text: string }
  | { type: "phrase"; text: string }
  | { type: "field"; name: string }
  | { type: "range"; from: string | null; to: string | null; inclFrom: boolean; inclTo: boolean }
  | { type: "and" | "or" | "not" | "must" | "open" | "close" };

const WORD_BREAK = new Set([" ", "\t", "\n", "\r", "(", ")", '"']);

/**
 * Splits a query into tokens. Field prefixes (`title:`), quoted phrases, ranges (`[a TO b]`,
 * `{a TO b}`), the boolean operators in both spellings (`AND`/`&&`, `OR`/`||`, `NOT`/`!`/`-`),
 * `+` and backslash escapes are recognised; anything else is a word.
 */
function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "(") {
      tokens.push({ type: "open" });
      i++;
    } else if (ch === ")") {
      tokens.push({ type: "close" });
      i++;
    } else if (ch === '"') {
      const end = query.indexOf('"', i + 1);
      if (end < 0) throw new QuerySyntaxError("unbalanced quotation marks");
      tokens.push({ type: "phrase", text: query.slice(i + 1, end) });
      i = end + 1;
    } else if (ch === "[" || ch === "{") {
      const close = ch === "[" ? "]" : "}";
      const end = query.slice(i + 1).search(/[\]}]/);
      if (end < 0) throw new QuerySyntaxError(`unterminated range, expected '${close}'`);
      const body = query.slice(i + 1, i + 1 + end);
      const parts = body.trim().split(/\s+TO\s+/i);
      if (parts.length !== 2) throw new QuerySyntaxError(`a range needs the form [from TO to]`);
      const closing = query[i + 1 + end];
      tokens.push({
        type: "range",
        from: openEnd(parts[0]),
        to: openEnd(parts[1]),
        inclFrom: ch === "[",
        inclTo: closing === "]",
      });
      i = i + 2 + end;
    } else if (query.startsWith("&&", i)) {
      tokens.push({ type: "and" });
      i += 2;
    } else if (query.startsWith("||", i)) {
      tokens.push({ type: "or" });
      i += 2;
    } else if ((ch === "!" || ch === "-") && i + 1 < query.length && !/\s/.test(query[i + 1])) {
      tokens.push({ type: "not" });
      i++;
    } else if (ch === "+" && i + 1 < query.length) {
      tokens.push({ type: "must" });
      i++;
    } else {
      const afterField = tokens[tokens.length - 1]?.type === "field";
      let text = "";
      while (i < query.length && !WORD_BREAK.has(query[i])) {
        if (query[i] === "\\" && i + 1 < query.length) {
          text += query[i + 1];
          i += 2;
          continue;
        }
        // A field's value may hold colons itself (url:https://…); only a leading word is a field.
        if (query[i] === ":" && text !== "" && !afterField) break;
        text += query[i];
        i++;
      }
      if (query[i] === ":" && text !== "" && !afterField) {
        tokens.push({ type: "field", name: text.toLowerCase() });
        i++;
      } else if (text === "AND") tokens.push({ type: "and" });
      else if (text === "OR") tokens.push({ type: "or" });
      else if (text === "NOT") tokens.push({ type: "not" });
      else if (text !== "") tokens.push({ type: "word", text });
      else i++;
    }
  }
  return tokens;
}

function openEnd(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "*" || trimmed === "" ? null : trimmed;
}

/**
 * Parses a search query. Terms without an operator between them must all match (as ArcGIS
 * Online answers such queries), `OR` binds looser than `AND`, and `field:(a OR b)` applies the
 * field to every term inside the parentheses. An empty query or `*` matches everything.
 */
export function parseQuery(query: string): QueryNode {
  if (query.length > QUERY_LIMITS.maxLength) throw new QuerySyntaxError(`the query is too long`);
  const tokens = tokenize(query);
  const tooComplex = queryTooComplex(query.length, tokens);
  if (tooComplex) throw new QuerySyntaxError(`the query ${tooComplex}`);
  let position = 0;

  const peek = (): Token | undefined => tokens[position];
  const next = (): Token | undefined => tokens[position++];

  const parseOr = (field: string | null): QueryNode => {
    const children = [parseAnd(field)];
    while (peek()?.type === "or") {
      next();
      children.push(parseAnd(field));
    }
    return children.length === 1 ? children[0] : { kind: "or", children };
  };

  const parseAnd = (field: string | null): QueryNode => {
    const children = [parseUnary(field)];
    for (;;) {
      const token = peek();
      if (!token || token.type === "or" || token.type === "close") break;
      if (token.type === "and") next();
      children.push(parseUnary(field));
    }
    return children.length === 1 ? children[0] : { kind: "and", children };
  };

  const parseUnary = (field: string | null): QueryNode => {
    const token = peek();
    if (token?.type === "not") {
      next();
      return { kind: "not", child: parseUnary(field) };
    }
    if (token?.type === "must") {
      next();
      return parseUnary(field);
    }
    return parsePrimary(field);
  };

  const parsePrimary = (field: string | null): QueryNode => {
    const token = next();
    if (!token) throw new QuerySyntaxError("the query ends where a term was expected");
    switch (token.type) {
      case "open": {
        const inner = parseOr(field);
        if (next()?.type !== "close") throw new QuerySyntaxError("unbalanced parentheses");
        return inner;
      }
      case "field":
        return parseFieldValue(token.name);
      case "word":
        return token.text === "*" && field === null
          ? { kind: "all" }
          : { kind: "term", field, value: token.text, phrase: false };
      case "phrase":
        return { kind: "term", field, value: token.text, phrase: true };
      case "range":
        if (field === null)
          throw new QuerySyntaxError("a range needs a field, as in modified:[a TO b]");
        return rangeNode(field, token);
      default:
        throw new QuerySyntaxError(`unexpected '${describe(token)}'`);
    }
  };

  const parseFieldValue = (name: string): QueryNode => {
    const token = peek();
    if (!token) throw new QuerySyntaxError(`no value after '${name}:'`);
    if (token.type === "open") {
      next();
      const inner = parseOr(name);
      if (next()?.type !== "close") throw new QuerySyntaxError("unbalanced parentheses");
      return inner;
    }
    if (token.type === "range") {
      next();
      return rangeNode(name, token);
    }
    if (token.type === "word" || token.type === "phrase") {
      next();
      return { kind: "term", field: name, value: token.text, phrase: token.type === "phrase" };
    }
    throw new QuerySyntaxError(`no value after '${name}:'`);
  };

  if (tokens.length === 0) return { kind: "all" };
  const root = parseOr(null);
  if (position < tokens.length)
    throw new QuerySyntaxError(`unexpected '${describe(tokens[position])}'`);
  return root;
}

function rangeNode(field: string, token: Extract<Token, { type: "range" }>): QueryNode {
  return {
    kind: "range",
    field,
    from: token.from,
    to: token.to,
    includeFrom: token.inclFrom,
    includeTo: token.inclTo,
  };
}

function describe(token: Token): string {
  switch (token.type) {
    case "open":
      return "(";
    case "close":
      return ")";
    case "word":
    case "phrase":
      return token.text;
    case "field":
      return `${token.name}:`;
    default:
      return token.type.toUpperCase();
  }
}
