// When the JupyterLab front end (and the extension, and the exported map page) is rebuilt: only
// when the contents of its inputs or the locked versions changed, so that `npm start` and
// `npm test` skip a build that is current. The decision runs on a temporary folder with a build
// that only counts its calls, so no webpack build runs here.
import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const freshness = require("../../labextension/scripts/freshness.cjs") as {
  inputsDigest(paths: string[], values?: unknown): string;
  buildUnlessCurrent(
    step: { what: string; output: string; digest: string; stamps: string; force?: boolean },
    build: () => void,
  ): boolean;
};

let dir: string;
let builds: number;
let log: jest.SpyInstance;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tsgis-freshness-"));
  mkdirSync(join(dir, "app"));
  writeFileSync(join(dir, "app", "index.js"), "export const a = 1;\n");
  writeFileSync(join(dir, "app", "plugins.js"), "export default [];\n");
  builds = 0;
  log = jest.spyOn(console, "log").mockImplementation(() => undefined);
});

afterEach(() => {
  log.mockRestore();
  rmSync(dir, { recursive: true, force: true });
});

/** One `build-lab` run of the front-end step over the temporary inputs. */
function buildFrontEnd(versions: unknown = { core: "4.0.0" }, force = false): boolean {
  const output = join(dir, "dist", "app", "main.js");
  const digest = freshness.inputsDigest([join(dir, "app")], versions);
  return freshness.buildUnlessCurrent(
    { what: "front end", output, digest, stamps: join(dir, "dist", "stamps"), force },
    () => {
      builds += 1;
      mkdirSync(join(dir, "dist", "app"), { recursive: true });
      writeFileSync(output, `// build ${builds}\n`);
    },
  );
}

describe("front-end rebuild decision", () => {
  it("builds once, then skips a second run with unchanged inputs", () => {
    expect(buildFrontEnd()).toBe(true);
    expect(buildFrontEnd()).toBe(false);
    expect(builds).toBe(1);
    expect(log).toHaveBeenCalledWith("front end: up to date");
  });

  it("does not rebuild when an input is only touched (a newer time, the same contents)", () => {
    buildFrontEnd();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, "app", "index.js"), later, later);
    expect(buildFrontEnd()).toBe(false);
    expect(builds).toBe(1);
  });

  it("rebuilds when an input's contents change, then is current again", () => {
    buildFrontEnd();
    writeFileSync(join(dir, "app", "index.js"), "export const a = 2;\n");
    expect(buildFrontEnd()).toBe(true);
    expect(buildFrontEnd()).toBe(false);
    expect(builds).toBe(2);
  });

  it("rebuilds when an input is added or removed", () => {
    buildFrontEnd();
    writeFileSync(join(dir, "app", "extra.js"), "");
    expect(buildFrontEnd()).toBe(true);
    rmSync(join(dir, "app", "extra.js"));
    expect(buildFrontEnd()).toBe(true);
    expect(builds).toBe(3);
  });

  it("rebuilds when the locked versions change", () => {
    buildFrontEnd({ core: "4.0.0" });
    expect(buildFrontEnd({ core: "4.0.1" })).toBe(true);
    expect(builds).toBe(2);
  });

  it("rebuilds when the output is gone, or with force", () => {
    buildFrontEnd();
    rmSync(join(dir, "dist", "app"), { recursive: true });
    expect(buildFrontEnd()).toBe(true);
    expect(buildFrontEnd(undefined, true)).toBe(true);
    expect(builds).toBe(3);
  });

  it("ignores node_modules and compiler caches under an input folder", () => {
    buildFrontEnd();
    mkdirSync(join(dir, "app", "node_modules"));
    writeFileSync(join(dir, "app", "node_modules", "x.js"), "changed");
    writeFileSync(join(dir, "app", "tsconfig.tsbuildinfo"), "{}");
    expect(buildFrontEnd()).toBe(false);
  });

  it("retries a build that failed: no stamp is written", () => {
    const output = join(dir, "dist", "app", "main.js");
    const step = { what: "front end", output, digest: "d", stamps: join(dir, "stamps") };
    expect(() =>
      freshness.buildUnlessCurrent(step, () => {
        throw new Error("webpack failed");
      }),
    ).toThrow("webpack failed");
    expect(buildFrontEnd()).toBe(true);
  });
});
