import { describe, expect, it } from 'vitest';
import {
  callsInLastHour,
  nextCursor,
  planPoll,
  QUEUE_STATUSES,
  recordCalls,
  withinBudget,
  type PollCall,
} from '@/entrypoints/background/poll-plan';

const AT = '2026-11-20T10:00:00.000Z';
const NOW = Date.parse(AT);
const WEEK_AGO = '2026-11-13T10:00:00.000Z';

const polled = (companyId: number, since: string): PollCall => ({
  companyId,
  questions: [{ updatedSince: since }],
  etag: null,
});

describe('planPoll', () => {
  it.each([1, 3, 100])('%i companies cost one list call each, whatever their number of requests', (companies) => {
    const ids = Array.from({ length: companies }, (_, i) => 8000 + i);
    const cursors = Object.fromEntries(ids.map((id) => [id, { since: AT, etag: '"e"' }]));
    const plan = planPoll(ids, cursors, NOW);
    expect(plan.map((c) => c.companyId)).toEqual(ids);
    expect(plan.every((c) => c.questions.length === 1)).toBe(true);
  });

  it("asks a company it never polled for its whole queue (every status but synced) and the last week's syncs", () => {
    expect(planPoll([8001], {}, NOW)).toEqual([
      {
        companyId: 8001,
        questions: [{ status: QUEUE_STATUSES }, { status: ['synced'], updatedSince: WEEK_AGO }],
        etag: null,
      },
    ]);
    expect(QUEUE_STATUSES).not.toContain('synced');
    expect(QUEUE_STATUSES).toHaveLength(5);
  });

  it('then asks what changed since its cursor, with the ETag until something changes', () => {
    const [first] = planPoll([8001], {}, NOW);
    const afterFirst = nextCursor(first!, '2026-11-20T10:05:00.000Z', { notModified: false, etag: '"synced-list"' });
    // The ETag of the first poll's second question stands for another question: it is not reused.
    expect(afterFirst).toEqual({ since: '2026-11-20T10:03:00.000Z', etag: null });
    const [second] = planPoll([8001], { 8001: afterFirst }, NOW);
    expect(second).toEqual({ companyId: 8001, questions: [{ updatedSince: '2026-11-20T10:03:00.000Z' }], etag: null });
    const changed = nextCursor(second!, '2026-11-20T10:06:00.000Z', { notModified: false, etag: '"a"' });
    expect(changed).toEqual({ since: '2026-11-20T10:04:00.000Z', etag: '"a"' });
    const [third] = planPoll([8001], { 8001: changed }, NOW);
    expect(third!.etag).toBe('"a"');
    expect(nextCursor(third!, '2026-11-20T10:10:00.000Z', { notModified: true, etag: '"a"' })).toEqual(changed);
  });
});

describe('hourly budget', () => {
  it('counts the last hour only and cuts a poll to what is left, oldest question first', () => {
    let calls = recordCalls({}, NOW - 61 * 60_000, 500);
    calls = recordCalls(calls, NOW - 10 * 60_000, 598);
    expect(callsInLastHour(calls, NOW)).toBe(598);
    const plan = [
      polled(1, '2026-11-20T09:00:00.000Z'),
      polled(2, '2026-11-20T08:00:00.000Z'),
      polled(3, '2026-11-20T09:30:00.000Z'),
    ];
    expect(withinBudget(plan, calls, NOW).map((c) => c.companyId)).toEqual([2, 1]);
  });

  it("counts a company's first poll as its two calls, and asks never-polled companies first", () => {
    const plan = [polled(1, '2026-11-20T09:00:00.000Z'), ...planPoll([2, 3], {}, NOW)];
    const reported = (remaining: number) => ({ limit: 25, remaining, resetAt: NOW + 5_000 });
    expect(withinBudget(plan, {}, NOW, reported(5)).map((c) => c.companyId)).toEqual([2, 3, 1]);
    expect(withinBudget(plan, {}, NOW, reported(3)).map((c) => c.companyId)).toEqual([2]);
    expect(withinBudget(plan, {}, NOW, reported(1))).toEqual([]);
  });

  it('uses what the server reports left, not an assumed budget, once it has reported', () => {
    const plan = [1, 2, 3].map((companyId) => polled(companyId, AT));
    const reported = (remaining: number) => ({ limit: 25, remaining, resetAt: NOW + 5_000 });
    expect(withinBudget(plan, {}, NOW, reported(1))).toHaveLength(1);
    expect(withinBudget(plan, recordCalls({}, NOW, 599), NOW, reported(3))).toHaveLength(3);
    expect(withinBudget(plan, {}, NOW, reported(0))).toEqual([]);
  });
});
