/** Somewhere a profile's password can live outside the profile file. */
export interface SecretStore {
  /** A short name for messages ("the Secret Service", "the encrypted file ..."). */
  readonly description: string;
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, secret: string): Promise<void>;
  /** Resolves true when something was deleted. */
  delete(service: string, account: string): Promise<boolean>;
}

/** Environment variable that opts in to the encrypted file store instead of the OS one. */
export const SECRET_STORE_VARIABLE = "TSGIS_SECRET_STORE";
/** The passphrase of the encrypted file store, for scripts. */
export const FILE_STORE_PASSPHRASE_VARIABLE = "TSGIS_SECRET_STORE_PASSPHRASE";
/** A password for scripts that sign in with a profile on a machine without a secret store. */
export const PASSWORD_VARIABLE = "TSGIS_PASSWORD";

/**
 * Thrown when no secret store can be reached. Its message says what to install or run, since
 * the usual cause is a server or container without a desktop session.
 */
export class SecretStoreUnavailableError extends Error {
  constructor(reason: string) {
    super(
      `No secret store is available for profile passwords (${reason}). ` +
        `tsgis keeps them in the operating system's Secret Service over D-Bus, as the ArcGIS API ` +
        `for Python does. Either: install and start one (Debian/Ubuntu: ` +
        `"apt-get install gnome-keyring dbus", then run Jupyter inside ` +
        `"dbus-run-session -- sh -c 'gnome-keyring-daemon --unlock --components=secrets; jupyter lab'", ` +
        `typing the keyring's password on stdin, or sign in to a desktop session); or set ` +
        `${PASSWORD_VARIABLE} for scripts; or opt in to the encrypted file store with ` +
        `${SECRET_STORE_VARIABLE}=file and ${FILE_STORE_PASSPHRASE_VARIABLE}.`,
    );
    this.name = "SecretStoreUnavailableError";
  }
}
