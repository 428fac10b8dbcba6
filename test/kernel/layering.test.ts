// The client's layering is kept by lint rules (eslint.config.mjs); this checks that those rules
// exist and bite: a REST function that reaches into a facade or HTTP directly is refused, while
// what the layers are meant to do passes.
import { spawnSync } from "child_process";
import path from "path";

const root = path.join(__dirname, "..", "..");
const eslintCli = path.join(root, "node_modules", "eslint", "bin", "eslint.js");

/** What eslint's CLI (the project's own config) says about `code` placed at `relativePath`. */
function restrictedImports(relativePath: string, code: string): string[] {
  // The CLI, not the ESLint class: the flat config is an ES module, which jest's VM cannot load.
  const run = spawnSync(
    process.execPath,
    [eslintCli, "--format", "json", "--stdin", "--stdin-filename", relativePath],
    { cwd: root, input: code, encoding: "utf8" },
  );
  const [result] = JSON.parse(run.stdout) as {
    messages: { ruleId: string | null; message: string }[];
  }[];
  return result.messages
    .filter((message) => message.ruleId === "@typescript-eslint/no-restricted-imports")
    .map((message) => message.message);
}

describe("the kernel's layers", () => {
  jest.setTimeout(60_000);

  it("lets only session/ import axios", () => {
    const code = 'import axios from "axios";\nexport const client = axios;\n';
    expect(restrictedImports("kernel/src/content/probe.ts", code)).toEqual([
      expect.stringMatching(/Only kernel\/src\/session\/ talks HTTP/),
    ]);
    expect(restrictedImports("kernel/src/rest/probe.ts", code)).toHaveLength(1);
    expect(restrictedImports("kernel/src/session/probe.ts", code)).toEqual([]);
  });

  it("keeps rest/ on session/ alone, resource types excepted", () => {
    const facade = 'import { Item } from "../content/item";\nexport const made = Item;\n';
    expect(restrictedImports("kernel/src/rest/probe.ts", facade)).toEqual([
      expect.stringMatching(/rest\/ depends on session\/ only/),
    ]);
    const allowed =
      'import type { ItemJSON } from "../content/item-json";\n' +
      'import type { Session } from "../session/session";\n' +
      'import { userContentUrl } from "./content-urls";\n' +
      "export type Pair = [ItemJSON, Session, typeof userContentUrl];\n";
    expect(restrictedImports("kernel/src/rest/probe.ts", allowed)).toEqual([]);
  });
});
