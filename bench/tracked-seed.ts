/**
 * The bench's tracked requests: `count` of them for one company, every status in turn, one every `spacingMs` (a
 * minute) back in time, each for its own vendor or, with `vendors`, over that many vendors in turn.
 */
import type { ErpRequest } from '../lib/contract/api-bodies';
import { trackedKey } from '../lib/contract/keys';
import type { TrackedMap, TrackedRequest } from '../lib/contract/tracked-request';
import { STATUSES } from '../lib/erp/status';
import { SUMMIT } from '../scripts/sandbox-pages';

interface SeedShape {
  allOpen?: boolean;
  vendors?: number;
  spacingMs?: number;
}

function fakeRequest(id: number, now: number, { vendors, spacingMs = 60_000 }: SeedShape): ErpRequest {
  // Over `vendors`, a vendor's older requests were rejected and sent again: only its newest (the lowest id) may be open.
  const status = vendors && id > vendors ? 'rejected' : STATUSES[id % STATUSES.length]!;
  const at = new Date(now - id * spacingMs).toISOString();
  const decided = status !== 'pending_acceptance';
  return {
    id,
    item_type: 'vendor',
    item_id: 10_000 + (vendors ? id % vendors : id),
    item_name: `Bench Vendor ${vendors ? id % vendors : id}`,
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

export function trackedMap(count: number, origin: string, options: SeedShape = {}, now = Date.now()): TrackedMap {
  const map: TrackedMap = {};
  for (let id = 1; id <= count; id += 1) {
    const request = fakeRequest(id, now, options);
    if (options.allOpen) request.status = 'pending_acceptance';
    const entry: TrackedRequest = { request, companyId: SUMMIT, origin, notifiedStatus: request.status };
    map[trackedKey(SUMMIT, id)] = entry;
  }
  return map;
}
