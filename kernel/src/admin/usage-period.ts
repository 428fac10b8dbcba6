/** How far back each of Python's `time_frame` values reaches, and the interval it reports by. */
const TIME_FRAMES: Readonly<Record<string, { days: number; period: string }>> = {
  today: { days: 1, period: "1h" },
  week: { days: 7, period: "1d" },
  "7days": { days: 7, period: "1d" },
  "14days": { days: 14, period: "1d" },
  month: { days: 30, period: "1d" },
  "30days": { days: 30, period: "1d" },
  "60days": { days: 60, period: "1d" },
  "90days": { days: 90, period: "1d" },
  "6months": { days: 180, period: "1w" },
  year: { days: 365, period: "1m" },
};

const DAY_MS = 86_400_000;

/** A usage window: `startTime` is the most recent moment, as in Python's usage calls. */
export interface UsageWindow {
  startTime?: Date;
  endTime?: Date;
  /** today, week (default), 14days, 30days, 60days, 90days, 6months, year. */
  timeFrame?: string;
}

function dateOf(value: unknown, argument: string): Date | undefined {
  if (value === undefined || value === null) return undefined;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new TypeError(`${argument}: expected a Date, got ${String(value)}`);
  }
  return value;
}

/** The `startTime`/`endTime`/`period` parameters of `portals/self/usage` for a window. */
export function usageParams(window: UsageWindow): {
  startTime: number;
  endTime: number;
  period: string;
} {
  const latest = dateOf(window.startTime, "startTime") ?? new Date();
  const earliest = dateOf(window.endTime, "endTime");
  if (earliest) {
    const days = (latest.getTime() - earliest.getTime()) / DAY_MS;
    if (days <= 0) throw new RangeError("endTime: must be before startTime");
    const period = days <= 1 ? "1h" : days < 183 ? "1d" : days < 365 ? "1w" : "1m";
    return { startTime: earliest.getTime(), endTime: latest.getTime(), period };
  }
  const name = (window.timeFrame ?? "week").toLowerCase();
  const frame = TIME_FRAMES[name];
  if (!frame) {
    throw new RangeError(
      `timeFrame: expected one of ${Object.keys(TIME_FRAMES).join(", ")}, got ${window.timeFrame}`,
    );
  }
  return {
    startTime: latest.getTime() - frame.days * DAY_MS,
    endTime: latest.getTime(),
    period: frame.period,
  };
}
