import { describe, expect, it } from 'vitest';
import { dropOldestSynced, mergeRequests, prune, PRUNE_AFTER_MS } from '@/entrypoints/background/tracked-requests';
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
      adopt: 'known',
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
    expect(mergeRequests(tracked, { companyId: 8001, origin: ORIGIN, requests: [stale], adopt: 'all' }).next).toEqual(
      tracked,
    );
  });

  it('a poll adopts only requests of vendors already tracked; a vendor page adopts all, as history', () => {
    const tracked = map(entry(8001, 1, 'rejected', 101));
    const resent = request(2, 101, 'pending_acceptance', AT);
    const stranger = request(3, 999, 'pending_acceptance', AT);
    const polled = mergeRequests(tracked, {
      companyId: 8001,
      origin: ORIGIN,
      requests: [resent, stranger],
      adopt: 'known',
    });
    expect(Object.keys(polled.next).sort()).toEqual(['8001:1', '8001:2']);
    const visited = mergeRequests(tracked, { companyId: 8001, origin: ORIGIN, requests: [stranger], adopt: 'all' });
    expect(visited.next['8001:3']?.notifiedStatus).toBe('pending_acceptance');
  });
});

describe('prune', () => {
  const now = Date.parse(AT) + PRUNE_AFTER_MS + 1;
  it('forgets finished requests older than 30 days and keeps open ones whatever their age', () => {
    const tracked = map(
      entry(8001, 1, 'synced'),
      entry(8001, 2, 'pending_acceptance'),
      entry(8001, 3, 'rejected', 3, new Date(now - 1000).toISOString()),
    );
    expect(Object.keys(prune(tracked, now)).sort()).toEqual(['8001:2', '8001:3']);
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
