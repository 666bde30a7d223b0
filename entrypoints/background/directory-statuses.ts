/**
 * The statuses the Directory's list shows beside each company: the latest request of each vendor on the page, from
 * what is tracked, and for the vendors nothing is tracked of, one list call for all of them (`filters[item_id][]`).
 * What that call finds is tracked too; what it does not (never sent, or synced long ago and pruned) is kept for a
 * minute, so that paging back and forth, a search or a re-render does not ask again.
 */
import type { ErpRequest } from '@/lib/contract/api-bodies';
import { fail, ok, type Result } from '@/lib/contract/errors';
import { vendorKey } from '@/lib/contract/keys';
import type { TrackedMap } from '@/lib/contract/tracked-request';
import { latestByVendor, newestFirst } from '@/lib/erp/latest-request';
import type { ApiClient } from './api/client';
import { toUserError } from './api/api-error';
import { COMPANY_CACHE_MS } from './vendor-view';

export interface DirectoryStatusesDeps {
  api: () => Promise<Result<ApiClient>>;
  tracked: () => Promise<TrackedMap>;
  record: (companyId: number, requests: ErpRequest[]) => Promise<void>;
  now?: () => number;
}

/** The latest request of each asked vendor that has one; a vendor never sent is left out. */
export type DirectoryStatusesOf = (companyId: number, vendorIds: readonly number[]) => Promise<Result<ErpRequest[]>>;

export function createDirectoryStatuses({ api, tracked, record, now = Date.now }: DirectoryStatusesDeps) {
  /** Asked of the API lately: what it answered for the vendor (null: nothing). By `vendorKey`. */
  const asked = new Map<string, { at: number; latest: ErpRequest | null }>();

  const fresh = (key: string) => {
    const entry = asked.get(key);
    return entry && now() - entry.at < COMPANY_CACHE_MS ? entry : undefined;
  };

  const statusesOf: DirectoryStatusesOf = async (companyId, vendorIds) => {
    const latestTracked = latestByVendor(Object.values(await tracked()));
    const known = (id: number) => latestTracked.get(vendorKey(companyId, id))?.request;
    const unknown = vendorIds.filter((id) => !known(id) && !fresh(vendorKey(companyId, id)));
    if (unknown.length > 0) {
      const client = await api();
      if (!client.ok) return client;
      try {
        const { requests } = await client.value.listRequests(companyId, { itemIds: unknown });
        const newest = [...requests].sort(newestFirst);
        for (const id of unknown) {
          asked.set(vendorKey(companyId, id), { at: now(), latest: newest.find((r) => r.item_id === id) ?? null });
        }
        // The list has its answer first: recording reads and writes every tracked request (`vendor-view.ts`).
        void record(companyId, requests).catch((err: unknown) =>
          console.error('[erp-resend] the requests of a Directory list were not tracked', err),
        );
      } catch (err) {
        return fail(toUserError(err));
      }
    }
    const latest = vendorIds.map((id) => known(id) ?? fresh(vendorKey(companyId, id))?.latest ?? null);
    return ok(latest.filter((request): request is ErpRequest => request !== null));
  };
  return statusesOf;
}
