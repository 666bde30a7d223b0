/** How long to wait before retrying a transient failure. Pure: the API client applies it, unit tests pin it. */

export interface BackoffPolicy {
  /** Delay ceiling of the first retry, in ms; it doubles with every attempt. */
  base: number;
  /** No wait is ever longer than this, whether computed or asked for by the server. */
  cap: number;
  /** A number in [0, 1), like `Math.random`. */
  random: () => number;
}

export const DEFAULT_BACKOFF = { base: 500, cap: 30_000 } as const;

/**
 * Exponential backoff with full jitter: a random wait between 0 and min(cap, base · 2^attempt).
 * Full jitter spreads clients that failed together, so they do not retry together. `attempt` counts from 0.
 */
export function backoffDelay(attempt: number, { base, cap, random }: BackoffPolicy): number {
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

/** The wait `Retry-After` asks for (seconds or an HTTP date), in ms, or null. Never negative; the caller caps it. */
export function retryAfterDelay(headers: Headers, now: number): number | null {
  const retryAfter = headers.get('retry-after')?.trim();
  if (!retryAfter) return null;
  // HTTP dates start with the weekday; anything else Date.parse would guess at ("-5" is a date in 2001).
  const wait = /^\d+$/.test(retryAfter)
    ? Number(retryAfter) * 1000
    : /^[a-z]{3}/i.test(retryAfter)
      ? Date.parse(retryAfter) - now
      : NaN;
  return Number.isFinite(wait) ? Math.max(0, wait) : null;
}

/** A header holding a plain non-negative number (`X-Rate-Limit-*`), or null when missing or anything else. */
export function numberHeader(headers: Headers, name: string): number | null {
  const value = headers.get(name)?.trim();
  return value && /^\d+(\.\d+)?$/.test(value) ? Number(value) : null;
}

/**
 * The wait a rate-limited (429) answer asks for, in ms, or null: `Retry-After` first, else `X-Rate-Limit-Reset`
 * (epoch seconds when the rate-limit window reopens). Never negative; the caller caps it.
 */
export function serverDelay(headers: Headers, now: number): number | null {
  const asked = retryAfterDelay(headers, now);
  if (asked !== null) return asked;
  const reset = numberHeader(headers, 'x-rate-limit-reset');
  return reset === null ? null : Math.max(0, Math.ceil(reset * 1000 - now));
}
