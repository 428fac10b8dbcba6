import { inspect } from "node:util";
import type { GIS } from "../gis";
import {
  applyFields,
  toProfileInfo,
  validateProfileArguments,
  validateProfileName,
  type ProfileInfo,
  type ProfileOptions,
} from "./profile-fields";
import {
  effectiveSection,
  profileNames,
  readProfileFile,
  writeProfileFile,
  type ProfileSections,
} from "./profile-file";
import {
  defaultSecretStore,
  deleteProfilePassword,
  saveProfilePassword,
} from "./profile-passwords";

/**
 * One row of `list({ asDf: true })`: a profile's values and its name (Python: a DataFrame row).
 * @example
 * for (const row of await new ProfileManager().list({ asDf: true })) console.log(row.profile, row.url);
 */
export type ProfileRow = ProfileInfo & { profile: string };

/**
 * Manages the sign-in profiles saved in `~/.arcgisprofile`, the same file and layout the ArcGIS
 * API for Python uses, so profiles made by either tool work in both. Passwords go to the
 * operating system's secret store (the Secret Service on Linux), never into the file.
 *
 * Python: `arcgis.gis.ProfileManager`.
 * @example
 * const profiles = new ProfileManager();
 * await profiles.create("work", { url: "https://gis.example.com/portal", username: "ana", password });
 * const gis = await GIS.connect({ profile: "work" });
 */
export class ProfileManager {
  /**
   * Adds a profile, or changes the given fields of an existing one. The password, when given,
   * is saved in the secret store first, so a store failure leaves the file untouched.
   * Python: `ProfileManager.create(profile, url, username, password, key_file, cert_file, client_id)`.
   * @example
   * await new ProfileManager().create("pki", { url, certFile: "me.pfx", password: "pfx-pass" });
   */
  async create(profile: string, options?: ProfileOptions): Promise<boolean> {
    const checked = validateProfileArguments("create", profile, options);
    const sections = readProfileFile();
    await this.store(profile, checked, sections);
    return true;
  }

  /**
   * Changes the given fields of an existing profile; the others keep their values.
   * Python: `ProfileManager.update(profile, url, username, password, key_file, cert_file, client_id)`.
   * @example
   * await new ProfileManager().update("work", { username: "ana.lopez" });
   */
  async update(profile: string, options?: ProfileOptions): Promise<boolean> {
    const checked = validateProfileArguments("update", profile, options);
    const sections = readProfileFile();
    if (!effectiveSection(sections, profile)) {
      throw new Error(
        `profile: no profile named "${profile}"; use create() to make a new one (profiles: ${describeNames(sections)})`,
      );
    }
    await this.store(profile, checked, sections);
    return true;
  }

  /**
   * A profile's saved values (never its password), with `dateModified` as a Date.
   * Python: `ProfileManager.get(profile)`.
   * @example
   * const { url, username } = await new ProfileManager().get("work");
   */
  async get(profile: string): Promise<ProfileInfo> {
    validateProfileName("get", profile);
    const sections = readProfileFile();
    const section = effectiveSection(sections, profile);
    if (!section) {
      throw new Error(
        `profile: no profile named "${profile}" (profiles: ${describeNames(sections)})`,
      );
    }
    return toProfileInfo(section);
  }

  /**
   * The saved profiles' names, or with `asDf: true` one row object per profile.
   * Python: `ProfileManager.list(as_df=False)`.
   * @example
   * const names = await new ProfileManager().list();
   * const rows = await new ProfileManager().list({ asDf: true });
   */
  async list(options?: { asDf?: false }): Promise<string[]>;
  async list(options: { asDf: true }): Promise<ProfileRow[]>;
  async list(options?: { asDf?: boolean }): Promise<string[] | ProfileRow[]>;
  async list(options?: { asDf?: boolean }): Promise<string[] | ProfileRow[]> {
    const asDf = options?.asDf;
    if (asDf !== undefined && asDf !== null && typeof asDf !== "boolean") {
      throw new TypeError(`list: option "asDf" must be a boolean, got ${typeof asDf}`);
    }
    const sections = readProfileFile();
    const names = profileNames(sections);
    if (!asDf) return names;
    return names.map((name) => ({
      ...toProfileInfo(effectiveSection(sections, name) ?? new Map()),
      profile: name,
    }));
  }

  /**
   * Removes a profile from the file and its password from the secret store.
   * Python: `ProfileManager.delete(profile)`.
   * @example
   * await new ProfileManager().delete("old");
   */
  async delete(profile: string): Promise<boolean> {
    validateProfileName("delete", profile);
    const sections = readProfileFile();
    if (!sections.has(profile)) {
      throw new Error(
        `profile: no profile named "${profile}" (profiles: ${describeNames(sections)})`,
      );
    }
    sections.delete(profile);
    writeProfileFile(sections);
    await deleteStoredPassword(profile);
    return true;
  }

  /**
   * Saves how `gis` signed in (URL, user, certificate files, client id; the password to the
   * secret store) as a profile, creating or updating it.
   * Python: `ProfileManager.save_as(profile, gis)`.
   * @example
   * const gis = await GIS.connect({ url, username, password });
   * await new ProfileManager().saveAs("work", gis);
   */
  async saveAs(profile: string, gis: GIS): Promise<boolean> {
    validateProfileName("saveAs", profile);
    if (!gis || typeof gis !== "object" || !("session" in gis) || typeof gis.url !== "string") {
      throw new TypeError(`saveAs: gis must be a GIS from GIS.connect()`);
    }
    const saved = gis.session.auth.savedSignIn();
    const options: ProfileOptions = {
      url: gis.url,
      ...saved,
      username: saved.username ?? gis.users.me?.username,
    };
    return this.create(profile, options);
  }

  private async store(
    profile: string,
    options: ProfileOptions,
    sections: ProfileSections,
  ): Promise<void> {
    if (options.password !== undefined && options.password !== null) {
      await saveProfilePassword(defaultSecretStore(), profile, options.password);
    }
    const section = sections.get(profile) ?? new Map<string, string>();
    applyFields(section, options);
    sections.set(profile, section);
    writeProfileFile(sections);
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `ProfileManager.__repr__()`.
   * @example
   * console.log(util.inspect(new ProfileManager()));
   */
  [inspect.custom](): string {
    return "<ProfileManager>";
  }
}

/** A profile without a password (PKI, OAuth) needs no secret store to be deleted. */
async function deleteStoredPassword(profile: string): Promise<void> {
  try {
    await deleteProfilePassword(defaultSecretStore(), profile);
  } catch (error) {
    process.emitWarning(
      `the password of profile "${profile}" could not be removed from the secret store: ${(error as Error).message}`,
      { code: "TSGIS_PROFILE_PASSWORD" },
    );
  }
}

function describeNames(sections: ProfileSections): string {
  const names = profileNames(sections);
  return names.length ? names.map((name) => `"${name}"`).join(", ") : "none saved";
}
