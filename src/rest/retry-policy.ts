/**
 * How reads are retried (contract §4); writes are never retried. Configured with the
 * `UPSTREAM_RETRY_*` variables (`config.ts`, which holds the defaults).
 */
export interface RetryPolicy {
  /** Attempts in all, the first included (1 = no retry). */
  maxAttempts: number;
  /** First backoff; doubles per attempt, each jittered between half and all of it. */
  baseDelayMs: number;
  /** Ceiling of one backoff. */
  maxDelayMs: number;
  /** A `Retry-After` above this is not waited for: the error goes back to the caller. */
  maxRetryAfterMs: number;
}

// Contract §3 and §4: the statuses a later attempt can fix. 501 and 505 (and every other status)
// say the request itself will not work, however often it is sent.
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Whether a later attempt can fix an upstream answer with this status: the one table behind both
 * the server's retries of reads and the `retryable` flag callers read (`isRetryableFailure`).
 */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** Capped exponential backoff, jittered between half and all of it ("attempt": attempts made so far). */
export function backoffDelayMs(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/**
 * The most `retryAfterSeconds` a caller is ever told: one hour. A provider asking for more (or a
 * broken header such as `999999999999`) is still answered at once; the caller is told to come
 * back in an hour rather than in 31,000 years, and the number stays a small integer.
 */
export const MAX_RETRY_AFTER_SECONDS = 3600;

/** `seconds` within 0 … {@link MAX_RETRY_AFTER_SECONDS}, rounded up; undefined stays undefined. */
export function capRetryAfterSeconds(seconds: number | undefined): number | undefined {
  if (seconds === undefined || Number.isNaN(seconds)) return undefined;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Math.ceil(seconds)));
}

/** Seconds from a `Retry-After` header (delta-seconds or HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
