// A jest environment with a loopback Kerberos realm. GSSAPI is native code that reads the real
// process environment (a test file only gets a copy), so KRB5_CONFIG, KRB5CCNAME and KRB5_KTNAME
// are set for the worker here and restored afterwards. Use with a `@jest-environment` docblock.
import { TestEnvironment } from "jest-environment-node";
import { startKdc, type RunningKdc } from "./kdc";

export const KERBEROS_USER = { name: "alice", password: "tsgis-alice-1" };
export const SERVICE_PRINCIPAL = "HTTP/127.0.0.1";

/** What a test file finds on `globalThis.kdc`. */
export interface KdcGlobal {
  emptyCache: string;
  setEnv(name: string, value: string | undefined): void;
  env: Record<string, string>;
}

export default class KdcEnvironment extends TestEnvironment {
  private kdc: RunningKdc | undefined;
  private readonly saved = new Map<string, string | undefined>();

  override async setup(): Promise<void> {
    await super.setup();
    this.kdc = await startKdc(KERBEROS_USER, SERVICE_PRINCIPAL);
    const sandboxEnv = (this.global.process as NodeJS.Process).env;
    const setEnv = (name: string, value: string | undefined): void => {
      if (!this.saved.has(name)) this.saved.set(name, process.env[name]);
      for (const env of [process.env, sandboxEnv]) {
        if (value === undefined) delete env[name];
        else env[name] = value;
      }
    };
    for (const [name, value] of Object.entries(this.kdc.env)) setEnv(name, value);
    const handle: KdcGlobal = { emptyCache: this.kdc.emptyCache, setEnv, env: this.kdc.env };
    this.global.kdc = handle;
  }

  override async teardown(): Promise<void> {
    for (const [name, value] of this.saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await this.kdc?.stop();
    await super.teardown();
  }
}
