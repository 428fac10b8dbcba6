// The client's layering is kept by lint rules (eslint.config.mjs); this checks that those rules
// exist and bite: a REST function that reaches into a facade or HTTP directly is refused, while
// what the layers are meant to do passes.
import { restrictedImports, restrictedSyntax } from "../support/lint-probe";

describe("the kernel's layers", () => {
  jest.setTimeout(60_000);

  it("lets only session/ import axios", () => {
    const code = 'import axios from "axios";\nexport const client = axios;\n';
    expect(restrictedImports("kernel/src/content/probe.ts", code)).toEqual([
      expect.stringMatching(/Only kernel\/src\/session\/ talks HTTP/),
    ]);
    expect(restrictedImports("kernel/src/rest/probe.ts", code)).toHaveLength(1);
    expect(restrictedImports("kernel/src/session/probe.ts", code)).toEqual([]);
    const subpath = 'import { AxiosError } from "axios/index";\nexport const kind = AxiosError;\n';
    expect(restrictedImports("kernel/src/content/probe.ts", subpath)).toHaveLength(1);
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

  it("lets only rest/ call the session", () => {
    const calls = [
      'export const a = (gis: any) => gis.session.post("content/x", {});',
      'export const b = (session: any) => session.get("portals/self");',
      'export class C { #session: any; go() { return this.#session.request("x", {}); } }',
    ];
    for (const code of calls) {
      expect(restrictedSyntax("kernel/src/content/probe.ts", code)).toEqual([
        expect.stringMatching(/Only kernel\/src\/rest\/ calls the session/),
      ]);
      expect(restrictedSyntax("kernel/src/rest/probe.ts", code)).toEqual([]);
    }
    // Handing the session to a rest/ function is what a facade does.
    const handing = 'export const d = (gis: any, f: any) => f(gis.session, "id");';
    expect(restrictedSyntax("kernel/src/content/probe.ts", handing)).toEqual([]);
  });
});
