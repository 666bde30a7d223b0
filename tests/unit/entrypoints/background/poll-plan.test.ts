import { describe, expect, it } from 'vitest';
import type { TrackedMap } from '@/lib/contract/tracked-request';
import {
  callsInLastHour,
  nextCursor,
  planPoll,
  recordCalls,
  SAFETY_MARGIN_MS,
  withinBudget,
} from '@/entrypoints/background/poll-plan';
import { trackedEntry, trackedMap } from './fakes';

const AT = '2026-11-20T10:00:00.000Z';
const entry = trackedEntry;
const map = trackedMap;

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
    const tracked = map(
      entry(8001, 1, 'pending_acceptance', 1, '2026-11-20T10:00:00.000Z'),
      entry(8001, 2, 'accepted', 2, '2026-11-19T10:00:00.000Z'),
    );
    expect(planPoll(tracked, {})).toEqual([
      {
        companyId: 8001,
        updatedSince: new Date(Date.parse('2026-11-19T10:00:00.000Z') - SAFETY_MARGIN_MS).toISOString(),
        etag: null,
      },
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

describe('hourly budget', () => {
  it('counts the last hour only and cuts a poll to what is left, oldest question first', () => {
    const now = Date.parse(AT);
    let calls = recordCalls({}, now - 61 * 60_000, 500);
    calls = recordCalls(calls, now - 10 * 60_000, 598);
    expect(callsInLastHour(calls, now)).toBe(598);
    const plan = [
      { companyId: 1, updatedSince: '2026-11-20T09:00:00.000Z', etag: null },
      { companyId: 2, updatedSince: '2026-11-20T08:00:00.000Z', etag: null },
      { companyId: 3, updatedSince: '2026-11-20T09:30:00.000Z', etag: null },
    ];
    expect(withinBudget(plan, calls, now).map((c) => c.companyId)).toEqual([2, 1]);
  });

  it('uses what the server reports left, not an assumed budget, once it has reported', () => {
    const now = Date.parse(AT);
    const plan = [1, 2, 3].map((companyId) => ({ companyId, updatedSince: AT, etag: null }));
    const reported = (remaining: number) => ({ limit: 25, remaining, resetAt: now + 5_000 });
    expect(withinBudget(plan, {}, now, reported(1))).toHaveLength(1);
    expect(withinBudget(plan, recordCalls({}, now, 599), now, reported(3))).toHaveLength(3);
    expect(withinBudget(plan, {}, now, reported(0))).toEqual([]);
  });
});
