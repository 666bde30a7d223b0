/**
 * The soak's account: the sandbox's own seed plus ten companies run like Summit Builders (its export rules), each
 * with 120 vendors, the first 100 sent once, in every status there is: 1,000 requests, all tracked by the extension
 * from the start as if it had seen each one.
 */
import type { ErpRequest as ApiRequest } from '../../lib/contract/api-bodies';
import { trackedKey } from '../../lib/contract/keys';
import type { TrackedMap } from '../../lib/contract/tracked-request';
import type { Companies } from '../../entrypoints/background/stored-items';
import { person, type Db, type ErpRequest, type RequestStatus, type Vendor } from '../../sandbox/model';
import { requestJson } from '../../sandbox/api';
import { seed } from '../../sandbox/seed';
import { SUMMIT, VENDORS } from '../sandbox-pages';

export const SOAK_COMPANIES = Array.from({ length: 10 }, (_, i) => 9001 + i);
export const VENDORS_PER_COMPANY = 120;
const SENT_PER_COMPANY = 100;
const DAY = 24 * 3_600_000;

/** Each sent vendor's request status, in turn: most open or needing the admin, as in a busy week. */
const STATUS_CYCLE: RequestStatus[] = [
  'pending_acceptance',
  'pending_acceptance',
  'pending_acceptance',
  'rejected',
  'rejected',
  'failed',
  'retrieved',
  'synced',
  'synced',
  'synced',
];

export const soakVendorId = (companyId: number, n: number): number => companyId * 1000 + n;

/** The id of the one seeded vendor of each company whose ERP vendor ID is taken, so accepting with it fails. */
export const takenErpVendorId = (companyId: number): string => `TAKEN-${companyId}`;

function soakRequest(db: Db, vendor: Vendor, status: RequestStatus, sentAt: number): ErpRequest {
  const decided = status !== 'pending_acceptance' && status !== 'retrieved';
  const at = new Date(sentAt).toISOString();
  const decidedAt = new Date(sentAt + 3_600_000).toISOString();
  return {
    id: db.nextRequestId++,
    companyId: vendor.companyId,
    item_type: 'vendor',
    item_id: vendor.id,
    item_name: vendor.name,
    status,
    created_at: at,
    updated_at: decided ? decidedAt : at,
    sent_by: person(db.users[0]!),
    decided_by: decided ? person(db.users[2]!) : null,
    decided_at: decided ? decidedAt : null,
    rejection_comment: status === 'rejected' ? 'Tax ID missing on W-9' : null,
    erp_vendor_id: status === 'synced' || status === 'failed' ? `S-${vendor.id}` : null,
    vendor_type: decided && status !== 'rejected' ? 'subcontractor' : null,
    errors: status === 'failed' ? [`ERP vendor ID S-${vendor.id} is already in use`] : [],
  };
}

function addCompany(db: Db, companyId: number, template: Db['companies'][number], like: Vendor, now: number): void {
  db.companies.push({ ...structuredClone(template), id: companyId, name: `Soak Builders ${companyId - 9000}` });
  for (let n = 1; n <= VENDORS_PER_COMPANY; n += 1) {
    const id = soakVendorId(companyId, n);
    const vendor: Vendor = { ...like, id, companyId, name: `Soak Vendor ${companyId - 9000}-${n}` };
    // The last vendor is synced under the ERP vendor ID the approver gives when it means the export to fail.
    if (n === VENDORS_PER_COMPANY)
      Object.assign(vendor, { synced_to_erp: true, origin_code: takenErpVendorId(companyId) });
    db.vendors.push(vendor);
    if (n > SENT_PER_COMPANY) continue;
    const status = STATUS_CYCLE[n % STATUS_CYCLE.length]!;
    const request = soakRequest(db, vendor, status, now - ((n % 5) + 1) * DAY);
    if (status === 'synced') Object.assign(vendor, { synced_to_erp: true, origin_code: request.erp_vendor_id });
    db.requests.push(request);
  }
}

/** The sandbox's seed with the soak's ten companies added. */
export function soakSeed(now = Date.now()): Db {
  const db = seed(now);
  const template = db.companies.find((c) => c.id === SUMMIT)!;
  const like = db.vendors.find((v) => v.id === VENDORS.pioneer.id)!;
  for (const companyId of SOAK_COMPANIES) addCompany(db, companyId, template, like, now);
  return db;
}

/** The soak companies' requests as the extension tracks them, each already told to the admin. */
export function trackedOf(db: Db, origin: string): TrackedMap {
  const map: TrackedMap = {};
  for (const request of db.requests) {
    if (!SOAK_COMPANIES.includes(request.companyId)) continue;
    map[trackedKey(request.companyId, request.id)] = {
      request: requestJson(request) as ApiRequest,
      companyId: request.companyId,
      origin,
      notifiedStatus: request.status,
    };
  }
  return map;
}

/** The soak companies as the extension knows them once an admin has opened their pages. */
export const companiesOf = (origin: string): Companies =>
  Object.fromEntries(SOAK_COMPANIES.map((companyId) => [String(companyId), { origin }]));
