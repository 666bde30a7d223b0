/**
 * Status tracking as pure functions over the tracked map: which API calls one poll makes, how answers merge in,
 * what deserves a notification, what the badge counts, what is old enough to forget, and the hourly call budget.
 * The background (`poller.ts`) applies them; unit tests and `npm run bench` measure them.
 */
import type { ErpRequest } from '../../lib/contract/api-bodies';
import type { TrackedRequest } from '../../lib/contract/messages';
import { isOpen, isTerminal, needsAttention, type ErpStatus } from '../../lib/erp/status';
import { trackedKey, vendorKey, type CompanyCursor, type TrackedMap } from './storage/stored-items';

/** `updated_since` reaches back this far before the last poll, so a clock difference with the server loses nothing. */
export const SAFETY_MARGIN_MS = 2 * 60_000;
/** Procore's default budget per token. */
export const HOURLY_BUDGET = 3600;
export const PRUNE_AFTER_MS = 30 * 24 * 3600_000;
/** The statuses the admin hears about. */
export const NOTIFY_STATUSES: ReadonlySet<ErpStatus> = new Set(['accepted', 'synced', 'rejected', 'failed']);

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
export function planPoll(tracked: TrackedMap, cursors: Record<string, CompanyCursor>, opts: { all?: boolean } = {}): PollCall[] {
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
export function nextCursor(call: PollCall, startedAt: string, answer: { notModified: boolean; etag: string | null }): CompanyCursor {
  if (answer.notModified) return { since: call.updatedSince, etag: call.etag };
  return { since: minusMargin(startedAt), etag: answer.etag };
}

export interface MergeInput {
  companyId: number;
  /** Procore origin for links back; used for requests seen for the first time. */
  origin: string;
  requests: ErpRequest[];
  /** 'all': record every request (a vendor page the admin opened); 'known': only updates and vendors already tracked (a poll). */
  adopt: 'all' | 'known';
}

export interface MergeResult {
  next: TrackedMap;
  /** Requests new or with a new status. */
  changed: TrackedRequest[];
}

export function mergeRequests(tracked: TrackedMap, { companyId, origin, requests, adopt }: MergeInput): MergeResult {
  const next = { ...tracked };
  const changed: TrackedRequest[] = [];
  const knownVendors = new Set(Object.values(tracked).map((e) => vendorKey(e.companyId, e.request.item_id)));
  for (const request of requests) {
    const key = trackedKey(companyId, request.id);
    const existing = next[key];
    if (existing) {
      if (request.updated_at < existing.request.updated_at) continue; // an older answer that arrived late
      const entry = { ...existing, request, origin: existing.origin || origin };
      next[key] = entry;
      if (existing.request.status !== request.status) changed.push(entry);
    } else if (adopt === 'all' || knownVendors.has(vendorKey(companyId, request.item_id))) {
      // First seen: its current status is history, not news.
      const entry: TrackedRequest = { request, companyId, origin, notifiedStatus: request.status };
      next[key] = entry;
      changed.push(entry);
    }
  }
  return { next, changed };
}

/** A request created by this extension: the admin knows it is pending, and hears about every later change. */
export function recordSent(tracked: TrackedMap, companyId: number, origin: string, request: ErpRequest): TrackedMap {
  const key = trackedKey(companyId, request.id);
  const notifiedStatus = tracked[key]?.notifiedStatus ?? 'pending_acceptance';
  return { ...tracked, [key]: { request, companyId, origin, notifiedStatus } };
}

/** Changes the admin has not been told about yet, at most one per request. */
export const dueNotifications = (tracked: TrackedMap): TrackedRequest[] =>
  Object.values(tracked).filter((e) => NOTIFY_STATUSES.has(e.request.status) && e.notifiedStatus !== e.request.status);

export function markNotified(tracked: TrackedMap, told: TrackedRequest[]): TrackedMap {
  const next = { ...tracked };
  for (const entry of told) {
    const key = trackedKey(entry.companyId, entry.request.id);
    const current = next[key];
    if (current && current.request.status === entry.request.status) next[key] = { ...current, notifiedStatus: entry.request.status };
  }
  return next;
}

/** The newest request of each vendor: an old rejection that was re-sent since no longer needs the admin. */
export function latestPerVendor(tracked: TrackedMap): TrackedRequest[] {
  const latest = new Map<string, TrackedRequest>();
  for (const entry of Object.values(tracked)) {
    const key = vendorKey(entry.companyId, entry.request.item_id);
    const seen = latest.get(key);
    if (!seen || newerFirst(entry, seen) < 0) latest.set(key, entry);
  }
  return [...latest.values()];
}

/** Sort order: newest request first (created, then id). */
export const newerFirst = (a: TrackedRequest, b: TrackedRequest): number =>
  b.request.created_at.localeCompare(a.request.created_at) || b.request.id - a.request.id;

export const badgeCount = (tracked: TrackedMap): number =>
  latestPerVendor(tracked).filter((e) => needsAttention(e.request.status)).length;

export const hasOpen = (tracked: TrackedMap): boolean => Object.values(tracked).some((e) => isOpen(e.request.status));

/** Forget finished requests untouched for 30 days. */
export function prune(tracked: TrackedMap, now: number, maxAgeMs = PRUNE_AFTER_MS): TrackedMap {
  const next: TrackedMap = {};
  for (const [key, entry] of Object.entries(tracked)) {
    const old = now - Date.parse(entry.request.updated_at) > maxAgeMs;
    if (!(isTerminal(entry.request.status) && old)) next[key] = entry;
  }
  return next;
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

/** The calls that fit in what is left of the hourly budget; companies asked longest ago go first. */
export function withinBudget(plan: PollCall[], calls: Record<string, number>, now: number, budget = HOURLY_BUDGET): PollCall[] {
  const left = Math.max(0, budget - callsInLastHour(calls, now));
  return [...plan].sort((a, b) => a.updatedSince.localeCompare(b.updatedSince)).slice(0, left);
}
