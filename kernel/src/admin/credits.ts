import { inspect } from "node:util";
import { usernameOf } from "../content/item-arguments";
import type { GIS } from "../gis";
import type { User } from "../users/user";
import { usageParams, type UsageWindow } from "./usage-period";
import { assignUserCredits, getUsage, unassignUserCredits } from "../rest/portals";

function requireUsername(value: unknown): string {
  const name = usernameOf(value, "username");
  if (name === undefined) throw new TypeError("username: expected a username or a User");
  return name;
}

function creditAmount(value: unknown, argument: string, allowUnlimited: boolean): number {
  const ok =
    typeof value === "number" &&
    Number.isFinite(value) &&
    (value >= 0 || (allowUnlimited && value === -1));
  if (!ok) {
    throw new RangeError(
      `${argument}: expected credits of 0 or more${allowUnlimited ? " (or -1 for no limit)" : ""}, got ${String(value)}`,
    );
  }
  return value as number;
}

/**
 * The organisation's credits and their budgeting per member (ArcGIS Online, administrators).
 * Python: `gis.admin.credits` (`arcgis.gis.admin.CreditManager`).
 * @example
 * await gis.admin.credits.allocate("publisher", 100);
 */
export class CreditManager {
  /**
   * Made by `gis.admin`: use `gis.admin.credits`. Python: `CreditManager(gis)`.
   * @example
   * const credits = gis.admin.credits;
   */
  constructor(protected readonly gis: GIS) {}

  /** The organisation's available credits (from `gis.properties`). Python: `CreditManager.credits`. @example gis.admin.credits.credits */
  get credits(): number {
    const value = this.gis.properties.availableCredits;
    return typeof value === "number" ? value : 0;
  }

  /** Whether credit budgeting is on. Python: `CreditManager.is_enabled`. @example gis.admin.credits.isEnabled */
  get isEnabled(): boolean {
    return this.gis.properties.creditAssignments === "enabled";
  }

  /** Credits each new member gets; -1 for no limit. Python: `CreditManager.default_limit`. @example gis.admin.credits.defaultLimit */
  get defaultLimit(): number {
    const value = this.gis.properties.defaultUserCreditAssignment;
    return typeof value === "number" ? value : -1;
  }

  /**
   * Changes the credits each new member gets (-1 for no limit).
   * Python: `CreditManager.default_limit = value`.
   * @example
   * await gis.admin.credits.setDefaultLimit(50);
   */
  async setDefaultLimit(value: number): Promise<boolean> {
    const credits = creditAmount(value, "value", true);
    return this.gis.updateProperties({ defaultUserCreditAssignment: credits });
  }

  /**
   * Turns credit budgeting on. Python: `CreditManager.enable()`.
   * @example
   * await gis.admin.credits.enable();
   */
  async enable(): Promise<boolean> {
    return this.gis.updateProperties({ creditAssignments: "enabled" });
  }

  /**
   * Turns credit budgeting off. Python: `CreditManager.disable()`.
   * @example
   * await gis.admin.credits.disable();
   */
  async disable(): Promise<boolean> {
    return this.gis.updateProperties({ creditAssignments: "disabled" });
  }

  /**
   * Gives a member a credit budget; without `credits` the member has no limit.
   * Python: `CreditManager.allocate(username, credits=None)`.
   * @example
   * await gis.admin.credits.allocate("publisher", 100);
   */
  async allocate(username: string | User, credits?: number | null): Promise<boolean> {
    const name = requireUsername(username);
    if (credits === undefined || credits === null) return this.deallocate(name);
    const amount = creditAmount(credits, "credits", false);
    const result = await assignUserCredits(this.gis.session, [{ username: name, credits: amount }]);
    return result.success === true;
  }

  /**
   * Takes a member's budget away: they may use credits without a limit of their own.
   * Python: `CreditManager.deallocate(username)`.
   * @example
   * await gis.admin.credits.deallocate("publisher");
   */
  async deallocate(username: string | User): Promise<boolean> {
    const result = await unassignUserCredits(this.gis.session, [requireUsername(username)]);
    return result.success === true;
  }

  /**
   * Credits consumed in a window, per service type. Python: `CreditManager.credit_usage(
   * start_time=None, end_time=None, time_frame="week")`.
   * @example
   * const used = await gis.admin.credits.creditUsage({ timeFrame: "30days" });
   */
  async creditUsage(window: UsageWindow = {}): Promise<Record<string, number>> {
    const result = await getUsage(this.gis.session, {
      ...usageParams(window),
      groupby: "stype,etype",
      vars: "credits,num",
    });
    const totals: Record<string, number> = {};
    for (const series of result.data ?? []) {
      const sum = (series.credits ?? []).reduce((total, [, value]) => total + Number(value), 0);
      const type = series.stype ?? "";
      totals[type] = (totals[type] ?? 0) + sum;
    }
    return totals;
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `CreditManager.__repr__()`.
   * @example
   * console.log(util.inspect(gis.admin.credits));
   */
  [inspect.custom](): string {
    return `<CreditManager url:"${this.gis.url}">`;
  }
}
