// What a cell's source declares at its top level and whether it awaits there, read from the
// syntax tree alone (no type check), for the REPL executor.
import { tslabTypeScript as ts } from "./tslab-typescript";
import type * as TypeScript from "@tslab/typescript-for-tslab";

export interface CellAnalysis {
  /** Names declared at the top level that exist at run time (variables, functions, classes, …). */
  valueNames: Set<string>;
  /** Names that only exist for the type checker (interfaces, type aliases, type-only imports). */
  typeOnlyNames: Set<string>;
  /** An `await` or `for await` outside any function: the cell must run as an async function. */
  awaitsAtTopLevel: boolean;
}

function bindingNames(name: TypeScript.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) {
    into.add(name.text);
    return;
  }
  for (const element of name.elements) {
    if (!ts.isOmittedExpression(element)) bindingNames(element.name, into);
  }
}

/** Type-only imports (`import type`, `{ type X }`) have no value to wait for. */
function importNames(
  statement: TypeScript.ImportDeclaration,
  values: Set<string>,
  types: Set<string>,
): void {
  const clause = statement.importClause;
  if (!clause) return;
  const into = clause.isTypeOnly ? types : values;
  if (clause.name) into.add(clause.name.text);
  const bindings = clause.namedBindings;
  if (!bindings) return;
  if (ts.isNamespaceImport(bindings)) into.add(bindings.name.text);
  else {
    for (const element of bindings.elements) {
      (element.isTypeOnly ? types : into).add(element.name.text);
    }
  }
}

function collectDeclaredNames(file: TypeScript.SourceFile): Omit<CellAnalysis, "awaitsAtTopLevel"> {
  const valueNames = new Set<string>();
  const typeOnlyNames = new Set<string>();
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        bindingNames(declaration.name, valueNames);
      }
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      valueNames.add(statement.name.text);
    } else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) {
      valueNames.add(statement.name.text);
    } else if (ts.isImportDeclaration(statement)) {
      importNames(statement, valueNames, typeOnlyNames);
    } else if (ts.isImportEqualsDeclaration(statement)) {
      valueNames.add(statement.name.text);
    } else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      typeOnlyNames.add(statement.name.text);
    }
  }
  return { valueNames, typeOnlyNames };
}

/** Function bodies (and class members) have their own `await` rules; the cell's top level ends there. */
function startsNewFunctionScope(node: TypeScript.Node): boolean {
  return ts.isFunctionLike(node) || ts.isClassLike(node) || ts.isModuleDeclaration(node);
}

function awaitsAtTopLevel(node: TypeScript.Node): boolean {
  if (ts.isAwaitExpression(node)) return true;
  if (ts.isForOfStatement(node) && node.awaitModifier) return true;
  if (startsNewFunctionScope(node)) return false;
  return ts.forEachChild(node, (child) => (awaitsAtTopLevel(child) ? true : undefined)) ?? false;
}

export function analyzeCell(source: string): CellAnalysis {
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.Latest, true);
  return { ...collectDeclaredNames(file), awaitsAtTopLevel: awaitsAtTopLevel(file) };
}
