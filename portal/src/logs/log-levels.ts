/** Portal log levels, most severe first, as ArcGIS Enterprise names them. */
export const LOG_LEVELS = ["SEVERE", "WARNING", "INFO", "FINE", "VERBOSE", "DEBUG"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Whether a record at `level` is at or more severe than `threshold`. */
export function atLeast(level: LogLevel, threshold: LogLevel): boolean {
  return LOG_LEVELS.indexOf(level) <= LOG_LEVELS.indexOf(threshold);
}

/** Codes of the records the portal writes, grouped as the portal's message codes are. */
export const LOG_CODES = {
  signInFailed: 219001,
  permissionDenied: 219002,
  contentChanged: 219101,
  membersChanged: 219102,
  organisationChanged: 219103,
  adminOperation: 219201,
  internalError: 219901,
} as const;
