import { restrictedImports } from "../support/lint-probe";

/** The lint rules that keep the layering (eslint.config.mjs) bite where they should, only there. */
describe("the portal's layering lint rules", () => {
  const portalImports = [
    'import { invalidParameter } from "../server/arcgis-error";',
    'import type { ItemStore } from "../store/item-store";',
    'import type { PortalDatabase } from "../db/open-database";',
    'import type { FastifyRequest } from "fastify";',
    'import Database from "better-sqlite3";',
  ];

  it("keeps server/, store/, db/, fastify and better-sqlite3 out of portal/src/model", () => {
    for (const line of portalImports) {
      const messages = restrictedImports(
        "portal/src/model/probe.ts",
        `${line}\nexport const used = 1;\n`,
      );
      expect({ line, restricted: messages.length > 0 }).toEqual({ line, restricted: true });
    }
  }, 60000);

  it("lets the routes import them", () => {
    const source = `${portalImports.join("\n")}\nexport const used = 1;\n`;
    expect(restrictedImports("portal/src/routes/probe.ts", source)).toEqual([]);
  }, 60000);
});
