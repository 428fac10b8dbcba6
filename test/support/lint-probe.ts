// Lints a probe file's text with the project's own eslint config, as if it were the file at a
// repository path: how the layering tests show that a lint rule bites where it should.
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const ESLINT_CLI = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");

export interface LintMessage {
  ruleId: string | null;
  message: string;
}

/** What eslint reports for `source` placed at `file` (repository-relative). */
export function lintProbe(file: string, source: string): LintMessage[] {
  // The CLI, not the ESLint class: the flat config is an ES module, which jest's VM cannot load.
  const run = spawnSync(
    process.execPath,
    [ESLINT_CLI, "--format", "json", "--stdin", "--stdin-filename", file],
    { cwd: ROOT, input: source, encoding: "utf8" },
  );
  if (!run.stdout) throw new Error(`eslint printed nothing: ${run.stderr}`);
  const [report] = JSON.parse(run.stdout) as { messages: LintMessage[] }[];
  return report.messages;
}

/** The messages of the import-restriction rules (core or typescript-eslint) for the probe. */
export function restrictedImports(file: string, source: string): string[] {
  return lintProbe(file, source)
    .filter((entry) => /(^|\/)no-restricted-imports$/.test(entry.ruleId ?? ""))
    .map((entry) => entry.message);
}

/** The messages of the syntax-restriction rule for the probe. */
export function restrictedSyntax(file: string, source: string): string[] {
  return lintProbe(file, source)
    .filter((entry) => entry.ruleId === "no-restricted-syntax")
    .map((entry) => entry.message);
}
