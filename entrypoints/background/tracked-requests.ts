/**
 * The tracked map's rules, as pure functions: how API answers merge in (never an older answer over a newer one), how
 * a request this extension created is recorded, whether anything is still open, and what is old enough to forget.
 */
import type { ErpRequest } from '@/lib/contract/api-bodies';
import type { TrackedMap, TrackedRequest } from '@/lib/contract/tracked-request';
import { trackedKey, vendorKey } from '@/lib/contract/keys';
import { isOpen, isTerminal } from '@/lib/erp/status';

export const PRUNE_AFTER_MS = 30 * 24 * 3600_000;

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
