/**
 * What happens when stored data is found corrupt: it has already been replaced by what could be salvaged
 * (`checked-item.ts`); this reports it once per key, records the time for the popup's notice, and rebuilds the tracked
 * requests still waiting or back with the admin from the API (finished ones cannot be: only open ones are asked for).
 */
import type { ErpStatus } from '@/lib/erp/status';
import { STORED } from '@/lib/extension/storage-items';
import type { ApiAccess } from './api-access';
import { toUserError } from './api/api-error';
import type { StoredItems } from './stored-items';
import type { Tracking } from './tracking';

/** Statuses worth rebuilding: what the popup is for (waiting, or back with the admin). */
const REBUILD_STATUSES: ErpStatus[] = ['pending_acceptance', 'accepted', 'rejected', 'failed'];

export interface RepairDeps {
  stored: () => StoredItems;
  api: ApiAccess;
  tracking: () => Tracking;
  now: () => number;
}

/** The `onCorrupt` listener of the background's stored items. */
export function createStorageRepair({ stored, api, tracking, now }: RepairDeps): (key: string) => void {
  const reported = new Set<string>();

  const rebuildTracked = async () => {
    const client = await api.current();
    if (!client.ok) return;
    for (const companyId of Object.keys(await stored().companies.get()).map(Number)) {
      try {
        const list = await client.value.listRequests(companyId, { status: REBUILD_STATUSES });
        await tracking().record(companyId, list.requests);
      } catch (err) {
        await tracking().noteError(toUserError(err));
      }
    }
    await stored().poll.update((s) => ({ ...s, cursors: {} }));
  };

  return (key) => {
    // Reported once per key for this worker; the value is already rewritten, so the next read is clean.
    if (!reported.has(key)) console.warn(`[erp-resend] stored ${key} was corrupt; rebuilt from the API`);
    reported.add(key);
    if (key !== STORED.tracked.key) return;
    void stored()
      .poll.update((s) => ({ ...s, repairedAt: new Date(now()).toISOString() }))
      .catch((err: unknown) => console.warn('[erp-resend] the repair was not recorded', err));
    void rebuildTracked();
  };
}
