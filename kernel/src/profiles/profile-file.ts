// `~/.arcgisprofile`: the INI file the ArcGIS API for Python keeps its profiles in, read and
// written the way Python's configparser does, so a profile made by either tool works in both.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** One section of the profile file: lower-case keys (configparser folds them) to raw values. */
export type ProfileSection = Map<string, string>;

/** The whole file, sections in file order. */
export type ProfileSections = Map<string, ProfileSection>;

/** configparser's implicit section whose keys every other section inherits; never a profile. */
const DEFAULT_SECTION = "DEFAULT";

/** Where the Python API keeps profiles: `~/.arcgisprofile`. */
export function profileFilePath(): string {
  return path.join(os.homedir(), ".arcgisprofile");
}

/**
 * Parses the subset of configparser's INI syntax the Python API writes and users edit by hand:
 * `[section]`, `key = value` or `key: value`, full-line `#`/`;` comments, indented continuation
 * lines, and `%%` for a literal `%` (configparser's interpolation escape).
 */
export function parseProfileFile(text: string, file = profileFilePath()): ProfileSections {
  const sections: ProfileSections = new Map();
  let current: ProfileSection | undefined;
  let lastKey: string | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith(";")) {
      lastKey = undefined;
      return;
    }
    if (/^\s/.test(line) && current && lastKey !== undefined) {
      current.set(lastKey, `${current.get(lastKey) ?? ""}\n${unescapeValue(trimmed)}`);
      return;
    }
    const header = /^\[(.+)\]$/.exec(trimmed);
    if (header) {
      const name = header[1];
      current = sections.get(name) ?? new Map();
      sections.set(name, current);
      lastKey = undefined;
      return;
    }
    const option = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(trimmed);
    if (!option || !current) {
      throw new Error(
        `${file} line ${index + 1} is not valid INI (expected "[profile]" or "key = value")`,
      );
    }
    lastKey = option[1].toLowerCase();
    current.set(lastKey, unescapeValue(option[2]));
  });
  return sections;
}

/** Writes sections the way configparser's `write()` does: `key = value`, a blank line after each. */
export function formatProfileFile(sections: ProfileSections): string {
  let text = "";
  for (const [name, values] of sections) {
    text += `[${name}]\n`;
    for (const [key, value] of values) text += `${key} = ${escapeValue(value)}\n`;
    text += "\n";
  }
  return text;
}

/** Reads the profile file; a missing file is an empty set of profiles. */
export function readProfileFile(file = profileFilePath()): ProfileSections {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw error;
  }
  return parseProfileFile(text, file);
}

/**
 * Replaces the profile file in one step, readable by its owner only (0600) from the moment it
 * exists: the file names the user's portals and accounts, which are nobody else's business.
 */
export function writeProfileFile(sections: ProfileSections, file = profileFilePath()): void {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  const descriptor = fs.openSync(temporary, "w", 0o600);
  try {
    fs.writeFileSync(descriptor, formatProfileFile(sections));
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
  try {
    fs.chmodSync(temporary, 0o600);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Profile names in file order, without configparser's DEFAULT section. */
export function profileNames(sections: ProfileSections): string[] {
  return [...sections.keys()].filter((name) => name !== DEFAULT_SECTION);
}

/** A profile's values with the DEFAULT section's inherited underneath, as configparser sees them. */
export function effectiveSection(
  sections: ProfileSections,
  profile: string,
): ProfileSection | undefined {
  const own = profile === DEFAULT_SECTION ? undefined : sections.get(profile);
  if (!own) return undefined;
  return new Map([...(sections.get(DEFAULT_SECTION) ?? new Map<string, string>()), ...own]);
}

function escapeValue(value: string): string {
  return value.replace(/%/g, "%%");
}

function unescapeValue(value: string): string {
  return value.replace(/%%/g, "%");
}
