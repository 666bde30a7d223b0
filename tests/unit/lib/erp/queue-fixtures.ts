/** Tracked requests for the queue and popup tests. */
import type { ErpRequest } from '@/lib/contract/api-bodies';
import type { QueueView } from '@/lib/contract/messages';
import type { TrackedRequest } from '@/lib/contract/tracked-request';
import { requestRecord } from '../../records';

export const ORIGIN = 'http://127.0.0.1:4100';
export const NOW = Date.parse('2026-11-25T12:00:00Z');
export const minutesAgo = (minutes: number): string => new Date(NOW - minutes * 60_000).toISOString();

let nextId = 1;

export function tracked(
  overrides: Partial<ErpRequest> & Pick<ErpRequest, 'item_name' | 'status'>,
  companyId = 8001,
): TrackedRequest {
  const id = overrides.id ?? nextId++;
  return {
    companyId,
    origin: ORIGIN,
    notifiedStatus: null,
    request: requestRecord({
      id,
      item_id: overrides.item_id ?? 100 + id,
      created_at: minutesAgo(120),
      updated_at: minutesAgo(60),
      ...overrides,
    }),
  };
}

export const rejected = (item_name: string, minutes = 30, extra: Partial<ErpRequest> = {}): TrackedRequest =>
  tracked({
    item_name,
    status: 'rejected',
    updated_at: minutesAgo(minutes),
    decided_at: minutesAgo(minutes),
    decided_by: { id: 3, name: 'Avery Approver' },
    rejection_comment: 'Tax ID missing on W-9',
    ...extra,
  });

/** `count` requests spread over every status, as a big queue looks. */
export function bigQueue(count: number): TrackedRequest[] {
  const statuses = ['rejected', 'failed', 'pending_acceptance', 'accepted', 'retrieved', 'synced'] as const;
  return Array.from({ length: count }, (_, i) =>
    tracked({
      item_name: `Company ${i}`,
      item_id: 10_000 + i,
      status: statuses[i % statuses.length]!,
      updated_at: minutesAgo(i),
    }),
  );
}

/** A queue view as the background answers it: everyone's, the admin not known yet, nothing skipped, unless given. */
export const queueView = (view: Pick<QueueView, 'requests'> & Partial<QueueView>): QueueView => ({
  lastUpdated: null,
  error: null,
  me: null,
  whose: 'everyone',
  skipped: [],
  ...view,
});
