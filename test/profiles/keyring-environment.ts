// A jest environment with a real Secret Service. The keyring library is native code that reads
// the process's real environment, which a test file cannot change (jest gives each file a copy
// of process.env), so the environment sets DBUS_SESSION_BUS_ADDRESS and HOME for the worker
// itself and restores them afterwards. Use with a `@jest-environment` docblock.
import { TestEnvironment } from "jest-environment-node";
import {
  startSecretService,
  type RunningSecretService,
  type SecretServiceAddress,
} from "./secret-service";

/** What a test file finds on `globalThis.secretService`. */
export interface SecretServiceGlobal extends SecretServiceAddress {
  /** Sets (or with undefined removes) a variable where native code sees it too. */
  setEnv(name: string, value: string | undefined): void;
}

/** Variables a developer's shell may set that would change which store or password is used. */
const CLEARED = ["TSGIS_PASSWORD", "TSGIS_SECRET_STORE", "TSGIS_SECRET_STORE_PASSPHRASE"];

export default class SecretServiceEnvironment extends TestEnvironment {
  private service: RunningSecretService | undefined;
  private readonly saved = new Map<string, string | undefined>();

  override async setup(): Promise<void> {
    await super.setup();
    this.service = await startSecretService();
    const sandboxEnv = (this.global.process as NodeJS.Process).env;
    const setEnv = (name: string, value: string | undefined): void => {
      if (!this.saved.has(name)) this.saved.set(name, process.env[name]);
      for (const env of [process.env, sandboxEnv]) {
        if (value === undefined) delete env[name];
        else env[name] = value;
      }
    };
    setEnv("HOME", this.service.home);
    setEnv("XDG_RUNTIME_DIR", this.service.runtimeDir);
    setEnv("DBUS_SESSION_BUS_ADDRESS", this.service.busAddress);
    for (const name of CLEARED) setEnv(name, undefined);
    const handle: SecretServiceGlobal = {
      home: this.service.home,
      busAddress: this.service.busAddress,
      runtimeDir: this.service.runtimeDir,
      setEnv,
    };
    this.global.secretService = handle;
  }

  override async teardown(): Promise<void> {
    for (const [name, value] of this.saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await this.service?.stop();
    await super.teardown();
  }
}
