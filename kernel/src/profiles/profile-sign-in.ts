import type { GISOptions } from "../connect-options";
import { FILE_KEYS, type ProfileOptions } from "./profile-fields";
import { effectiveSection, profileFilePath, readProfileFile } from "./profile-file";
import { ProfileManager } from "./profile-manager";
import { defaultSecretStore, readProfilePassword } from "./profile-passwords";
import { PASSWORD_VARIABLE } from "./secret-store";

/** The options to connect with, and what to save into the profile once the sign-in worked. */
export interface ProfileSignIn {
  options: GISOptions;
  /** Credentials given along with `profile`, saved after a successful sign-in, as Python does. */
  toSave?: ProfileOptions;
}

const CREDENTIAL_FIELDS = [
  "url",
  "username",
  "password",
  "keyFile",
  "certFile",
  "clientId",
] as const;

/**
 * Fills the connect options from a saved profile. Options given explicitly win over saved ones
 * and are saved into the profile after the sign-in succeeds. The password comes from the
 * options, then `TSGIS_PASSWORD`, then the secret store.
 */
export async function resolveProfile(options: GISOptions): Promise<ProfileSignIn> {
  const profile = options.profile;
  if (profile === undefined || profile === null) return { options };
  const explicit: ProfileOptions = {};
  for (const field of CREDENTIAL_FIELDS) {
    if (options[field] !== undefined && options[field] !== null) explicit[field] = options[field];
  }
  const section = effectiveSection(readProfileFile(), profile);
  if (!section && Object.keys(explicit).length === 0) {
    throw new Error(
      `profile: there is no profile named "${profile}" in ${profileFilePath()}. Create it with ` +
        `new ProfileManager().create("${profile}", { url, username, password }), or pass the ` +
        `url and credentials along with profile to save them on the first sign-in.`,
    );
  }
  const saved: ProfileOptions = {};
  for (const [field, key] of Object.entries(FILE_KEYS) as [keyof typeof FILE_KEYS, string][]) {
    const value = section?.get(key);
    if (value !== undefined && value !== "") saved[field] = value;
  }
  const merged: GISOptions = { ...options, ...saved, ...explicit };
  if (merged.password === undefined && needsPassword(merged)) {
    merged.password = process.env[PASSWORD_VARIABLE] || (await storedPassword(profile, section));
  }
  const toSave = Object.keys(explicit).length > 0 ? explicit : undefined;
  return { options: merged, toSave };
}

/** Saves the credentials that came with `profile` (after they proved to work). */
export async function saveProfile(profile: string, toSave: ProfileOptions): Promise<void> {
  await new ProfileManager().create(profile, toSave);
}

/** Built-in logins and PFX/P12 certificates need a password; OAuth and PEM PKI do not. */
function needsPassword(options: GISOptions): boolean {
  if (options.clientId !== undefined) return false;
  if (options.certFile !== undefined) return /\.(pfx|p12)$/i.test(options.certFile);
  return options.username !== undefined;
}

async function storedPassword(
  profile: string,
  section: Map<string, string> | undefined,
): Promise<string | undefined> {
  if (!section) return undefined;
  return (await readProfilePassword(defaultSecretStore(), profile)) ?? undefined;
}
