// Runs the tsgis kernel for real: installs its kernelspec into a temporary Jupyter path (never
// the user's), then drives it from Debian's Python with jupyter_client (protocol_check.py)
// and with the third-party jupyter_kernel_test suite (kernel_conformance.py).
import { spawnSync, type SpawnSyncReturns } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import {
  buildKernel,
  installKernelInSandbox,
  kernelCli,
  systemPython,
} from "../support/jupyter-sandbox";

const root = path.join(__dirname, "..", "..");

const python = systemPython;
const generous = 10 * 60 * 1000;

let sandbox: string;
let jupyterEnv: NodeJS.ProcessEnv;

function run(command: string, args: string[], env = jupyterEnv): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd: root, env, encoding: "utf8", timeout: generous });
}

beforeAll(() => {
  buildKernel();
  ({ folder: sandbox, env: jupyterEnv } = installKernelInSandbox("tsgis-kernel-test-"));
}, generous);

afterAll(() => {
  if (sandbox) rmSync(sandbox, { recursive: true, force: true });
});

test("install writes a kernelspec that runs the launcher with node", () => {
  const spec = JSON.parse(
    readFileSync(path.join(sandbox, "share", "jupyter", "kernels", "tsgis", "kernel.json"), "utf8"),
  );
  expect(spec.display_name).toBe("TypeScript (tsgis)");
  expect(spec.language).toBe("typescript");
  expect(spec.argv).toEqual([
    process.execPath,
    kernelCli,
    "--connection-file",
    "{connection_file}",
  ]);
});

test("uninstall removes the kernelspec", () => {
  const elsewhere = mkdtempSync(path.join(tmpdir(), "tsgis-kernelspec-"));
  try {
    expect(run("node", [kernelCli, "install", "--prefix", elsewhere]).status).toBe(0);
    const dir = path.join(elsewhere, "share", "jupyter", "kernels", "tsgis");
    expect(existsSync(dir)).toBe(true);
    expect(run("node", [kernelCli, "uninstall", "--prefix", elsewhere]).status).toBe(0);
    expect(existsSync(dir)).toBe(false);
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

test(
  "comms, widgets, rich results, errors, stdin and interrupts work against the real kernel",
  () => {
    const result = run(python, [path.join(__dirname, "protocol_check.py")]);
    let report: { passed: string[]; failed: { check: string; error: string }[] };
    try {
      report = JSON.parse(result.stdout);
    } catch {
      throw new Error(`protocol_check.py printed no report:\n${result.stdout}\n${result.stderr}`);
    }
    expect(report.failed).toEqual([]);
    expect(report.passed.length).toBeGreaterThanOrEqual(16);
    expect(result.status).toBe(0);
  },
  generous,
);

test("install --strict-types writes a kernelspec whose kernel refuses cells with type errors", () => {
  const elsewhere = mkdtempSync(path.join(tmpdir(), "tsgis-kernelspec-"));
  try {
    expect(
      run("node", [kernelCli, "install", "--prefix", elsewhere, "--strict-types"]).status,
    ).toBe(0);
    const spec = JSON.parse(
      readFileSync(
        path.join(elsewhere, "share", "jupyter", "kernels", "tsgis", "kernel.json"),
        "utf8",
      ),
    );
    expect(spec.argv).toEqual([
      process.execPath,
      kernelCli,
      "--connection-file",
      "{connection_file}",
      "--strict-types",
    ]);
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

function runCheckScript(script: string): void {
  const result = run(python, [path.join(__dirname, script)]);
  let report: { passed: string[]; failed: { check: string; error: string }[] };
  try {
    report = JSON.parse(result.stdout);
  } catch {
    throw new Error(`${script} printed no report:\n${result.stdout}\n${result.stderr}`);
  }
  expect(report.failed).toEqual([]);
  expect(report.passed.length).toBeGreaterThan(0);
  expect(result.status).toBe(0);
}

test(
  "cells behave as in a REPL: state survives errors and interrupts, names can be redeclared, await works anywhere, type errors warn, messages and saved notebooks validate",
  () => runCheckScript("cell_semantics_check.py"),
  generous,
);

test(
  "the jupyter_kernel_test suite passes",
  () => {
    const result = run(python, [path.join(__dirname, "kernel_conformance.py")]);
    const summary = result.stderr.split("\n").filter((line) => !line.startsWith("[tsgis kernel]"));
    if (result.status !== 0) throw new Error(summary.join("\n"));
    expect(result.stderr).toMatch(/\nOK( \(skipped=\d+\))?\n/);
    // Only the pager test may be skipped (see docs/kernel.md).
    const skipped = summary.filter((line) => /\.\.\. skipped/.test(line));
    expect(skipped.map((line) => line.split(" ")[0])).toEqual(["test_pager"]);
  },
  generous,
);
