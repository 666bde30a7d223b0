/**
 * What one poll asks the API, as pure functions: one list call per company the admin works in, never one per
 * request, whoever sent them; each company's cursor (`updated_since` and the ETag); and the calls that fit the hourly
 * budget. `polling.ts` applies them; unit tests and `npm run bench` measure them.
 */
import { STATUSES, type ErpStatus } from '@/lib/erp/status';
import type { Budget } from './api/rate-gate';
import type { TrackedMap } from '@/lib/contract/tracked-request';
import type { Companies, CompanyCursor } from './stored-items';
import { PRUNE_SYNCED_AFTER_MS } from './tracked-requests';

/** `updated_since` reaches back this far before the last poll, so a clock difference with the server loses nothing. */
export const SAFETY_MARGIN_MS = 2 * 60_000;
/**
 * The hourly budget assumed until the server reports its own (`X-Rate-Limit-*`, read by `api/rate-gate.ts`): the
 * example in Procore's rate-limiting guide, which says not to assume more.
 */
export const ASSUMED_HOURLY_BUDGET = 600;
/** Every status but synced: the company's queue, however old (a rejection from last month still needs the admin). */
export const QUEUE_STATUSES: readonly ErpStatus[] = STATUSES.filter((status) => status !== 'synced');

export interface ListQuestion {
  /** `filters[status][]`; every status when absent. */
  status?: readonly ErpStatus[];
  /** `filters[updated_since]`. */
  updatedSince?: string;
}

export interface PollCall {
  companyId: number;
  /**
   * A company polled for the first time asks two questions: its whole queue, and what was synced in the last 7 days.
   * After that, one: everything changed since its cursor.
   */
  questions: ListQuestion[];
  /** `If-None-Match`: only when asking exactly what was asked last time. */
  etag: string | null;
}

const minusMargin = (iso: string): string => new Date(Date.parse(iso) - SAFETY_MARGIN_MS).toISOString();

/** The first questions for a company: its queue, whatever its age, and its last week's syncs. */
export const firstQuestions = (now: number): ListQuestion[] => [
  { status: QUEUE_STATUSES },
  { status: ['synced'], updatedSince: new Date(now - PRUNE_SYNCED_AFTER_MS).toISOString() },
];

/**
 * One call per company (two the first time: `firstQuestions`). A company keeps its cursor until something changes, so
 * an unchanged company is asked the same question with its ETag and answers 304.
 */
export function planPoll(
  companyIds: readonly number[],
  cursors: Record<string, CompanyCursor>,
  now: number,
): PollCall[] {
  return companyIds.map((companyId) => {
    const cursor = cursors[companyId];
    return cursor?.since
      ? { companyId, questions: [{ updatedSince: cursor.since }], etag: cursor.etag }
      : { companyId, questions: firstQuestions(now), etag: null };
  });
}

/** Every company the admin has worked in with the extension: learnt from its pages, and from what is tracked. */
export function knownCompanies(companies: Companies, tracked: TrackedMap): number[] {
  const ids = new Set(Object.keys(companies).map(Number));
  for (const entry of Object.values(tracked)) ids.add(entry.companyId);
  return [...ids].sort((a, b) => a - b);
}

/** When a call's company was last asked: a company never asked sorts first. */
const askedAt = (call: PollCall): string => call.questions.find((q) => q.status === undefined)?.updatedSince ?? '';

/** The cursor after a poll started at `startedAt` got an answer: a new question only when the answer changed. */
export function nextCursor(
  call: PollCall,
  startedAt: string,
  answer: { notModified: boolean; etag: string | null },
): CompanyCursor {
  if (answer.notModified) return { since: askedAt(call), etag: call.etag };
  // The ETag stands for one question: after the first two, the next question is new and has none.
  return { since: minusMargin(startedAt), etag: call.questions.length === 1 ? answer.etag : null };
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
 * The calls that fit in what is left of the budget (a company's first poll costs two), companies asked longest ago
 * first: what the server last reported left in its window, else the assumed hourly budget less the calls counted in
 * the last hour. Each further page of an answer is counted when it is made (`Poller.countCalls`).
 */
export function withinBudget(
  plan: PollCall[],
  calls: Record<string, number>,
  now: number,
  reported: Budget | null = null,
): PollCall[] {
  let left = Math.max(0, reported ? reported.remaining : ASSUMED_HOURLY_BUDGET - callsInLastHour(calls, now));
  const fits: PollCall[] = [];
  for (const call of [...plan].sort((a, b) => askedAt(a).localeCompare(askedAt(b)))) {
    if (call.questions.length > left) break;
    left -= call.questions.length;
    fits.push(call);
  }
  return fits;
}
