/**
 * What one poll asks the API, as pure functions over the tracked map: one list call per company, never one per
 * request; each company's cursor (`updated_since` and the ETag); and the calls that fit the hourly budget.
 * `polling.ts` applies them; unit tests and `npm run bench` measure them.
 */
import type { TrackedMap } from '@/lib/contract/tracked-request';
import { isOpen } from '@/lib/erp/status';
import type { Budget } from './api/rate-gate';
import type { CompanyCursor } from './stored-items';

/** `updated_since` reaches back this far before the last poll, so a clock difference with the server loses nothing. */
export const SAFETY_MARGIN_MS = 2 * 60_000;
/**
 * The hourly budget assumed until the server reports its own (`X-Rate-Limit-*`, read by `api/rate-gate.ts`): the
 * example in Procore's rate-limiting guide, which says not to assume more.
 */
export const ASSUMED_HOURLY_BUDGET = 600;

export interface PollCall {
  companyId: number;
  /** `filters[updated_since]`. */
  updatedSince: string;
  /** `If-None-Match`: only when asking exactly what was asked last time. */
  etag: string | null;
}

const minusMargin = (iso: string): string => new Date(Date.parse(iso) - SAFETY_MARGIN_MS).toISOString();

/**
 * One list call per company with open requests (or with any tracked request when `all`), never one per request.
 * A company keeps its cursor until something changes, so an unchanged company is asked the same question with its
 * ETag and answers 304.
 */
export function planPoll(
  tracked: TrackedMap,
  cursors: Record<string, CompanyCursor>,
  opts: { all?: boolean } = {},
): PollCall[] {
  const oldest = new Map<number, string>();
  for (const entry of Object.values(tracked)) {
    if (!opts.all && !isOpen(entry.request.status)) continue;
    const seen = oldest.get(entry.companyId);
    if (seen === undefined || entry.request.updated_at < seen) oldest.set(entry.companyId, entry.request.updated_at);
  }
  return [...oldest].map(([companyId, updatedAt]) => {
    const cursor = cursors[companyId];
    return cursor?.since
      ? { companyId, updatedSince: cursor.since, etag: cursor.etag }
      : { companyId, updatedSince: minusMargin(updatedAt), etag: null };
  });
}

/** The cursor after a poll started at `startedAt` got an answer: a new question only when the answer changed. */
export function nextCursor(
  call: PollCall,
  startedAt: string,
  answer: { notModified: boolean; etag: string | null },
): CompanyCursor {
  if (answer.notModified) return { since: call.updatedSince, etag: call.etag };
  return { since: minusMargin(startedAt), etag: answer.etag };
}

const minute = (now: number): number => Math.floor(now / 60_000);

/** Counts `count` calls made now, keeping only the last hour's minutes. */
export function recordCalls(calls: Record<string, number>, now: number, count: number): Record<string, number> {
  const current = minute(now);
  const next: Record<string, number> = {};
  for (const [m, n] of Object.entries(calls)) if (current - Number(m) < 60) next[m] = n;
  next[current] = (next[current] ?? 0) + count;
  return next;
}

export const callsInLastHour = (calls: Record<string, number>, now: number): number =>
  Object.entries(calls).reduce((sum, [m, n]) => (minute(now) - Number(m) < 60 ? sum + n : sum), 0);

/**
 * The calls that fit in what is left of the budget, companies asked longest ago first: what the server last reported
 * left in its window, else the assumed hourly budget less the calls counted in the last hour.
 */
export function withinBudget(
  plan: PollCall[],
  calls: Record<string, number>,
  now: number,
  reported: Budget | null = null,
): PollCall[] {
  const left = Math.max(0, reported ? reported.remaining : ASSUMED_HOURLY_BUDGET - callsInLastHour(calls, now));
  return [...plan].sort((a, b) => a.updatedSince.localeCompare(b.updatedSince)).slice(0, left);
}
