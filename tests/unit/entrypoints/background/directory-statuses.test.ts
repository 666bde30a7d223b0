import { describe, expect, it, vi } from 'vitest';
import { createDirectoryStatuses } from '@/entrypoints/background/directory-statuses';
import { ok, type Result } from '@/lib/contract/errors';
import type { ErpRequest } from '@/lib/contract/api-bodies';
import type { TrackedMap } from '@/lib/contract/tracked-request';
import { FakeApi, request, trackedEntry, trackedMap } from './fakes';

const AT = '2026-11-19T10:00:00.000Z';
/** Tracked by an earlier worker: 101 pending (since rejected, which the API knows), 103 synced. */
const TRACKED: TrackedMap = trackedMap(
  trackedEntry(8001, 11, 'pending_acceptance', 101, AT),
  trackedEntry(8001, 13, 'synced', 103, AT),
);

function statuses(held: TrackedMap | null) {
  const api = new FakeApi();
  api.seed(8001, request(11, 101, 'rejected', AT), request(12, 102, 'failed', AT), request(13, 103, 'synced', AT));
  const tracked = vi.fn(async () => TRACKED);
  const record = vi.fn(async () => undefined);
  const statusesOf = createDirectoryStatuses({
    api: async () => ok(api),
    tracked,
    trackedInMemory: () => held,
    record,
  });
  return { api, tracked, record, statusesOf };
}

const shown = (answer: Result<ErpRequest[]>) =>
  answer.ok ? answer.value.map((r) => [r.item_id, r.status]) : answer.error.kind;

describe("the Directory list's statuses, by what the worker holds", () => {
  it('a worker holding what is tracked answers from it, and asks the API for the rest only', async () => {
    const { api, tracked, statusesOf } = statuses(TRACKED);
    expect(shown(await statusesOf(8001, [101, 102, 103]))).toEqual([
      [101, 'pending_acceptance'],
      [102, 'failed'],
      [103, 'synced'],
    ]);
    expect(api.calls.map((c) => c.args[1])).toEqual([{ itemIds: [102] }]);
    expect(tracked).not.toHaveBeenCalled();
  });

  it('a worker just woken asks the API for every vendor on the page, in one call, without reading what is tracked', async () => {
    const { api, tracked, record, statusesOf } = statuses(null);
    expect(shown(await statusesOf(8001, [101, 102, 103, 104]))).toEqual([
      [101, 'rejected'],
      [102, 'failed'],
      [103, 'synced'],
    ]);
    expect(api.calls.map((c) => c.args[1])).toEqual([{ itemIds: [101, 102, 103, 104] }]);
    expect(tracked).not.toHaveBeenCalled();
    // What it found is tracked once the answer is sent; the same page again is not asked for within the minute.
    expect(record).not.toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(record).toHaveBeenCalledWith(8001, expect.arrayContaining([expect.objectContaining({ id: 11 })])),
    );
    expect(shown(await statusesOf(8001, [104, 101]))).toEqual([[101, 'rejected']]);
    expect(api.calls).toHaveLength(1);
  });

  it('when the API cannot answer a worker just woken, what is tracked is shown, and the failure for the rest', async () => {
    const { api, tracked, statusesOf } = statuses(null);
    api.failNext('listRequests', { kind: 'network' });
    expect(shown(await statusesOf(8001, [101, 103]))).toEqual([
      [101, 'pending_acceptance'],
      [103, 'synced'],
    ]);
    expect(tracked).toHaveBeenCalledTimes(1);
    api.failNext('listRequests', { kind: 'network' });
    expect(shown(await statusesOf(8001, [101, 102]))).toBe('network');
    // Not asked twice for one list: once per ask.
    expect(api.countOf('listRequests')).toBe(2);
  });
});
