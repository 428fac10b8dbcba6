/** One row of `Item.usage(asDf=true)`. */
export interface UsageRow {
  date: Date;
  usage: number;
}

const RANGES: Record<string, { ms: number; period: string }> = {
  "24H": { ms: 24 * 3600_000, period: "1h" },
  "7D": { ms: 7 * 86400_000, period: "1d" },
  "14D": { ms: 14 * 86400_000, period: "1d" },
  "30D": { ms: 30 * 86400_000, period: "1d" },
  "60D": { ms: 60 * 86400_000, period: "1d" },
  "6M": { ms: 182 * 86400_000, period: "1w" },
  "1Y": { ms: 365 * 86400_000, period: "1w" },
};

/** The time window and bucket size of a `dateRange` such as "7D". */
export function usageRange(dateRange: unknown): {
  startTime: number;
  endTime: number;
  period: string;
} {
  const key = typeof dateRange === "string" ? dateRange.toUpperCase() : "";
  const range = RANGES[key];
  if (!range) {
    throw new RangeError(
      `dateRange: expected one of ${Object.keys(RANGES).join(", ")}, got ${String(dateRange)}`,
    );
  }
  const endTime = Date.now();
  return { startTime: endTime - range.ms, endTime, period: range.period };
}
