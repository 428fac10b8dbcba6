import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// tslab type-checks notebook cells with TypeScript 5.0 and loads packages with require():
// the built package must satisfy both, whatever compiler built it.
const root = path.join(__dirname, "..", "..");
const kernelDir = path.join(root, "kernel");
const manifest = JSON.parse(fs.readFileSync(path.join(kernelDir, "package.json"), "utf8")) as {
  main?: string;
  types?: string;
};

function requireBuilt(file: string): void {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
}

describe("the built tsgis package", () => {
  it("declares top-level main and types that exist", () => {
    expect(manifest.main).toBe("dist/index.js");
    expect(manifest.types).toBe("dist/index.d.ts");
    requireBuilt(path.join(kernelDir, manifest.main!));
    requireBuilt(path.join(kernelDir, manifest.types!));
  });

  it("loads with require()", () => {
    requireBuilt(path.join(kernelDir, manifest.main!));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tsgis = require(path.join(kernelDir, manifest.main!)) as Record<string, unknown>;
    expect(typeof tsgis.GIS).toBe("function");
    expect(typeof (tsgis.GIS as { connect?: unknown }).connect).toBe("function");
    expect(typeof tsgis.ArcGISError).toBe("function");
    expect(tsgis.env).toEqual({ activeGis: null });
  });

  it("type-checks a consumer with TypeScript 5.0, the compiler tslab uses", () => {
    requireBuilt(path.join(kernelDir, manifest.types!));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ts = require("@tslab/typescript-for-tslab") as typeof import("typescript");
    expect(ts.version).toMatch(/^5\.0\./);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsgis-consumer-"));
    const consumer = path.join(dir, "consumer.ts");
    fs.writeFileSync(
      consumer,
      [
        'import { GIS, ArcGISError, env, User } from "tsgis";',
        "export async function main(): Promise<string[]> {",
        '  const gis: GIS = await GIS.connect({ url: "https://gis.example.com/portal", verifyCert: false });',
        "  const me: User | null = gis.users.me;",
        "  const version: number[] = gis.version;",
        "  const settings: Record<string, unknown> = await gis.getOrgSettings();",
        "  const ok: boolean = await gis.updateProperties({ description: 'x' });",
        "  try { await gis.setOrgSettings({}); } catch (e) { if (e instanceof ArcGISError) return [e.message, String(e.code), e.url]; }",
        "  void env.activeGis; void settings; void ok;",
        "  return [gis.url, String(gis.properties.name), me?.username ?? '', version.join('.')];",
        "}",
        "// @ts-expect-error: options are checked, unknown ones are errors",
        'void GIS.connect({ user_name: "x" });',
      ].join("\n"),
    );
    const program = ts.createProgram([consumer], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.NodeJs,
      esModuleInterop: true,
      skipLibCheck: false,
      types: ["node"],
      typeRoots: [path.join(root, "node_modules", "@types")],
      baseUrl: root,
      paths: { tsgis: [kernelDir] },
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    fs.rmSync(dir, { recursive: true, force: true });
    expect(diagnostics).toEqual([]);
  });
});
