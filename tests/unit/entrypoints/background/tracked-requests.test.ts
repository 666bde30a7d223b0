import { describe, expect, it } from 'vitest';
import type { TrackedRequest } from '@/lib/contract/messages';
import type { TrackedMap } from '@/entrypoints/background/storage/stored-items';
import {
  badgeCount, callsInLastHour, dueNotifications, markNotified, mergeRequests, nextCursor, planPoll, prune,
  PRUNE_AFTER_MS, recordCalls, recordSent, SAFETY_MARGIN_MS, withinBudget,
} from '@/entrypoints/background/tracked-requests';
import type { ErpStatus } from '@/lib/erp/status';
import { ORIGIN, request } from './fakes';

const AT = '2026-11-20T10:00:00.000Z';

function entry(companyId: number, id: number, status: ErpStatus, itemId = id, at = AT, notified: ErpStatus | null = status): TrackedRequest {
  return { request: request(id, itemId, status, at), companyId, origin: ORIGIN, notifiedStatus: notified };
}
const map = (...entries: TrackedRequest[]): TrackedMap =>
  Object.fromEntries(entries.map((e) => [`${e.companyId}:${e.request.id}`, e]));

/** `n` open requests spread over `companies` companies. */
function manyOpen(n: number, companies: number): TrackedMap {
  return map(...Array.from({ length: n }, (_, i) => entry(8000 + (i % companies), i + 1, 'pending_acceptance')));
}

describe('planPoll', () => {
  it.each([
    [1, 1],
    [100, 1],
    [1000, 1],
    [100, 3],
    [1000, 3],
  ])('%i open requests in %i companies cost one list call per company', (n, companies) => {
    const plan = planPoll(manyOpen(n, companies), {});
    expect(plan).toHaveLength(companies);
    expect(new Set(plan.map((c) => c.companyId)).size).toBe(companies);
  });

  it('asks nothing when every request is finished, unless asked for all', () => {
    const done = map(entry(8001, 1, 'synced'), entry(8002, 2, 'rejected'));
    expect(planPoll(done, {})).toEqual([]);
    expect(planPoll(done, {}, { all: true })).toHaveLength(2);
  });

  it('starts from the oldest open request, minus the safety margin, with no ETag', () => {
    const tracked = map(entry(8001, 1, 'pending_acceptance', 1, '2026-11-20T10:00:00.000Z'), entry(8001, 2, 'accepted', 2, '2026-11-19T10:00:00.000Z'));
    expect(planPoll(tracked, {})).toEqual([
      { companyId: 8001, updatedSince: new Date(Date.parse('2026-11-19T10:00:00.000Z') - SAFETY_MARGIN_MS).toISOString(), etag: null },
    ]);
  });

  it('asks the same question with the ETag until something changes', () => {
    const call = { companyId: 8001, updatedSince: '2026-11-20T09:58:00.000Z', etag: null };
    const changedCursor = nextCursor(call, '2026-11-20T10:05:00.000Z', { notModified: false, etag: '"a"' });
    expect(changedCursor).toEqual({ since: '2026-11-20T10:03:00.000Z', etag: '"a"' });
    const [next] = planPoll(manyOpen(1, 1), { 8000: changedCursor });
    expect(next).toEqual({ companyId: 8000, updatedSince: '2026-11-20T10:03:00.000Z', etag: '"a"' });
    expect(nextCursor(next!, '2026-11-20T10:10:00.000Z', { notModified: true, etag: '"a"' })).toEqual(changedCursor);
  });
});

describe('mergeRequests', () => {
  it('updates a known request and reports its status change, keeping what the admin was told', () => {
    const tracked = map(entry(8001, 1, 'pending_acceptance'));
    const decided = request(1, 1, 'rejected', AT, { updated_at: '2026-11-20T11:00:00.000Z', rejection_comment: 'Tax ID missing' });
    const { next, changed } = mergeRequests(tracked, { companyId: 8001, origin: ORIGIN, requests: [decided], adopt: 'known' });
    expect(changed.map((e) => e.request.status)).toEqual(['rejected']);
    expect(next['8001:1']).toMatchObject({ notifiedStatus: 'pending_acceptance', request: { rejection_comment: 'Tax ID missing' } });
  });

  it('ignores an answer older than what is stored', () => {
    const tracked = map(entry(8001, 1, 'synced', 1, '2026-11-20T12:00:00.000Z'));
    const stale = request(1, 1, 'accepted', AT);
    expect(mergeRequests(tracked, { companyId: 8001, origin: ORIGIN, requests: [stale], adopt: 'all' }).next).toEqual(tracked);
  });

  it("a poll adopts only requests of vendors already tracked; a vendor page adopts all, as history", () => {
    const tracked = map(entry(8001, 1, 'rejected', 101));
    const resent = request(2, 101, 'pending_acceptance', AT);
    const stranger = request(3, 999, 'pending_acceptance', AT);
    const polled = mergeRequests(tracked, { companyId: 8001, origin: ORIGIN, requests: [resent, stranger], adopt: 'known' });
    expect(Object.keys(polled.next).sort()).toEqual(['8001:1', '8001:2']);
    const visited = mergeRequests(tracked, { companyId: 8001, origin: ORIGIN, requests: [stranger], adopt: 'all' });
    expect(visited.next['8001:3']?.notifiedStatus).toBe('pending_acceptance');
  });
});

describe('notifications', () => {
  it('are due once per change of accepted, synced, rejected or failed', () => {
    let tracked = recordSent({}, 8001, ORIGIN, request(1, 101, 'pending_acceptance', AT));
    expect(dueNotifications(tracked)).toEqual([]);
    for (const status of ['accepted', 'synced'] as const) {
      tracked = mergeRequests(tracked, { companyId: 8001, origin: ORIGIN, requests: [request(1, 101, status, AT)], adopt: 'known' }).next;
      const due = dueNotifications(tracked);
      expect(due.map((e) => e.request.status)).toEqual([status]);
      tracked = markNotified(tracked, due);
      expect(dueNotifications(tracked)).toEqual([]);
    }
  });

  it('never announce a retrieval (the admin did it)', () => {
    expect(dueNotifications(map(entry(8001, 1, 'retrieved', 1, AT, 'pending_acceptance')))).toEqual([]);
  });
});

describe('badgeCount', () => {
  it('counts the vendors whose newest request was rejected or failed', () => {
    const tracked = map(
      entry(8001, 1, 'rejected', 101, '2026-11-01T00:00:00.000Z'),
      entry(8001, 2, 'pending_acceptance', 101, '2026-11-02T00:00:00.000Z'), // re-sent since: no longer needs the admin
      entry(8001, 3, 'failed', 102),
      entry(8002, 4, 'rejected', 201),
      entry(8001, 5, 'synced', 103),
      entry(8001, 6, 'retrieved', 104),
    );
    expect(badgeCount(tracked)).toBe(2);
  });
});

describe('prune', () => {
  const now = Date.parse(AT) + PRUNE_AFTER_MS + 1;
  it('forgets finished requests older than 30 days and keeps open ones whatever their age', () => {
    const tracked = map(entry(8001, 1, 'synced'), entry(8001, 2, 'pending_acceptance'), entry(8001, 3, 'rejected', 3, new Date(now - 1000).toISOString()));
    expect(Object.keys(prune(tracked, now)).sort()).toEqual(['8001:2', '8001:3']);
  });
});

describe('hourly budget', () => {
  it('counts the last hour only and cuts a poll to what is left, oldest question first', () => {
    const now = Date.parse(AT);
    let calls = recordCalls({}, now - 61 * 60_000, 3000);
    calls = recordCalls(calls, now - 10 * 60_000, 3598);
    expect(callsInLastHour(calls, now)).toBe(3598);
    const plan = [
      { companyId: 1, updatedSince: '2026-11-20T09:00:00.000Z', etag: null },
      { companyId: 2, updatedSince: '2026-11-20T08:00:00.000Z', etag: null },
      { companyId: 3, updatedSince: '2026-11-20T09:30:00.000Z', etag: null },
    ];
    expect(withinBudget(plan, calls, now).map((c) => c.companyId)).toEqual([2, 1]);
  });
});
