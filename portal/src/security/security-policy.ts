import { invalidParameter } from "../server/arcgis-error";
import { optionalInteger } from "../server/param-readers";
import type { OrgDocumentStore } from "../store/org-document-store";

/**
 * The organisation's security policy, as `portals/self/securityPolicy` reports it: the password
 * rules of ArcGIS accounts (the REST reference's keys) and the sign-in lock-out, `maxAttempts`
 * consecutive wrong passwords locking the account for `lockoutDuration` minutes.
 */
export interface PasswordPolicy {
  readonly type: "default" | "custom";
  readonly minLength: number;
  readonly minUpper?: number;
  readonly minLower?: number;
  readonly minLetter?: number;
  readonly minDigit?: number;
  readonly minOther?: number;
  readonly expirationInDays?: number;
  readonly historySize?: number;
  readonly maxAttempts: number;
  readonly lockoutDuration: number;
  readonly created: number;
  readonly modified: number;
}

const DOCUMENT = "securityPolicy";

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  type: "default",
  minLength: 8,
  minLetter: 1,
  minDigit: 1,
  maxAttempts: 5,
  lockoutDuration: 15,
  created: -1,
  modified: -1,
};

/** Each setting the update operation takes, with the range the REST reference allows. */
const SETTINGS: Record<string, { min: number; max: number }> = {
  minLength: { min: 8, max: 1000 },
  minUpper: { min: 1, max: 1000 },
  minLower: { min: 1, max: 1000 },
  minLetter: { min: 1, max: 1000 },
  minDigit: { min: 1, max: 1000 },
  minOther: { min: 1, max: 1000 },
  expirationInDays: { min: 1, max: 1095 },
  historySize: { min: 1, max: 24 },
  maxAttempts: { min: 3, max: 20 },
  lockoutDuration: { min: 1, max: 1440 },
};

export function passwordPolicyOf(documents: OrgDocumentStore): PasswordPolicy {
  const stored = documents.get(DOCUMENT) as Partial<PasswordPolicy> | null;
  return stored ? { ...DEFAULT_PASSWORD_POLICY, ...stored } : DEFAULT_PASSWORD_POLICY;
}

/**
 * Applies an update's parameters: a given value sets the rule, an empty one removes it (the
 * REST reference's way of saying "no requirement"); minLength, maxAttempts and lockoutDuration
 * fall back to their defaults when emptied.
 */
export function updatePasswordPolicy(
  documents: OrgDocumentStore,
  values: Record<string, string>,
): PasswordPolicy {
  const current: Record<string, unknown> = { ...passwordPolicyOf(documents) };
  for (const [name, range] of Object.entries(SETTINGS)) {
    if (values[name] === undefined) continue;
    if (values[name].trim() === "" || values[name] === "null") {
      const fallback = (DEFAULT_PASSWORD_POLICY as unknown as Record<string, unknown>)[name];
      if (["minLength", "maxAttempts", "lockoutDuration"].includes(name)) current[name] = fallback;
      else delete current[name];
      continue;
    }
    current[name] = optionalInteger(values, name, range);
  }
  const now = Date.now();
  const next = {
    ...current,
    type: "custom",
    created: (current.created as number) > 0 ? current.created : now,
    modified: now,
  };
  documents.put(DOCUMENT, next);
  return next as unknown as PasswordPolicy;
}

export function resetPasswordPolicy(documents: OrgDocumentStore): PasswordPolicy {
  documents.delete(DOCUMENT);
  return DEFAULT_PASSWORD_POLICY;
}

/** Refuses a new password the policy does not allow, naming the parameter that carried it. */
export function checkPassword(policy: PasswordPolicy, parameter: string, password: string): void {
  const count = (pattern: RegExp): number => [...password].filter((ch) => pattern.test(ch)).length;
  const rules: [number | undefined, number, string][] = [
    [policy.minLength, [...password].length, "characters"],
    [policy.minUpper, count(/\p{Lu}/u), "upper case letters"],
    [policy.minLower, count(/\p{Ll}/u), "lower case letters"],
    [policy.minLetter, count(/\p{L}/u), "letters"],
    [policy.minDigit, count(/\p{Nd}/u), "digits"],
    [policy.minOther, count(/[^\p{L}\p{Nd}]/u), "characters other than letters and digits"],
  ];
  for (const [minimum, actual, what] of rules) {
    if (minimum !== undefined && actual < minimum)
      throw invalidParameter(parameter, `must have at least ${minimum} ${what}.`);
  }
}
