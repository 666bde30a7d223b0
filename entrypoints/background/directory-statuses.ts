/**
 * The statuses the Directory's list shows beside each company: the latest request of each vendor on the page, from
 * what is tracked, and for the vendors nothing is tracked of, one list call for all of them (`filters[item_id][]`).
 * What that call finds is tracked too; what it does not (never sent, or synced long ago and pruned) is kept for a
 * minute, so that paging back and forth, a search or a re-render does not ask again.
 *
 * A worker just woken holds nothing tracked in memory, and reading it is longer than the list may wait (5 MB for
 * 10,000 requests, over 100 ms): it asks the API for every vendor on the page instead, in the same one call, and reads
 * what is tracked only if the API cannot answer.
 */
import type { ErpRequest } from '@/lib/contract/api-bodies';
import { fail, ok, type Result } from '@/lib/contract/errors';
import { vendorKey } from '@/lib/contract/keys';
import type { TrackedMap } from '@/lib/contract/tracked-request';
import { latestByVendor, newestFirst } from '@/lib/erp/latest-request';
import type { ApiClient } from './api/client';
import { afterAnswer } from './after-answer';
import { toUserError } from './api/api-error';
import { COMPANY_CACHE_MS } from './vendor-view';

export interface DirectoryStatusesDeps {
  api: () => Promise<Result<ApiClient>>;
  tracked: () => Promise<TrackedMap>;
  /** What is tracked if this worker has read it already, else null. */
  trackedInMemory: () => TrackedMap | null;
  record: (companyId: number, requests: ErpRequest[]) => Promise<void>;
  now?: () => number;
}

/** The latest request of each asked vendor that has one; a vendor never sent is left out. */
export type DirectoryStatusesOf = (companyId: number, vendorIds: readonly number[]) => Promise<Result<ErpRequest[]>>;

export function createDirectoryStatuses({
  api,
  tracked,
  trackedInMemory,
  record,
  now = Date.now,
}: DirectoryStatusesDeps) {
  /** Asked of the API lately: what it answered for the vendor (null: nothing). By `vendorKey`. */
  const asked = new Map<string, { at: number; latest: ErpRequest | null }>();

  const fresh = (key: string) => {
    const entry = asked.get(key);
    return entry && now() - entry.at < COMPANY_CACHE_MS ? entry : undefined;
  };

  /** One list call for these vendors: what it finds is kept a minute (`asked`) and tracked. */
  async function askApi(companyId: number, vendorIds: readonly number[]): Promise<Result<void>> {
    if (vendorIds.length === 0) return ok(undefined);
    const client = await api();
    if (!client.ok) return client;
    try {
      const { requests } = await client.value.listRequests(companyId, { itemIds: [...vendorIds] });
      const newest = [...requests].sort(newestFirst);
      for (const id of vendorIds) {
        asked.set(vendorKey(companyId, id), { at: now(), latest: newest.find((r) => r.item_id === id) ?? null });
      }
      // The list has its answer first: recording reads, checks and writes every tracked request.
      afterAnswer('the requests of a Directory list were not tracked', () => record(companyId, requests));
      return ok(undefined);
    } catch (err) {
      return fail(toUserError(err));
    }
  }

  const notAsked = (companyId: number) => (id: number) => !fresh(vendorKey(companyId, id));
  /** Each vendor's latest request: `known` (what is tracked), else what the API answered lately. */
  const latestOf = (companyId: number, vendorIds: readonly number[], known: (id: number) => ErpRequest | undefined) =>
    vendorIds
      .map((id) => known(id) ?? fresh(vendorKey(companyId, id))?.latest ?? null)
      .filter((request): request is ErpRequest => request !== null);

  /** From what is tracked, and the API for the rest; `failed`: the API's failure a moment ago, not asked again. */
  async function fromTracked(
    companyId: number,
    vendorIds: readonly number[],
    all: TrackedMap,
    failed: Result<void> | null,
  ): Promise<Result<ErpRequest[]>> {
    const latestTracked = latestByVendor(Object.values(all));
    const known = (id: number) => latestTracked.get(vendorKey(companyId, id))?.request;
    const unknown = vendorIds.filter((id) => !known(id) && notAsked(companyId)(id));
    const answered = unknown.length > 0 ? (failed ?? (await askApi(companyId, unknown))) : ok(undefined);
    return answered.ok ? ok(latestOf(companyId, vendorIds, known)) : answered;
  }

  const statusesOf: DirectoryStatusesOf = async (companyId, vendorIds) => {
    const held = trackedInMemory();
    if (held) return fromTracked(companyId, vendorIds, held, null);
    const fromApi = await askApi(companyId, vendorIds.filter(notAsked(companyId)));
    if (fromApi.ok) return ok(latestOf(companyId, vendorIds, () => undefined));
    return fromTracked(companyId, vendorIds, await tracked(), fromApi);
  };
  return statusesOf;
}
