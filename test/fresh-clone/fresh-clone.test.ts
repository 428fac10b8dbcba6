// First contact, as a new user meets the project: a clone of the committed tree in an empty
// temporary folder (no shared/ beside it), `npm ci`, the documented commands right after the
// install, the docs generated from the clone alone, a native module repaired or reported with its
// fix, and a notebook in a folder of its own (outside the clone) that imports tsgis on the tsgis
// kernel. It tests what is committed: uncommitted changes are not in the clone.
import { spawn } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { runAsync, type Finished } from "../support/jupyter-sandbox";

const root = path.join(__dirname, "..", "..");
// Debian's Jupyter packages are importable only by the system interpreter, not pyenv's python3.
const python = "/usr/bin/python3";
const runner = path.join(root, "test", "notebooks", "run_notebooks.py");
const install = 25 * 60 * 1000;
const generous = 10 * 60 * 1000;

let sandbox: string;
let clone: string;

/**
 * The environment of a user's shell: what `npm test` adds for its own scripts (npm_* settings,
 * the workspace's node_modules/.bin on PATH) would make the clone use this checkout's tools.
 */
function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.toLowerCase().startsWith("npm_")) env[name] = value;
  }
  env.PATH = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((dir) => !dir.includes(`${path.sep}node_modules${path.sep}`))
    .join(path.delimiter);
  return { ...env, ...extra };
}

/** Runs a command to its end without blocking the test process. */
function run(command: string, args: string[], cwd: string, env = userEnv()): Promise<Finished> {
  return runAsync(command, args, { cwd, env });
}

async function succeed(command: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv) {
  const finished = await run(command, args, cwd, env);
  if (finished.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited ${finished.status}:\n${finished.stdout}\n${finished.stderr}`,
    );
  }
  return finished;
}

beforeAll(async () => {
  sandbox = mkdtempSync(path.join(tmpdir(), "tsgis-fresh-clone-"));
  clone = path.join(sandbox, "tsgis");
  await succeed("git", ["clone", "--quiet", "--no-hardlinks", root, clone], sandbox);
  // The npm cache already holds every package this checkout installed; the registry is asked
  // only for what it lacks.
  await succeed("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"], clone);
}, install);

afterAll(() => {
  // The clone holds a full node_modules (over a gigabyte): deleting it file by file takes
  // minutes on a disk mounted with discard, so it goes on after the test run ends.
  if (sandbox) spawn("rm", ["-rf", sandbox], { detached: true, stdio: "ignore" }).unref();
});

describe("a fresh clone on its own", () => {
  it("has nothing beside it", () => {
    expect(readdirSync(sandbox)).toEqual(["tsgis"]);
  });

  it.each([
    ["tsgis-kernel", /tsgis-kernel install \[--user \| --prefix DIR\]/],
    ["tsgis-portal", /--demo\s+seed a demo organisation/],
    ["tsgis-lab", /tsgis-lab install/],
  ])(
    "answers `npx %s --help` right after npm ci",
    async (command, usage) => {
      const finished = await succeed("npx", ["--no-install", command, "--help"], clone);
      expect(finished.stdout).toMatch(usage);
    },
    generous,
  );

  it(
    "generates docs/from-python.md from the clone alone, as committed",
    async () => {
      await succeed("npx", ["tsc", "-b", "tsconfig.build.json"], clone);
      await succeed("npx", ["jest", "--ci", "test/docs/from-python.test.ts"], clone);
    },
    generous,
  );
});

describe("native modules after the install", () => {
  const kerberosBuild = (): string => path.join(clone, "node_modules", "kerberos", "build");

  it(
    "rebuilds one that does not load",
    async () => {
      rmSync(kerberosBuild(), { recursive: true, force: true });
      const finished = await succeed("node", ["scripts/ensure-npm.js"], clone);
      expect(finished.stdout).toMatch(/Rebuilding kerberos/);
      await succeed("node", ["-e", 'require("kerberos")'], clone);
    },
    generous,
  );

  it(
    "stops with the fix when the rebuild cannot help",
    async () => {
      rmSync(kerberosBuild(), { recursive: true, force: true });
      // No working compiler: the situation of a machine without the build tools.
      const broken = userEnv({ CC: "false", CXX: "false" });
      const finished = await run("node", ["scripts/ensure-npm.js"], clone, broken);
      expect(finished.status).toBe(1);
      expect(finished.stderr).toMatch(/kerberos: .*\n\s+needs the Debian package libkrb5-dev/);
      expect(finished.stderr).toMatch(/npm rebuild kerberos/);
      await succeed("npm", ["rebuild", "kerberos"], clone);
    },
    generous,
  );
});

describe("a notebook outside the repository", () => {
  let jupyterEnv: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const prefix = path.join(sandbox, "jupyter");
    jupyterEnv = userEnv({
      JUPYTER_PATH: path.join(prefix, "share", "jupyter"),
      JUPYTER_DATA_DIR: path.join(prefix, "data"),
      JUPYTER_CONFIG_DIR: path.join(prefix, "config"),
      JUPYTER_RUNTIME_DIR: path.join(prefix, "runtime"),
      JUPYTER_PLATFORM_DIRS: "1",
    });
    await succeed("npx", ["--no-install", "tsgis-kernel", "install", "--prefix", prefix], clone);
  }, generous);

  /** A one-notebook folder outside the clone whose cells check where tsgis came from. */
  function writeNotebook(folder: string, cells: string[]): string {
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, "analysis.ipynb");
    const notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: "tsgis", display_name: "TypeScript (tsgis)" } },
      cells: cells.map((source, index) => ({
        cell_type: "code",
        id: `cell-${index}`,
        metadata: {},
        execution_count: null,
        outputs: [],
        source,
      })),
    };
    writeFileSync(file, JSON.stringify(notebook));
    return file;
  }

  async function runNotebook(file: string): Promise<void> {
    const finished = await run(python, [runner, file], path.dirname(file), jupyterEnv);
    const report = JSON.parse(finished.stdout) as { runs: { error: unknown }[] };
    expect(report.runs.map((entry) => entry.error)).toEqual([null]);
  }

  it(
    "imports the tsgis the kernel ships with, at the kernel's version",
    async () => {
      const kernelPackage = path.join(clone, "kernel", "package.json");
      const { version } = JSON.parse(readFileSync(kernelPackage, "utf8")) as { version: string };
      const file = writeNotebook(path.join(sandbox, "analyst", "projects"), [
        'import { GIS, VERSION } from "tsgis";\n' +
          `if (VERSION !== ${JSON.stringify(version)}) throw new Error("version " + VERSION);\n` +
          'if (typeof GIS.connect !== "function") throw new Error("no GIS.connect");',
        'const where: string = require.resolve("tsgis");\n' +
          `if (!where.startsWith(${JSON.stringify(path.join(clone, "kernel") + path.sep)})) ` +
          'throw new Error("tsgis from " + where);',
      ]);
      await runNotebook(file);
    },
    generous,
  );

  it(
    "keeps using a tsgis of the notebook folder's own",
    async () => {
      const folder = path.join(sandbox, "analyst", "pinned");
      const own = path.join(folder, "node_modules", "tsgis");
      mkdirSync(own, { recursive: true });
      writeFileSync(
        path.join(own, "package.json"),
        JSON.stringify({
          name: "tsgis",
          version: "0.0.1-own",
          main: "index.js",
          types: "index.d.ts",
        }),
      );
      writeFileSync(path.join(own, "index.js"), 'exports.VERSION = "0.0.1-own";\n');
      writeFileSync(path.join(own, "index.d.ts"), 'export declare const VERSION: "0.0.1-own";\n');
      const file = writeNotebook(folder, [
        'import { VERSION } from "tsgis";\n' +
          // The literal type proves the compiler read the folder's own declarations too.
          'const own: "0.0.1-own" = VERSION;\n' +
          'if (own !== "0.0.1-own") throw new Error("version " + own);',
      ]);
      await runNotebook(file);
    },
    generous,
  );
});
