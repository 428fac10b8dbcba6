/** How often and how patiently idempotent requests are retried. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The first backoff; each later one doubles, with full jitter. */
  baseDelayMs: number;
  /** No single wait is longer than this, whatever Retry-After asks for. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 200,
  maxDelayMs: 30_000,
};

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const RETRYABLE_NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "ECONNABORTED",
  "EAI_AGAIN",
  "ERR_STREAM_PREMATURE_CLOSE",
]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

export function isRetryableNetworkError(code: string | undefined, message: string): boolean {
  if (code && RETRYABLE_NETWORK_CODES.has(code)) return true;
  return /socket hang up|aborted|premature close/i.test(message);
}

/**
 * The wait before attempt `attempt + 1`: what the server asked for in Retry-After when it
 * said, else exponential backoff with full jitter so that many clients do not retry in step.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfterHeader: string | undefined,
  random: () => number = Math.random,
): number {
  const asked = parseRetryAfter(retryAfterHeader);
  if (asked !== undefined) return Math.min(asked, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
