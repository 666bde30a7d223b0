/**
 * The sandbox's starting data: one company per case the extension must handle (listed in `sandbox/README.md`).
 * Times are relative to the moment of seeding so that "3 h ago" style wording reads naturally.
 */
import {
  person,
  sentRequest,
  type Company,
  type Db,
  type ErpRequest,
  type User,
  type Vendor,
  type VendorTextField,
} from './model';

const TOKENS = { admin: 'sandbox-token', viewer: 'sandbox-viewer', approver: 'sandbox-approver' } as const;

const USERS: User[] = [
  {
    id: 1,
    login: 'alex.admin@example.com',
    name: 'Alex Admin',
    token: TOKENS.admin,
    directoryLevel: 'admin',
    // Admin on the company's Directory, but only Standard on Eastside Clinic's.
    projectDirectoryLevels: { 502: 'standard' },
    canPushToAccounting: false,
  },
  {
    id: 2,
    login: 'vic.viewer@example.com',
    name: 'Vic Viewer',
    token: TOKENS.viewer,
    directoryLevel: 'read_only',
    canPushToAccounting: false,
  },
  {
    id: 3,
    login: 'avery.approver@example.com',
    name: 'Avery Approver',
    token: TOKENS.approver,
    directoryLevel: 'standard',
    canPushToAccounting: true,
  },
];
const [ALEX, , AVERY] = USERS as [User, User, User];

const COMPANIES: Company[] = [
  {
    id: 8001,
    name: 'Summit Builders',
    erp_system: 'viewpoint_vista',
    erp_system_name: 'Viewpoint Vista',
    syncs_companies: true,
    erp_data_synced: true,
    rules: {
      export: {
        name: [
          { validator: 'present', message: 'Name must be present.' },
          {
            validator: 'max_length',
            length: 60,
            message: 'This Vendor cannot be sent to ERP because name must be less than 60 characters.',
          },
        ],
        address: [
          { validator: 'present', message: 'Address must be present.' },
          { validator: 'max_line_length', length: 50, message: 'Each address line must be 50 characters or fewer.' },
        ],
        zip: [{ validator: 'numeric', message: 'ZIP Code must be numeric.' }],
        city: [{ validator: 'present', message: 'City must be present.' }],
      },
    },
    publishedNameLimit: 60,
  },
  {
    id: 8002,
    name: 'Harbor Construction',
    erp_system: 'sage_300_cre',
    erp_system_name: 'Sage 300 CRE',
    syncs_companies: true,
    erp_data_synced: false,
    // No name rule: the export still stops at Sage 300 CRE's published 30 characters.
    rules: { export: { address: [{ validator: 'present', message: 'Address must be present.' }] } },
    publishedNameLimit: 30,
  },
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type VendorSeed = Partial<Record<VendorTextField, string>> &
  Pick<Vendor, 'id' | 'companyId' | 'name'> &
  Partial<Pick<Vendor, 'is_active' | 'synced_to_erp' | 'origin_id' | 'origin_code'>>;

function vendor(seed: VendorSeed, updatedAt: string): Vendor {
  const n = seed.id;
  return {
    abbreviated_name: '',
    code: '',
    address: `${n} Main Street`,
    city: 'Denver',
    state_code: 'CO',
    zip: '80202',
    country_code: 'US',
    business_phone: `(303) 555-0${n}`,
    mobile_phone: '',
    fax_number: '',
    email_address: `ap${n}@vendors.example.com`,
    is_active: true,
    synced_to_erp: false,
    origin_id: null,
    origin_code: null,
    updated_at: updatedAt,
    ...seed,
  };
}

const VENDORS: VendorSeed[] = [
  {
    id: 101,
    companyId: 8001,
    name: 'Acme Concrete',
    abbreviated_name: 'ACME',
    address: '1200 Industrial Way',
    zip: '80216',
    email_address: 'ap@acmeconcrete.example.com',
  },
  {
    id: 102,
    companyId: 8001,
    name: 'Consolidated Mountain States Commercial Concrete and Masonry Co.',
    abbreviated_name: 'CMSCC',
  },
  { id: 103, companyId: 8001, name: 'Blank Address Electric', address: '' },
  { id: 104, companyId: 8001, name: 'Dormant Drywall', is_active: false },
  { id: 105, companyId: 8001, name: 'Pioneer Plumbing' },
  { id: 106, companyId: 8001, name: 'Ridge Roofing' },
  {
    id: 107,
    companyId: 8001,
    name: 'Keystone Steel',
    synced_to_erp: true,
    origin_id: '5001007',
    origin_code: 'V-1007',
  },
  { id: 108, companyId: 8001, name: 'Beacon Glass' },
  { id: 109, companyId: 8001, name: 'Cedar Carpentry' },
  { id: 110, companyId: 8001, name: 'Delta Paving' },
  { id: 111, companyId: 8001, name: 'Evergreen Landscaping' },
  { id: 112, companyId: 8001, name: 'Falcon Fencing' },
  { id: 201, companyId: 8002, name: 'Harbor Electric', city: 'Seattle', state_code: 'WA', zip: '98101' },
];

export function seed(now = Date.now()): Db {
  const at = (msAgo: number) => new Date(now - msAgo).toISOString();
  const request = (
    id: number,
    itemId: number,
    itemName: string,
    sentAgo: number,
    decided: Partial<ErpRequest> & Pick<ErpRequest, 'status'>,
  ): ErpRequest => ({
    ...sentRequest({
      id,
      companyId: 8001,
      item_id: itemId,
      item_name: itemName,
      created_at: at(sentAgo),
      sent_by: person(ALEX),
    }),
    updated_at: decided.decided_at ?? at(sentAgo),
    ...decided,
  });
  const byAvery = (agoMs: number) => ({ decided_by: person(AVERY), decided_at: at(agoMs) });
  return {
    users: structuredClone(USERS),
    companies: structuredClone(COMPANIES),
    projects: [
      { id: 501, name: 'Riverside Tower', companyId: 8001 },
      { id: 502, name: 'Eastside Clinic', companyId: 8001 },
    ],
    vendors: VENDORS.map((v) => vendor(v, at(30 * DAY))),
    requests: [
      request(1, 107, 'Keystone Steel', 10 * DAY, {
        status: 'synced',
        ...byAvery(9 * DAY),
        erp_vendor_id: 'V-1007',
        vendor_type: 'supplier',
      }),
      request(2, 106, 'Ridge Roofing', 5 * DAY, {
        status: 'rejected',
        ...byAvery(4 * DAY),
        rejection_comment: 'Address incomplete',
      }),
      request(3, 106, 'Ridge Roofing', 2 * DAY, {
        status: 'rejected',
        ...byAvery(1 * DAY),
        rejection_comment: 'Tax ID missing on W-9',
      }),
      request(4, 105, 'Pioneer Plumbing', 3 * HOUR, { status: 'pending_acceptance' }),
    ],
    nextRequestId: 5,
  };
}
