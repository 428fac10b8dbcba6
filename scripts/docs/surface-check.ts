import path from "node:path";
import type * as TypeScript from "typescript";
import { builtPackageOptions, compileInMemory, loadTslabCompiler } from "./compiler";
import type { InventoryRow } from "./inventory";

/**
 * The variable names the inventory's TypeScript forms use for instances, and their classes
 * (the inventory says which: "categories" below is one, "datastores" below is this, …).
 */
const RECEIVER_CLASSES: Record<string, string> = {
  gis: "GIS",
  item: "Item",
  user: "User",
  group: "Group",
  datastore: "Datastore",
  role: "Role",
  layer: "Layer",
  application: "GroupApplication",
  categories: "CategorySchemaManager",
  datastores: "DatastoreManager",
  profiles: "ProfileManager",
  certificates: "CertificateManager",
  licenses: "LicenseManager",
  license: "License",
  logs: "Logs",
  system: "System",
  machines: "Machines",
  machine: "Machine",
  federation: "Federation",
  servers: "ServerManager",
  credits: "CreditManager",
  reports: "AGOLUsageReports",
};

/** Cannot find name 'x' (2304, 2552 with a suggestion); no value for shorthand property 'x' (18004). */
const FREE_NAME_CODES = new Set([2304, 2552, 18004]);

/** Whether one inventory row's TypeScript form type-checks against the built package. */
export interface RowCheck {
  row: InventoryRow;
  implemented: boolean;
  /** The first compiler message when it does not. */
  reason: string | null;
}

/** The inventory's TypeScript form without its trailing note. */
export function formCode(form: string): string {
  return form.split("//")[0].trim();
}

/** The note after `//` in a TypeScript form, if any. */
export function formNote(form: string): string | null {
  const at = form.indexOf("//");
  return at < 0 ? null : form.slice(at + 2).trim();
}

/**
 * Turns a TypeScript form into statements: prose around the code goes ("reached through",
 * "usually from", "or"), optional markers (`opts?`, `{ … }?`) and rest markers (`...`) too.
 */
export function formStatements(form: string): string[] {
  return formCode(form)
    .replace(/^\(reached through (.+)\)$/, "$1")
    .replace(/;\s*usually from\s+/g, "; ")
    .replace(/\s+or\s+/g, "; ")
    .replace(/\?(?=\s*[,)])/g, "")
    .replace(/,\s*\.\.\.\s*(?=[}\]])/g, " ")
    .split(";")
    .map((statement) => statement.trim())
    .filter((statement) => statement !== "");
}

function rowFunction(row: InventoryRow, classNames: Set<string>): string {
  const statements = formStatements(row.typescriptForm);
  const code = statements.join("; ");
  const lines: string[] = [];
  const receivers = new Set<string>();
  for (const match of code.matchAll(/(?<![\w.$])([A-Za-z_]\w*)\s*\./g)) receivers.add(match[1]);
  for (const name of receivers) {
    const className = RECEIVER_CLASSES[name];
    if (className) lines.push(`const ${name} = null as unknown as tsgis.${className};`);
  }
  const used = new Set([...code.matchAll(/(?<![\w.$])([A-Z]\w*)/g)].map((m) => m[1]));
  if (row.kind === "class") used.add(row.className);
  for (const name of used) if (classNames.has(name)) lines.push(`const ${name} = tsgis.${name};`);
  if (row.kind === "class") lines.push(`void ${row.className};`);
  for (const statement of statements) lines.push(`void (${statement});`);
  return `export async function row${row.index}(): Promise<void> {\n  ${lines.join("\n  ")}\n}`;
}

/**
 * Type-checks every row's TypeScript form against the built `tsgis` declarations
 * (kernel/dist through kernel/package.json "types"): a row is implemented when its form
 * compiles. Free names in a form (parameters such as `comment`) are declared `any`.
 */
export function checkRows(root: string, rows: InventoryRow[]): RowCheck[] {
  const ts = loadTslabCompiler(root);
  const classNames = new Set(rows.map((row) => row.className));
  const file = path.join(root, "scripts", "docs", "__inventory_surface__.ts");
  const body = rows.map((row) => rowFunction(row, classNames)).join("\n");
  const options: TypeScript.CompilerOptions = {
    ...builtPackageOptions(ts, root, ts.ModuleKind.CommonJS),
    // No DOM: its globals (`name`, `location`, `status`) would shadow a form's parameters.
    lib: ["lib.es2022.d.ts"],
  };

  const compile = (source: string, old?: TypeScript.Program) => {
    const program = compileInMemory(ts, options, new Map([[file, source]]), old);
    const sourceFile = program.getSourceFile(file)!;
    return { program, sourceFile, diagnostics: ts.getPreEmitDiagnostics(program, sourceFile) };
  };

  const header = 'import * as tsgis from "tsgis";\n';
  let result = compile(header + body);
  const resolution = result.diagnostics.find((d) => d.code === 2307);
  if (resolution) {
    throw new Error(
      `tsgis does not resolve (${ts.flattenDiagnosticMessageText(resolution.messageText, " ")}): run \`npm run build\` first`,
    );
  }
  // Names a form uses without defining them are its parameters: declare them and check again.
  const free = new Set<string>();
  for (let pass = 0; pass < 3; pass++) {
    const before = free.size;
    for (const d of result.diagnostics) {
      if (!FREE_NAME_CODES.has(d.code)) continue;
      const name = /'([^']+)'/.exec(ts.flattenDiagnosticMessageText(d.messageText, " "))?.[1];
      if (name && !classNames.has(name)) free.add(name);
    }
    if (free.size === before) break;
    const declarations = [...free].map((name) => `declare const ${name}: any;`).join("\n");
    result = compile(`${header}${declarations}\n${body}`, result.program);
  }
  const second = result;

  const reasons = new Map<number, string>();
  for (const d of second.diagnostics) {
    if (d.start === undefined) continue;
    const node = findRowFunction(ts, second.sourceFile, d.start);
    const index = node ? Number(/^row(\d+)$/.exec(node)?.[1]) : NaN;
    const message = ts.flattenDiagnosticMessageText(d.messageText, " ");
    if (Number.isNaN(index)) throw new Error(`inventory surface does not compile: ${message}`);
    if (!reasons.has(index)) reasons.set(index, message);
  }
  return rows.map((row) => ({
    row,
    implemented: !reasons.has(row.index),
    reason: reasons.get(row.index) ?? null,
  }));
}

function findRowFunction(
  ts: typeof TypeScript,
  sourceFile: TypeScript.SourceFile,
  position: number,
): string | null {
  for (const statement of sourceFile.statements) {
    if (
      ts.isFunctionDeclaration(statement) &&
      statement.name &&
      statement.getStart(sourceFile) <= position &&
      position < statement.end
    ) {
      return statement.name.text;
    }
  }
  return null;
}
