import { describe, expect, it } from 'vitest';
import { dropOldestSynced, mergeRequests, prune } from '@/entrypoints/background/tracked-requests';
import { ORIGIN, request, trackedEntry, trackedMap } from './fakes';

const AT = '2026-11-20T10:00:00.000Z';
const entry = trackedEntry;
const map = trackedMap;

describe('mergeRequests', () => {
  it('updates a known request and reports its status change, keeping what the admin was told', () => {
    const tracked = map(entry(8001, 1, 'pending_acceptance'));
    const decided = request(1, 1, 'rejected', AT, {
      updated_at: '2026-11-20T11:00:00.000Z',
      rejection_comment: 'Tax ID missing',
    });
    const { next, changed } = mergeRequests(tracked, {
      companyId: 8001,
      origin: ORIGIN,
      requests: [decided],
    });
    expect(changed.map((e) => e.request.status)).toEqual(['rejected']);
    expect(next['8001:1']).toMatchObject({
      notifiedStatus: 'pending_acceptance',
      request: { rejection_comment: 'Tax ID missing' },
    });
  });

  it('ignores an answer older than what is stored', () => {
    const tracked = map(entry(8001, 1, 'synced', 1, '2026-11-20T12:00:00.000Z'));
    const stale = request(1, 1, 'accepted', AT);
    expect(mergeRequests(tracked, { companyId: 8001, origin: ORIGIN, requests: [stale] }).next).toEqual(tracked);
  });

  it("adopts every request of the company's answer, whoever sent it, as history (nothing to notify)", () => {
    const tracked = map(entry(8001, 1, 'rejected', 101));
    const resent = request(2, 101, 'pending_acceptance', AT);
    const colleagues = request(3, 999, 'rejected', AT, { sent_by: { id: 9, name: 'Jordan Lee' } });
    const { next, changed } = mergeRequests(tracked, {
      companyId: 8001,
      origin: ORIGIN,
      requests: [resent, colleagues],
    });
    expect(Object.keys(next).sort()).toEqual(['8001:1', '8001:2', '8001:3']);
    expect(next['8001:3']?.notifiedStatus).toBe('rejected');
    expect(changed.map((e) => e.request.id)).toEqual([2, 3]);
  });
});

describe('prune', () => {
  const now = Date.parse(AT);
  const ago = (days: number) => new Date(now - days * 24 * 3600_000).toISOString();

  it('forgets synced requests after 7 days, other finished ones after 30, open ones never', () => {
    const tracked = map(
      entry(8001, 1, 'synced', 1, ago(8)),
      entry(8001, 2, 'synced', 2, ago(6)),
      entry(8001, 3, 'pending_acceptance', 3, ago(90)),
      entry(8001, 4, 'retrieved', 4, ago(31)),
      entry(8001, 5, 'retrieved', 5, ago(29)),
    );
    expect(Object.keys(prune(tracked, now)).sort()).toEqual(['8001:2', '8001:3', '8001:5']);
  });

  it("keeps an old rejection while it is its vendor's latest request: it is still the company's queue", () => {
    const tracked = map(
      entry(8001, 1, 'rejected', 101, ago(60)),
      entry(8001, 2, 'rejected', 102, ago(60)),
      entry(8001, 3, 'failed', 102, ago(45)),
    );
    expect(Object.keys(prune(tracked, now)).sort()).toEqual(['8001:1', '8001:3']);
  });
});

describe('room for a write when storage is full', () => {
  const day = (n: number) => `2026-11-${String(n).padStart(2, '0')}T10:00:00.000Z`;
  const synced = (id: number, n: number) => entry(8001, id, 'synced', id, day(n));

  it('drops the oldest quarter of the synced requests (at least one), nothing else', () => {
    const kept = [
      entry(8001, 1, 'pending_acceptance', 1, day(1)),
      entry(8001, 2, 'rejected', 2, day(1)),
      entry(8001, 3, 'failed', 3, day(1)),
      entry(8001, 4, 'retrieved', 4, day(1)),
      entry(8001, 5, 'accepted', 5, day(1)),
    ];
    const syncedOnes = [synced(10, 9), synced(11, 2), synced(12, 5), synced(13, 7), synced(14, 3)];
    const { next, dropped } = dropOldestSynced(map(...kept, ...syncedOnes));
    // A quarter of five, rounded up: the two synced longest ago.
    expect(dropped).toBe(2);
    expect(Object.keys(next).sort()).toEqual(
      ['8001:1', '8001:2', '8001:3', '8001:4', '8001:5', '8001:10', '8001:12', '8001:13'].sort(),
    );
  });

  it('has nothing to give up when nothing is synced', () => {
    const tracked = map(entry(8001, 1, 'rejected'), entry(8001, 2, 'pending_acceptance'));
    expect(dropOldestSynced(tracked)).toEqual({ next: tracked, dropped: 0 });
  });
});
