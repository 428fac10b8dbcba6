import { inspect } from "node:util";
import type { GIS } from "../gis";
import { plainObject } from "../arguments";
import { getSecurityPolicy, resetSecurityPolicy, updateSecurityPolicy } from "../rest/portals";

/**
 * The organisation's password policy as `portals/self/securityPolicy` answers it: the rules for
 * new passwords of built-in accounts and the sign-in lock-out.
 */
export interface PasswordPolicyJSON {
  type: "default" | "custom";
  minLength: number;
  minUpper?: number;
  minLower?: number;
  minLetter?: number;
  minDigit?: number;
  minOther?: number;
  expirationInDays?: number;
  historySize?: number;
  /** Consecutive wrong passwords that lock an account. */
  maxAttempts?: number;
  /** Minutes a locked account stays locked. */
  lockoutDuration?: number;
  created: number;
  modified: number;
  [field: string]: unknown;
}

/** The rules `setPolicy` takes; `null` removes a rule ("no requirement"). */
export type PasswordRules = Partial<
  Record<
    | "minLength"
    | "minUpper"
    | "minLower"
    | "minLetter"
    | "minDigit"
    | "minOther"
    | "expirationInDays"
    | "historySize"
    | "maxAttempts"
    | "lockoutDuration",
    number | null
  >
>;

/** The sign-in lock-out part of the policy. */
export interface LockoutPolicy {
  maxAttempts: number;
  lockoutDuration: number;
}

const RULES = [
  "minLength",
  "minUpper",
  "minLower",
  "minLetter",
  "minDigit",
  "minOther",
  "expirationInDays",
  "historySize",
  "maxAttempts",
  "lockoutDuration",
] as const;

/** Checks each rule before a request is sent: whole numbers, or null to remove the rule. */
function ruleParams(rules: unknown, argument: string): Record<string, string | number> {
  const given = plainObject(rules, argument);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(given)) {
    if (!(RULES as readonly string[]).includes(name)) {
      throw new TypeError(`${argument}.${name}: not a password policy rule (${RULES.join(", ")})`);
    }
    if (value === undefined) continue;
    if (value !== null && (!Number.isInteger(value) || (value as number) < 0)) {
      throw new RangeError(
        `${argument}.${name}: expected a whole number or null, got ${String(value)}`,
      );
    }
    params[name] = value === null ? "" : (value as number);
  }
  return params;
}

/**
 * The organisation's password policy (administrators change it; members may read it).
 * Python: `gis.admin.password_policy` (`arcgis.gis.admin.PasswordPolicy`).
 * @example
 * const policy = await gis.admin.passwordPolicy.getPolicy();
 */
export class PasswordPolicy {
  /**
   * Made by `gis.admin`: use `gis.admin.passwordPolicy`. Python: `PasswordPolicy(url, gis)`.
   * @example
   * const manager = gis.admin.passwordPolicy;
   */
  constructor(protected readonly gis: GIS) {}

  /**
   * The current policy. Python: `PasswordPolicy.policy` (getter).
   * @example
   * const { minLength } = await gis.admin.passwordPolicy.getPolicy();
   */
  async getPolicy(): Promise<PasswordPolicyJSON> {
    const answer = await getSecurityPolicy(this.gis.session);
    return answer.passwordPolicy;
  }

  /**
   * Changes the rules given (the others stay); `null` removes a rule. Given what `getPolicy()`
   * returned, puts that policy back whole. Python: `PasswordPolicy.policy = {...}`.
   * @example
   * await gis.admin.passwordPolicy.setPolicy({ minLength: 12, minUpper: 1, historySize: 4 });
   */
  async setPolicy(policy: PasswordRules | PasswordPolicyJSON): Promise<boolean> {
    const given = plainObject(policy, "policy");
    // A whole policy (what getPolicy answered) is put back as it was: the default one by a
    // reset, a custom one with the rules it lacks removed.
    if (given.type === "default") return this.reset();
    const whole = given.type === "custom";
    const rules: Record<string, unknown> = whole
      ? Object.fromEntries(RULES.map((name) => [name, null]))
      : {};
    for (const [name, value] of Object.entries(given)) {
      if (!["type", "created", "modified"].includes(name)) rules[name] = value;
    }
    const answer = await updateSecurityPolicy(this.gis.session, ruleParams(rules, "policy"));
    return answer.success === true;
  }

  /**
   * Puts the default policy back. Python: `PasswordPolicy.reset()`.
   * @example
   * await gis.admin.passwordPolicy.reset();
   */
  async reset(): Promise<boolean> {
    const answer = await resetSecurityPolicy(this.gis.session);
    return answer.success === true;
  }

  /**
   * How many wrong passwords lock an account, and for how many minutes.
   * Python: `PasswordPolicy.lockout_policy` (getter).
   * @example
   * const { maxAttempts, lockoutDuration } = await gis.admin.passwordPolicy.getLockoutPolicy();
   */
  async getLockoutPolicy(): Promise<LockoutPolicy> {
    const policy = await this.getPolicy();
    return { maxAttempts: policy.maxAttempts ?? 5, lockoutDuration: policy.lockoutDuration ?? 15 };
  }

  /**
   * Changes the lock-out: `maxAttempts` (3 to 20) and `lockoutDuration` in minutes (1 to 1440).
   * Python: `PasswordPolicy.lockout_policy = {...}` (setter).
   * @example
   * await gis.admin.passwordPolicy.setLockoutPolicy({ maxAttempts: 3, lockoutDuration: 30 });
   */
  async setLockoutPolicy(lockout: Partial<LockoutPolicy>): Promise<boolean> {
    const { maxAttempts, lockoutDuration, ...other } = plainObject(lockout, "lockout");
    const unknown = Object.keys(other);
    if (unknown.length > 0) {
      throw new TypeError(`lockout.${unknown[0]}: expected maxAttempts or lockoutDuration`);
    }
    return this.setPolicy({
      maxAttempts: maxAttempts as number | undefined,
      lockoutDuration: lockoutDuration as number | undefined,
    });
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `PasswordPolicy.__repr__()`.
   * @example
   * console.log(util.inspect(gis.admin.passwordPolicy));
   */
  [inspect.custom](): string {
    return `<PasswordPolicy url:"${this.gis.url}">`;
  }
}
