/**
 * The tracked map's rules, as pure functions: how API answers merge in (never an older answer over a newer one), how
 * a request this extension created is recorded, whether anything is still open, and what is old enough to forget.
 */
import type { ErpRequest } from '@/lib/contract/api-bodies';
import type { TrackedMap, TrackedRequest } from '@/lib/contract/tracked-request';
import { trackedKey } from '@/lib/contract/keys';
import { latestPerVendor } from '@/lib/erp/latest-request';
import { isTerminal, needsAttention } from '@/lib/erp/status';

export const PRUNE_AFTER_MS = 30 * 24 * 3600_000;
/** Synced requests are done with: kept a week, the popup's "recently synced" (and what the first poll asks for). */
export const PRUNE_SYNCED_AFTER_MS = 7 * 24 * 3600_000;

export interface MergeInput {
  companyId: number;
  /** Procore origin for links back; used for requests seen for the first time. */
  origin: string;
  requests: ErpRequest[];
}

export interface MergeResult {
  next: TrackedMap;
  /** Requests new or with a new status. */
  changed: TrackedRequest[];
}

/** Every request of the company's answer: updates of what is tracked, and the rest as history. */
export function mergeRequests(tracked: TrackedMap, { companyId, origin, requests }: MergeInput): MergeResult {
  const next = { ...tracked };
  const changed: TrackedRequest[] = [];
  for (const request of requests) {
    const key = trackedKey(companyId, request.id);
    const existing = next[key];
    if (existing) {
      if (request.updated_at < existing.request.updated_at) continue; // an older answer that arrived late
      const entry = { ...existing, request, origin: existing.origin || origin };
      next[key] = entry;
      if (existing.request.status !== request.status) changed.push(entry);
    } else {
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

/**
 * Forget synced requests untouched for 7 days and other finished ones for 30 (open requests are kept whatever their
 * age). A vendor's latest request is kept while it needs the admin: a colleague's rejection from last month is
 * still the company's queue.
 */
export function prune(tracked: TrackedMap, now: number): TrackedMap {
  const latest = new Set(latestPerVendor(Object.values(tracked)).map((e) => trackedKey(e.companyId, e.request.id)));
  const next: TrackedMap = {};
  for (const [key, entry] of Object.entries(tracked)) {
    const { status, updated_at } = entry.request;
    const age = now - Date.parse(updated_at);
    const old = status === 'synced' ? age > PRUNE_SYNCED_AFTER_MS : age > PRUNE_AFTER_MS;
    const keep = !isTerminal(status) || !old || (needsAttention(status) && latest.has(key));
    if (keep) next[key] = entry;
  }
  return next;
}

/** Share of the synced requests dropped each time storage is full (at least one). */
const DROP_SHARE = 0.25;

/**
 * Room for a write that storage refused as full: the oldest synced requests, a quarter of them at a time. Open
 * requests and those that need the admin (rejected, failed, retrieved) are never dropped; `dropped` is 0 when there is
 * nothing synced left to drop.
 */
export function dropOldestSynced(tracked: TrackedMap): { next: TrackedMap; dropped: number } {
  const synced = Object.entries(tracked)
    .filter(([, entry]) => entry.request.status === 'synced')
    .sort(([, a], [, b]) => Date.parse(a.request.updated_at) - Date.parse(b.request.updated_at));
  const drop = new Set(synced.slice(0, Math.ceil(synced.length * DROP_SHARE)).map(([key]) => key));
  const next = Object.fromEntries(Object.entries(tracked).filter(([key]) => !drop.has(key)));
  return { next, dropped: drop.size };
}
