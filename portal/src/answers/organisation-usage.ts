import { invalidParameter } from "../server/arcgis-error";
import { optionalChoice, optionalInteger } from "../server/param-readers";
import type { PortalServices } from "../server/portal-services";
import { missingParameter } from "../server/community-errors";

const PERIODS = { "1h": 3_600_000, "1d": 86_400_000, "1w": 7 * 86_400_000, "1m": 30 * 86_400_000 };
const MAX_BUCKETS = 1000;

interface UsageSeries {
  stype: string;
  etype: string;
  username?: string;
  times: number[];
}

/**
 * The organisation's usage (ArcGIS Online's `portals/self/usage` without `name`), counted from
 * what the portal records: sign-ins (the tokens it issued) and items created, per interval and,
 * with `groupby=username`, per member. Nothing here consumes credits, so credits are zero.
 */
export function organisationUsage(
  context: PortalServices,
  values: Record<string, string>,
): Record<string, unknown> {
  const startTime = optionalInteger(values, "startTime", { min: 0 });
  const endTime = optionalInteger(values, "endTime", { min: 0 });
  if (startTime === undefined) throw missingParameter("startTime");
  if (endTime === undefined) throw missingParameter("endTime");
  if (endTime <= startTime) throw invalidParameter("endTime", "must be after startTime.");
  const period = optionalChoice(values, "period", Object.keys(PERIODS)) ?? "1d";
  const step = PERIODS[period as keyof typeof PERIODS];
  const buckets = Math.ceil((endTime - startTime) / step);
  if (buckets > MAX_BUCKETS) {
    throw invalidParameter("period", `gives ${buckets} intervals; at most ${MAX_BUCKETS}.`);
  }
  const byUser = (values.groupby ?? "").toLowerCase().split(",").includes("username");
  const at = (index: number): number => startTime + index * step;
  return {
    startTime,
    endTime,
    period,
    data: usageSeries(context, startTime, endTime, byUser).map(({ times, ...keys }) => {
      const counts = new Array<number>(buckets).fill(0);
      times.forEach((time) => counts[Math.floor((time - startTime) / step)]++);
      return {
        ...keys,
        num: counts.map((count, index) => [at(index), String(count)]),
        credits: counts.map((_count, index) => [at(index), "0.0"]),
      };
    }),
  };
}

/** Sign-ins and items created in [startTime, endTime), per member when asked. */
function usageSeries(
  context: PortalServices,
  startTime: number,
  endTime: number,
  byUser: boolean,
): UsageSeries[] {
  const rows = (sql: string): { username: string; created: number }[] =>
    context.db.prepare(sql).all(startTime, endTime) as { username: string; created: number }[];
  const sources: [string, { username: string; created: number }[]][] = [
    ["signins", rows("SELECT username, created FROM tokens WHERE created >= ? AND created < ?")],
    [
      "itemsCreated",
      rows("SELECT owner AS username, created FROM items WHERE created >= ? AND created < ?"),
    ],
  ];
  const series: UsageSeries[] = [];
  for (const [etype, found] of sources) {
    if (!byUser) {
      series.push({ stype: "portal", etype, times: found.map((row) => row.created) });
      continue;
    }
    const users = [...new Set(found.map((row) => row.username))].sort();
    for (const username of users) {
      const times = found.filter((row) => row.username === username).map((row) => row.created);
      series.push({ stype: "portal", etype, username, times });
    }
  }
  return series;
}
