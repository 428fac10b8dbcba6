import { EncryptedFileStore } from "./encrypted-file-store";
import { OsSecretStore } from "./os-secret-store";
import {
  FILE_STORE_PASSPHRASE_VARIABLE,
  SECRET_STORE_VARIABLE,
  type SecretStore,
} from "./secret-store";

/** The service names the ArcGIS API for Python files profile passwords under. */
const PYTHON_SERVICE = "arcgis_python_api_profile_passwords";

/** Current Python releases: one service per profile. */
export function profileServiceName(profile: string): string {
  return `${profile}@${PYTHON_SERVICE}`;
}

/** Older Python releases kept every profile under one service, with the profile as the user. */
export const LEGACY_PROFILE_SERVICE = PYTHON_SERVICE;

/**
 * The store chosen by the environment: the OS Secret Service unless `TSGIS_SECRET_STORE=file`
 * opts in to the encrypted file, whose passphrase comes from `TSGIS_SECRET_STORE_PASSPHRASE`.
 */
export function defaultSecretStore(): SecretStore {
  const choice = process.env[SECRET_STORE_VARIABLE]?.trim().toLowerCase();
  if (!choice || choice === "os" || choice === "secret-service") return new OsSecretStore();
  if (choice === "file") {
    const passphrase = process.env[FILE_STORE_PASSPHRASE_VARIABLE];
    if (!passphrase) {
      throw new Error(
        `${FILE_STORE_PASSPHRASE_VARIABLE}: ${SECRET_STORE_VARIABLE}=file needs the store's passphrase in ${FILE_STORE_PASSPHRASE_VARIABLE}`,
      );
    }
    return new EncryptedFileStore(passphrase);
  }
  throw new RangeError(
    `${SECRET_STORE_VARIABLE}: expected "os" or "file", got "${process.env[SECRET_STORE_VARIABLE]}"`,
  );
}

/** A profile's password: under the per-profile service first, then the older shared one. */
export async function readProfilePassword(
  store: SecretStore,
  profile: string,
): Promise<string | null> {
  const current = await store.get(profileServiceName(profile), profile);
  if (current !== null) return current;
  return store.get(LEGACY_PROFILE_SERVICE, profile);
}

export async function saveProfilePassword(
  store: SecretStore,
  profile: string,
  password: string,
): Promise<void> {
  await store.set(profileServiceName(profile), profile, password);
}

/** Removes the password under both service names, so an old copy cannot come back. */
export async function deleteProfilePassword(store: SecretStore, profile: string): Promise<void> {
  await store.delete(profileServiceName(profile), profile);
  await store.delete(LEGACY_PROFILE_SERVICE, profile);
}
