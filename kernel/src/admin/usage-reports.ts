import { inspect } from "node:util";
import type { GIS } from "../gis";
import { getUsage, type UsageReport } from "../rest/portals";
import { usageParams, type UsageWindow } from "./usage-period";

export type { UsageReport };

/**
 * The organisation's usage over time (ArcGIS Online, administrators): sign-ins and items
 * created per interval, and the credits they cost. Python: `gis.admin.usage_reports`
 * (`arcgis.gis.admin.AGOLUsageReports`).
 * @example
 * const report = await gis.admin.usageReports.users({ timeFrame: "30days" });
 */
export class AGOLUsageReports {
  /**
   * Made by `gis.admin`: use `gis.admin.usageReports`. Python: `AGOLUsageReports(url, gis)`.
   * @example
   * const reports = gis.admin.usageReports;
   */
  constructor(protected readonly gis: GIS) {}

  /**
   * Credits used per service type and interval. Python: `AGOLUsageReports.credit(
   * start_time=None, time_frame="week")` (a DataFrame there, the REST answer here).
   * @example
   * const { data } = await gis.admin.usageReports.credit({ timeFrame: "week" });
   */
  async credit(window: UsageWindow = {}): Promise<UsageReport> {
    return this.usage(window, "stype,etype", "credits,num");
  }

  /**
   * Activity per member and interval. Python: `AGOLUsageReports.users(start_time=None,
   * time_frame="week")`.
   * @example
   * const { data } = await gis.admin.usageReports.users({ timeFrame: "today" });
   */
  async users(window: UsageWindow = {}): Promise<UsageReport> {
    return this.usage(window, "username,stype,etype", "num");
  }

  private async usage(window: UsageWindow, groupby: string, vars: string): Promise<UsageReport> {
    return getUsage(this.gis.session, { ...usageParams(window), groupby, vars });
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `AGOLUsageReports.__repr__()`.
   * @example
   * console.log(util.inspect(gis.admin.usageReports));
   */
  [inspect.custom](): string {
    return `<AGOLUsageReports url:"${this.gis.url}">`;
  }
}
