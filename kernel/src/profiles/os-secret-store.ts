import type { AsyncEntry as AsyncEntryType } from "@napi-rs/keyring";
import { SecretStoreUnavailableError, type SecretStore } from "./secret-store";

type KeyringModule = typeof import("@napi-rs/keyring");

/**
 * The operating system's secret store through @napi-rs/keyring. On Linux it is pinned to the
 * Secret Service (gnome-keyring, KeePassXC, KWallet's bridge): the kernel keyutils store forgets
 * everything at logout and Python's keyring cannot read it, so falling back to it silently
 * would lose passwords.
 */
export class OsSecretStore implements SecretStore {
  readonly description = "the Secret Service";

  async get(service: string, account: string): Promise<string | null> {
    return this.call(() => this.entry(service, account).getPassword());
  }

  async set(service: string, account: string, secret: string): Promise<void> {
    await this.call(() => this.entry(service, account).setPassword(secret));
  }

  async delete(service: string, account: string): Promise<boolean> {
    return this.call(() => this.entry(service, account).deletePassword());
  }

  private entry(service: string, account: string): AsyncEntryType {
    const keyring = loadKeyring();
    return new keyring.AsyncEntry(service, account, { linux: { store: "secret-service" } });
  }

  private async call<T>(operation: () => Promise<T>): Promise<T> {
    if (process.platform === "linux" && !process.env.DBUS_SESSION_BUS_ADDRESS) {
      throw new SecretStoreUnavailableError(
        "DBUS_SESSION_BUS_ADDRESS is not set: no D-Bus session",
      );
    }
    try {
      return await operation();
    } catch (error) {
      if (error instanceof SecretStoreUnavailableError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      // "No entry" is an answer, not a failure: the store was reached and holds nothing.
      if (/no matching entry|NoEntry/i.test(message)) return null as T;
      throw new SecretStoreUnavailableError(message);
    }
  }
}

let keyringModule: KeyringModule | undefined;

/** Loaded on first use, so a missing native binary only matters to those who use profiles. */
function loadKeyring(): KeyringModule {
  if (!keyringModule) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      keyringModule = require("@napi-rs/keyring") as KeyringModule;
    } catch (error) {
      throw new SecretStoreUnavailableError(
        `the @napi-rs/keyring module does not load: ${(error as Error).message}`,
      );
    }
  }
  return keyringModule;
}
