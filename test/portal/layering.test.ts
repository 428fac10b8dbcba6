import { execFile } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const ESLINT = path.join(ROOT, "node_modules", ".bin", "eslint");

/** The rule ids eslint reports for `source` as if it were the file at `file` (repo-relative). */
function lintAs(file: string, source: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      ESLINT,
      ["--stdin", "--stdin-filename", file, "--format", "json"],
      { cwd: ROOT },
      (error, stdout) => {
        // eslint exits 1 when it reports problems; only a missing report is a failure here.
        if (!stdout) return reject(error ?? new Error("eslint printed nothing"));
        const [report] = JSON.parse(stdout) as { messages: { ruleId: string | null }[] }[];
        resolve(report.messages.map((message) => message.ruleId ?? "fatal"));
      },
    );
    child.stdin?.end(source);
  });
}

/** The lint rules that keep the layering (eslint.config.mjs) bite where they should, only there. */
describe("layering lint rules", () => {
  const portalImports = [
    'import { invalidParameter } from "../server/arcgis-error";',
    'import type { ItemStore } from "../store/item-store";',
    'import type { PortalDatabase } from "../db/open-database";',
    'import type { FastifyRequest } from "fastify";',
    'import Database from "better-sqlite3";',
  ];

  it("keeps server/, store/, db/, fastify and better-sqlite3 out of portal/src/model", async () => {
    for (const line of portalImports) {
      const rules = await lintAs("portal/src/model/probe.ts", `${line}\nexport const used = 1;\n`);
      expect({ line, restricted: rules.includes("no-restricted-imports") }).toEqual({
        line,
        restricted: true,
      });
    }
  }, 60000);

  it("lets the routes import them", async () => {
    const source = `${portalImports.join("\n")}\nexport const used = 1;\n`;
    const rules = await lintAs("portal/src/routes/probe.ts", source);
    expect(rules).not.toContain("no-restricted-imports");
  }, 60000);

  it("lets only kernel/src/session import axios", async () => {
    const source = 'import axios from "axios";\nexport const used = axios;\n';
    expect(await lintAs("kernel/src/content/probe.ts", source)).toEqual(["no-restricted-imports"]);
    expect(await lintAs("kernel/src/session/probe.ts", source)).toEqual([]);
  }, 60000);
});
