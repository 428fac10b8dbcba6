import { type WhereNode, type WhereValue, whereError } from "./where-parser";

/** How a field name in a where clause reads from the features table. */
export type FieldResolver = (name: string) => { sql: string; params: unknown[] } | undefined;

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** Turns a parsed where clause into SQLite with bound parameters; unknown fields are refused. */
export function whereToSql(node: WhereNode, resolve: FieldResolver): SqlFragment {
  const params: unknown[] = [];
  const value = (item: WhereValue): string => valueToSql(item, resolve, params);
  const condition = (item: WhereNode): string => {
    switch (item.kind) {
      case "and":
      case "or":
        return `(${condition(item.left)} ${item.kind.toUpperCase()} ${condition(item.right)})`;
      case "not":
        return `(NOT ${condition(item.operand)})`;
      case "compare":
        return `(${value(item.left)} ${item.operator} ${value(item.right)})`;
      case "in":
        return `(${value(item.value)} ${item.negated ? "NOT IN" : "IN"} (${item.list.map(value).join(", ")}))`;
      case "between":
        return `(${value(item.value)} ${item.negated ? "NOT BETWEEN" : "BETWEEN"} ${value(item.low)} AND ${value(item.high)})`;
      case "like": {
        const base = `${value(item.value)} ${item.negated ? "NOT LIKE" : "LIKE"} ${value(item.pattern)}`;
        if (item.escape === undefined) return `(${base})`;
        params.push(item.escape);
        return `(${base} ESCAPE ?)`;
      }
      case "isNull":
        return `(${value(item.value)} IS ${item.negated ? "NOT " : ""}NULL)`;
    }
  };
  const sql = condition(node);
  return { sql, params };
}

function valueToSql(item: WhereValue, resolve: FieldResolver, params: unknown[]): string {
  switch (item.kind) {
    case "literal":
      if (item.value === null) return "NULL";
      params.push(item.value);
      return "?";
    case "field": {
      const field = resolve(item.name);
      if (!field) throw whereError(`names an unknown field '${item.name}'.`);
      params.push(...field.params);
      return field.sql;
    }
    case "function": {
      const argument = valueToSql(item.argument, resolve, params);
      return item.name === "CHAR_LENGTH" ? `LENGTH(${argument})` : `${item.name}(${argument})`;
    }
    case "arithmetic":
      return `(${valueToSql(item.left, resolve, params)} ${item.operator} ${valueToSql(item.right, resolve, params)})`;
    case "negate":
      return `(-${valueToSql(item.operand, resolve, params)})`;
  }
}
