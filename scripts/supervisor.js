// The processes `npm start` runs, and how they stop. SIGINT and SIGTERM stop the servers in
// reverse order of start, each with SIGTERM, and wait for them: jupyter_server shuts its kernels
// down on SIGTERM, whereas SIGINT without a terminal makes it quit with its kernels left
// running. The servers run in their own process groups so that Ctrl+C in the terminal reaches
// only this process, which then stops them in that order. A second signal kills what is left;
// Ctrl+C under npm arrives twice at once (from the terminal and forwarded by npm), so a repeat
// within a second is the same request.
"use strict";
const { spawn } = require("child_process");

const SAME_REQUEST_MS = 1000;

class Supervisor {
  constructor(cwd) {
    this.cwd = cwd;
    /** Servers, in start order. */
    this.servers = [];
    /** The build or install step running now. */
    this.step = null;
    this.stopping = null;
    this.firstSignalAt = 0;
    for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => this.onSignal(signal));
  }

  get isStopping() {
    return this.stopping !== null;
  }

  /** Runs a step to its end; a failure, or a stop meanwhile, ends `npm start`. */
  async run(command, args, env = process.env) {
    if (this.isStopping) return this.stopping;
    const child = spawn(command, args, { cwd: this.cwd, stdio: "inherit", env });
    this.step = child;
    const code = await exitOf(child);
    this.step = null;
    if (this.isStopping) return this.stopping;
    if (code !== 0) {
      console.error(`\n${command} ${args.join(" ")} failed`);
      await this.stop(code ?? 1);
    }
  }

  /** Starts a server; if it ends on its own, everything stops. */
  startServer(command, args, options) {
    const child = spawn(command, args, { cwd: this.cwd, detached: true, ...options });
    this.servers.push(child);
    child.once("exit", (code, signal) => {
      if (this.isStopping) return;
      console.error(`${command} ended (${signal ?? `exit code ${code}`}); stopping the others`);
      void this.stop(code || 1);
    });
    return child;
  }

  onSignal(signal) {
    if (!this.isStopping) {
      this.firstSignalAt = Date.now();
      console.error(`\n${signal}: stopping JupyterLab, its kernels and the portal…`);
      void this.stop(0);
      return;
    }
    if (Date.now() - this.firstSignalAt < SAME_REQUEST_MS) return;
    console.error(`${signal} again: killing what is left`);
    for (const child of [this.step, ...this.servers]) {
      if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  }

  /** Stops the running step and the servers (last started first), then exits with `code`. */
  stop(code) {
    if (this.stopping) return this.stopping;
    this.stopping = (async () => {
      if (this.step && this.step.exitCode === null) {
        this.step.kill("SIGTERM");
        await exitOf(this.step);
      }
      for (const server of [...this.servers].reverse()) {
        if (server.exitCode !== null || server.signalCode !== null) continue;
        server.kill("SIGTERM");
        await exitOf(server);
      }
      process.exit(code);
    })();
    return this.stopping;
  }
}

function exitOf(child) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child.exitCode);
  }
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", (error) => {
      console.error(error.message);
      resolve(1);
    });
  });
}

module.exports = { Supervisor };
