import type { Session } from "../session/session";

/** One series of a usage answer: `[time, value]` pairs per interval, keyed by what was asked. */
export interface UsageSeries {
  stype?: string;
  etype?: string;
  username?: string;
  name?: string;
  num?: [number, string][];
  credits?: [number, string][];
}

/** What `portals/self/usage` answers: one series per group of `groupby`. */
export interface UsageReport {
  startTime: number;
  endTime: number;
  period: string;
  data: UsageSeries[];
}

/** Parameters of `portals/self/usage` (epoch ms window, interval, grouping, variables). */
export interface UsageParams {
  startTime: number;
  endTime: number;
  period: string;
  groupby: string;
  vars: string;
  /** Only this event type (e.g. `svcusg` for an item's views). */
  etype?: string;
  /** Only this item (its id) or service. */
  name?: string;
}

/** REST: `portals/self/usage` (Usage): credits and events of the organisation over a window. */
export async function getUsage(session: Session, params: UsageParams): Promise<UsageReport> {
  return session.get<UsageReport>("portals/self/usage", { ...params });
}
