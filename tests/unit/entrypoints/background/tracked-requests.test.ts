import { describe, expect, it } from 'vitest';
import { mergeRequests, prune, PRUNE_AFTER_MS } from '@/entrypoints/background/tracked-requests';
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
