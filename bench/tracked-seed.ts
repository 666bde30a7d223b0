/** The bench's tracked requests: `count` of them for one company, every status in turn, one a minute back in time. */
import type { ErpRequest } from '../lib/contract/api-bodies';
import { trackedKey } from '../lib/contract/keys';
import type { TrackedMap, TrackedRequest } from '../lib/contract/tracked-request';
import { STATUSES } from '../lib/erp/status';
import { SUMMIT } from '../scripts/sandbox-pages';

function fakeRequest(id: number, now: number): ErpRequest {
  const status = STATUSES[id % STATUSES.length]!;
  const at = new Date(now - id * 60_000).toISOString();
  const decided = status !== 'pending_acceptance';
  return {
    id,
    item_type: 'vendor',
    item_id: 10_000 + id,
    item_name: `Bench Vendor ${id}`,
    status,
    created_at: at,
    updated_at: at,
    sent_by: { id: 1, name: 'Alex Admin' },
    decided_by: decided ? { id: 3, name: 'Avery Approver' } : null,
    decided_at: decided ? at : null,
    rejection_comment: status === 'rejected' ? 'Tax ID missing on W-9' : null,
    erp_vendor_id: status === 'synced' ? `V-${id}` : null,
    errors: status === 'failed' ? [`ERP vendor ID V-${id} is already in use`] : [],
  };
}

export function trackedMap(count: number, origin: string, options: { allOpen?: boolean } = {}): TrackedMap {
  const now = Date.now();
  const map: TrackedMap = {};
  for (let id = 1; id <= count; id += 1) {
    const request = fakeRequest(id, now);
    if (options.allOpen) request.status = 'pending_acceptance';
    const entry: TrackedRequest = { request, companyId: SUMMIT, origin, notifiedStatus: request.status };
    map[trackedKey(SUMMIT, id)] = entry;
  }
  return map;
}
