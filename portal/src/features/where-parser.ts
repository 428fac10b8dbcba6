import { invalidParameter } from "../server/arcgis-error";

/**
 * The SQL-92 subset that hosted feature layers accept in `where`: comparisons, AND/OR/NOT,
 * parentheses, IN, BETWEEN, LIKE (with ESCAPE), IS [NOT] NULL, + - * /, UPPER/LOWER/
 * CHAR_LENGTH, and DATE/TIMESTAMP literals. The text is parsed into a tree; nothing from it is
 * ever pasted into SQL.
 */
export type WhereNode =
  | { kind: "and" | "or"; left: WhereNode; right: WhereNode }
  | { kind: "not"; operand: WhereNode }
  | {
      kind: "compare";
      operator: "=" | "<>" | "<" | "<=" | ">" | ">=";
      left: WhereValue;
      right: WhereValue;
    }
  | { kind: "in"; value: WhereValue; list: WhereValue[]; negated: boolean }
  | { kind: "between"; value: WhereValue; low: WhereValue; high: WhereValue; negated: boolean }
  | { kind: "like"; value: WhereValue; pattern: WhereValue; escape?: string; negated: boolean }
  | { kind: "isNull"; value: WhereValue; negated: boolean };

export type WhereValue =
  | { kind: "field"; name: string }
  | { kind: "literal"; value: string | number | null }
  | { kind: "function"; name: "UPPER" | "LOWER" | "CHAR_LENGTH"; argument: WhereValue }
  | { kind: "arithmetic"; operator: "+" | "-" | "*" | "/"; left: WhereValue; right: WhereValue }
  | { kind: "negate"; operand: WhereValue };

type Token =
  | { type: "number"; value: number }
  | { type: "string"; value: string }
  | { type: "word"; value: string; quoted: boolean }
  | { type: "symbol"; value: string };

const SYMBOLS = ["<>", "<=", ">=", "!=", "=", "<", ">", "(", ")", ",", "+", "-", "*", "/"];
const FUNCTIONS = new Set(["UPPER", "LOWER", "CHAR_LENGTH"]);
const MAX_LENGTH = 20_000;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === "'") {
      let value = "";
      index += 1;
      for (;;) {
        if (index >= text.length) throw whereError("has an unterminated string.");
        if (text[index] === "'") {
          if (text[index + 1] === "'") {
            value += "'";
            index += 2;
            continue;
          }
          index += 1;
          break;
        }
        value += text[index];
        index += 1;
      }
      tokens.push({ type: "string", value });
    } else if (char === '"') {
      const end = text.indexOf('"', index + 1);
      if (end < 0) throw whereError("has an unterminated quoted name.");
      tokens.push({ type: "word", value: text.slice(index + 1, end), quoted: true });
      index = end + 1;
    } else if (/[0-9.]/.test(char)) {
      const match = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(index));
      if (!match) throw whereError(`has an unexpected character '${char}'.`);
      tokens.push({ type: "number", value: Number(match[0]) });
      index += match[0].length;
    } else if (/[\p{L}_]/u.test(char)) {
      const match = /^[\p{L}_][\p{L}\p{N}_.]*/u.exec(text.slice(index));
      tokens.push({ type: "word", value: match![0], quoted: false });
      index += match![0].length;
    } else {
      const symbol = SYMBOLS.find((candidate) => text.startsWith(candidate, index));
      if (!symbol) throw whereError(`has an unexpected character '${char}'.`);
      tokens.push({ type: "symbol", value: symbol === "!=" ? "<>" : symbol });
      index += symbol.length;
    }
  }
  return tokens;
}

export function whereError(reason: string): Error {
  return invalidParameter("where", reason);
}

/** Parses a where clause; an empty one (or "1=1") matches every row. */
export function parseWhere(text: string): WhereNode | null {
  if (text.length > MAX_LENGTH) throw whereError("is too long.");
  if (text.trim() === "") return null;
  const parser = new Parser(tokenize(text));
  const node = parser.expression();
  parser.expectEnd();
  return node;
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  expectEnd(): void {
    const token = this.peek();
    if (token) throw whereError(`has unexpected text near '${String(token.value)}'.`);
  }

  expression(): WhereNode {
    let left = this.conjunction();
    while (this.keyword("OR")) left = { kind: "or", left, right: this.conjunction() };
    return left;
  }

  private conjunction(): WhereNode {
    let left = this.negation();
    while (this.keyword("AND")) left = { kind: "and", left, right: this.negation() };
    return left;
  }

  private negation(): WhereNode {
    if (this.keyword("NOT")) return { kind: "not", operand: this.negation() };
    return this.predicate();
  }

  private predicate(): WhereNode {
    // A parenthesis opens either a nested condition or a parenthesised value; try the first.
    if (this.isSymbol("(")) {
      const saved = this.position;
      this.position += 1;
      try {
        const inner = this.expression();
        if (this.symbol(")")) {
          if (!this.startsComparison()) return inner;
        }
      } catch {
        // Not a condition: read it again as a value below.
      }
      this.position = saved;
    }
    const value = this.additive();
    if (this.keyword("IS")) {
      const negated = this.keyword("NOT");
      this.requireKeyword("NULL");
      return { kind: "isNull", value, negated };
    }
    const negated = this.keyword("NOT");
    if (this.keyword("IN")) {
      this.requireSymbol("(");
      const list = [this.additive()];
      while (this.symbol(",")) list.push(this.additive());
      this.requireSymbol(")");
      return { kind: "in", value, list, negated };
    }
    if (this.keyword("BETWEEN")) {
      const low = this.additive();
      this.requireKeyword("AND");
      return { kind: "between", value, low, high: this.additive(), negated };
    }
    if (this.keyword("LIKE")) {
      const pattern = this.additive();
      let escape: string | undefined;
      if (this.keyword("ESCAPE")) {
        const token = this.next();
        if (token?.type !== "string" || token.value.length !== 1) {
          throw whereError("needs one character after ESCAPE.");
        }
        escape = token.value;
      }
      return { kind: "like", value, pattern, escape, negated };
    }
    if (negated) throw whereError("has NOT where IN, BETWEEN or LIKE was expected.");
    const token = this.peek();
    if (token?.type === "symbol" && ["=", "<>", "<", "<=", ">", ">="].includes(token.value)) {
      this.position += 1;
      const operator = token.value as "=" | "<>" | "<" | "<=" | ">" | ">=";
      return { kind: "compare", operator, left: value, right: this.additive() };
    }
    throw whereError(`is not a condition near '${token ? String(token.value) : "the end"}'.`);
  }

  private startsComparison(): boolean {
    const token = this.peek();
    if (!token) return false;
    if (token.type === "symbol")
      return ["=", "<>", "<", "<=", ">", ">=", "+", "-", "*", "/"].includes(token.value);
    return (
      token.type === "word" &&
      !token.quoted &&
      ["IS", "IN", "BETWEEN", "LIKE", "NOT"].includes(token.value.toUpperCase())
    );
  }

  private additive(): WhereValue {
    let left = this.multiplicative();
    for (;;) {
      const token = this.peek();
      if (token?.type === "symbol" && (token.value === "+" || token.value === "-")) {
        this.position += 1;
        left = { kind: "arithmetic", operator: token.value, left, right: this.multiplicative() };
      } else {
        return left;
      }
    }
  }

  private multiplicative(): WhereValue {
    let left = this.unary();
    for (;;) {
      const token = this.peek();
      if (token?.type === "symbol" && (token.value === "*" || token.value === "/")) {
        this.position += 1;
        left = { kind: "arithmetic", operator: token.value, left, right: this.unary() };
      } else {
        return left;
      }
    }
  }

  private unary(): WhereValue {
    if (this.symbol("-")) return { kind: "negate", operand: this.unary() };
    if (this.symbol("+")) return this.unary();
    return this.primary();
  }

  private primary(): WhereValue {
    const token = this.next();
    if (!token) throw whereError("ends where a value was expected.");
    if (token.type === "number") return { kind: "literal", value: token.value };
    if (token.type === "string") return { kind: "literal", value: token.value };
    if (token.type === "symbol") {
      if (token.value === "(") {
        const inner = this.additive();
        this.requireSymbol(")");
        return inner;
      }
      throw whereError(`has '${token.value}' where a value was expected.`);
    }
    if (token.quoted) return { kind: "field", name: token.value };
    const upper = token.value.toUpperCase();
    if (upper === "NULL") return { kind: "literal", value: null };
    if ((upper === "DATE" || upper === "TIMESTAMP") && this.peek()?.type === "string") {
      const text = String(this.next()!.value);
      return { kind: "literal", value: parseDateLiteral(text) };
    }
    if (FUNCTIONS.has(upper) && this.isSymbol("(")) {
      this.position += 1;
      const argument = this.additive();
      this.requireSymbol(")");
      return { kind: "function", name: upper as "UPPER" | "LOWER" | "CHAR_LENGTH", argument };
    }
    if (this.isSymbol("(")) throw whereError(`uses the unsupported function ${token.value}.`);
    if (["AND", "OR", "NOT", "IN", "IS", "LIKE", "BETWEEN"].includes(upper)) {
      throw whereError(`has ${upper} where a value was expected.`);
    }
    return { kind: "field", name: token.value };
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(): Token | undefined {
    const token = this.tokens[this.position];
    if (token) this.position += 1;
    return token;
  }

  private keyword(word: string): boolean {
    const token = this.peek();
    if (token?.type === "word" && !token.quoted && token.value.toUpperCase() === word) {
      this.position += 1;
      return true;
    }
    return false;
  }

  private requireKeyword(word: string): void {
    if (!this.keyword(word)) throw whereError(`expects ${word}.`);
  }

  private isSymbol(symbol: string): boolean {
    const token = this.peek();
    return token?.type === "symbol" && token.value === symbol;
  }

  private symbol(symbol: string): boolean {
    if (!this.isSymbol(symbol)) return false;
    this.position += 1;
    return true;
  }

  private requireSymbol(symbol: string): void {
    if (!this.symbol(symbol)) throw whereError(`expects '${symbol}'.`);
  }
}

/** `DATE '2024-01-31'` and `TIMESTAMP '2024-01-31 12:00:00'` become epoch milliseconds (UTC). */
function parseDateLiteral(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?$/.exec(
    text.trim(),
  );
  if (!match) throw whereError(`has a date that is not 'YYYY-MM-DD[ HH:MM:SS]': '${text}'.`);
  const [, year, month, day, hour = "0", minute = "0", second = "0"] = match;
  const value = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
  if (!Number.isFinite(value)) throw whereError(`has an invalid date '${text}'.`);
  return value;
}
