// The declarations that carry over after a cell stopped part way (an exception or an
// interrupt). tslab type-checks each cell against a .d.ts of everything declared before it; a
// cell that ran to the end replaces it with the .d.ts the compiler wrote for the cell. A cell
// that stopped keeps, for each name it declares, its new declaration only when the value was
// actually assigned before it stopped, and otherwise the declaration from before the cell
// (if any), whose value is still in place. Types (interfaces, aliases) always carry over.
import { tslabTypeScript as ts } from "./tslab-typescript";
import type * as TypeScript from "@tslab/typescript-for-tslab";
import type { CellAnalysis } from "./cell-analysis";

/** One declared name and the declaration text that defines it on its own. */
interface NamedDeclaration {
  name: string;
  text: string;
}

function importDeclarations(
  statement: TypeScript.ImportDeclaration,
  file: TypeScript.SourceFile,
): NamedDeclaration[] {
  const clause = statement.importClause;
  const from = statement.moduleSpecifier.getText(file);
  if (!clause) return [];
  const found: NamedDeclaration[] = [];
  if (clause.name) {
    found.push({ name: clause.name.text, text: `import ${clause.name.text} from ${from};` });
  }
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) {
    const name = bindings.name.text;
    found.push({ name, text: `import * as ${name} from ${from};` });
  } else if (bindings) {
    for (const element of bindings.elements) {
      found.push({
        name: element.name.text,
        text: `import { ${element.getText(file)} } from ${from};`,
      });
    }
  }
  return found;
}

function variableDeclarations(
  statement: TypeScript.VariableStatement,
  file: TypeScript.SourceFile,
): NamedDeclaration[] {
  const declarations = statement.declarationList.declarations;
  const first = declarations[0];
  if (!first) return [];
  // "declare const " / "let ": everything before the first declarator.
  const head = file.text.slice(statement.getStart(file), first.getStart(file));
  return declarations.flatMap((declaration) =>
    ts.isIdentifier(declaration.name)
      ? [{ name: declaration.name.text, text: `${head}${declaration.getText(file)};` }]
      : [],
  );
}

/** Per statement of a .d.ts: its declarations by name, or the statement alone if it names none. */
function declarationsOf(source: string): (NamedDeclaration | { name: undefined; text: string })[] {
  const file = ts.createSourceFile("decls.d.ts", source, ts.ScriptTarget.Latest, true);
  return file.statements.flatMap((statement) => {
    if (ts.isVariableStatement(statement)) return variableDeclarations(statement, file);
    if (ts.isImportDeclaration(statement)) return importDeclarations(statement, file);
    const named = statement as TypeScript.Statement & { name?: TypeScript.Node };
    const name = named.name && ts.isIdentifier(named.name) ? named.name.text : undefined;
    return [{ name, text: statement.getText(file) }];
  });
}

export interface PartialRun {
  /** The declarations before the cell ran. */
  previous: string;
  /** The declarations the compiler wrote for the whole cell (new ones plus the remaining old). */
  afterCell: string;
  cell: CellAnalysis;
  /** Names the cell assigned before it stopped. */
  assigned: ReadonlySet<string>;
}

export function declarationsAfterPartialRun({
  previous,
  afterCell,
  cell,
  assigned,
}: PartialRun): string {
  const declaredByCell = (name: string) =>
    cell.valueNames.has(name) || cell.typeOnlyNames.has(name);
  const kept: string[] = [];
  for (const declaration of declarationsOf(afterCell)) {
    const { name } = declaration;
    const keep =
      name === undefined ||
      !declaredByCell(name) ||
      cell.typeOnlyNames.has(name) ||
      assigned.has(name);
    if (keep) kept.push(declaration.text);
  }
  for (const declaration of declarationsOf(previous)) {
    const { name } = declaration;
    if (name !== undefined && cell.valueNames.has(name) && !assigned.has(name)) {
      kept.push(declaration.text);
    }
  }
  return kept.join("\n") + "\n";
}
