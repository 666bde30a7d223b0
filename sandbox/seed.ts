/**
 * The sandbox's starting data: one company per case the extension must handle (listed in `sandbox/README.md`).
 * Times are relative to the moment of seeding so that "3 h ago" style wording reads naturally.
 */
import type { ErpMetadata, ErpVendorEntity } from '../lib/contract/api-bodies';
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

const TOKENS = {
  admin: 'sandbox-token',
  viewer: 'sandbox-viewer',
  approver: 'sandbox-approver',
  colleague: 'sandbox-colleague',
} as const;

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
  {
    // Another admin of the same account: the requests of the company's queue that Alex did not send.
    id: 4,
    login: 'jordan.lee@example.com',
    name: 'Jordan Lee',
    token: TOKENS.colleague,
    directoryLevel: 'admin',
    canPushToAccounting: false,
  },
];
const [ALEX, , AVERY, JORDAN] = USERS as [User, User, User, User];

/**
 * An integration's metadata with its vendor entity; labels short and long are the ERP's name. The Ready to Import tab
 * is there as Procore holds it, for the extension to ignore.
 */
function metadata(name: string, vendors: ErpVendorEntity): ErpMetadata {
  const entity = { tab: { enabled: true, columns: { code: { enabled: true, text: `${name} ID` } } }, ...vendors };
  return { settings: { labels: { name, id_name: `${name} ID`, short_name: name }, entities: { vendors: entity } } };
}

/** Exports new and known vendors alike, as most integrations do. */
const EXPORTING = { enabled: true, configs: { export: { enabled: true, create: { enabled: true } } } };

const COMPANIES: Company[] = [
  {
    id: 8001,
    procoreErpControl: true,
    name: 'Summit Builders',
    erp_system: 'viewpoint_vista',
    erp_data_synced: true,
    // Some rules word themselves (`%{length}` filled in), some leave it to the extension; a disabled field and a
    // disabled validator, which would stop every vendor if they applied.
    metadata: metadata('Viewpoint Vista', {
      ...EXPORTING,
      rules: {
        export: {
          fields: {
            name: { validation: { present: { enabled: true }, max_length: { enabled: true, length: 60 } } },
            address: {
              enabled: true,
              validation: {
                present: { enabled: true },
                max_line_length: {
                  enabled: true,
                  length: 50,
                  message: 'Address is too long. Maximum %{length} characters per line.',
                },
              },
            },
            zip: { enabled: true, validation: { numeric: { enabled: true } } },
            city: { enabled: true, validation: { present: { enabled: true, message: 'City must be present.' } } },
            fax_number: { enabled: false, validation: { present: { enabled: true, message: 'Fax is required.' } } },
            mobile_phone: { validation: { present: { enabled: false, message: 'Mobile phone is required.' } } },
          },
        },
      },
    }),
  },
  {
    id: 8002,
    // Procore's own ERP control is switched off here: the page has only the extension's.
    procoreErpControl: false,
    name: 'Harbor Construction',
    erp_system: 'sage_300_cre',
    erp_data_synced: false,
    // No name rule: the export still stops at Sage 300 CRE's published 30 characters.
    metadata: metadata('Sage 300 CRE', {
      ...EXPORTING,
      rules: { export: { fields: { address: { validation: { present: { enabled: true } } } } } },
    }),
  },
  {
    id: 8003,
    procoreErpControl: true,
    name: 'Cascade Mechanical',
    erp_system: 'cmic',
    erp_data_synced: true,
    // An ERP without a published name limit, the number validators on the vendor code, a warning to show before
    // export, a validator the extension does not know (ignored with a warning), a disabled field and validator.
    metadata: metadata('CMiC', {
      ...EXPORTING,
      rules: {
        export: {
          warning_message: {
            enabled: true,
            message: 'CMiC creates exported vendors on hold until accounting reviews them.',
          },
          fields: {
            name: {
              validation: {
                max_length: { enabled: true, length: 40, message: 'Name is too long. Maximum %{length} characters.' },
              },
            },
            code: {
              enabled: true,
              validation: {
                present: { enabled: true, message: "Code can't be blank." },
                numeric: { enabled: true },
                positive: { enabled: true, message: 'Value entered has to be a positive numeric value' },
                max_length_units: { enabled: true, length: 6 },
                max_length_decimal: { enabled: true, length: 2, message: 'Decimal value is too long' },
              },
            },
            address: { validation: { format: { enabled: true, message: 'Address must match %{address_format}' } } },
            city: { enabled: false, validation: { present: { enabled: true } } },
            state_code: { validation: { max_length: { enabled: false, length: 1 } } },
          },
        },
      },
    }),
  },
  {
    id: 8004,
    procoreErpControl: true,
    name: 'Lakeside Contractors',
    erp_system: 'quickbooks_online',
    erp_data_synced: true,
    // The integration imports vendors from QuickBooks but does not create them from Procore.
    metadata: metadata('QuickBooks Online', {
      enabled: true,
      configs: { export: { enabled: true, create: { enabled: false }, update: { enabled: true } } },
    }),
  },
  {
    // A team's company: a Directory long enough to page through, and a queue most of which others sent.
    id: 8005,
    procoreErpControl: true,
    name: 'Timberline Partners',
    erp_system: 'viewpoint_vista',
    erp_data_synced: true,
    metadata: metadata('Viewpoint Vista', EXPORTING),
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

/** 8005's Directory, in alphabetical order, ids from 601: 45 companies, three pages of the sandbox's list. */
const TIMBERLINE_VENDORS = [
  'Alder Acoustics', // 601
  'Aspen Abatement', // 602
  'Basalt Boring', // 603
  'Birch Barricades', // 604
  'Canyon Cranes', // 605
  'Cedar Caulking', // 606
  'Cobalt Coatings', // 607
  'Copper Creek Electric', // 608
  'Douglas Drywall', // 609
  'Dune Demolition', // 610
  'Eagle Excavation', // 611
  'Elm Street Millwork', // 612
  'Ember Fireproofing', // 613
  'Fir Framing', // 614
  'Flint Flooring', // 615
  'Frost Refrigeration', // 616
  'Garnet Glazing', // 617
  'Glade Gutters', // 618
  'Granite Masonry', // 619
  'Gravel Grading', // 620
  'Hawk Hoisting', // 621
  'Hemlock Hardware', // 622
  'Iron Range Rebar', // 623
  'Juniper Joinery', // 624
  'Kestrel Kitchens', // 625
  'Larch Lighting', // 626
  'Lodgepole Logistics', // 627
  'Maple Mechanical', // 628
  'Mesa Mirrors', // 629
  'Nickel Networks', // 630
  'Oak Ridge Ornamental', // 631
  'Obsidian Overhead Doors', // 632
  'Pine Painting', // 633
  'Quartz Quarry', // 634
  'Redwood Roofing', // 635
  'Sage Scaffolding', // 636
  'Shale Sitework', // 637
  'Spruce Sprinklers', // 638
  'Talus Tile', // 639
  'Tamarack Trucking', // 640
  'Umber Underground', // 641
  'Valley Ventilation', // 642
  'Willow Windows', // 643
  'Yew Yardworks', // 644
  'Zinc Z-Metals', // 645
];

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
  ...[
    { id: 301, name: 'Alpine HVAC', code: '1200' },
    { id: 302, name: 'Boreal Sheet Metal', code: '' },
    { id: 303, name: 'Crestline Ductwork', code: '-15.125' },
    { id: 304, name: 'Drift Insulation', code: '1234567' },
    { id: 305, name: 'Glacier Pipe and Boiler', code: 'A-12' },
  ].map((v) => ({ ...v, companyId: 8003, city: 'Portland', state_code: 'OR', zip: '97201' })),
  { id: 401, companyId: 8004, name: 'Lakeview Lumber', city: 'Madison', state_code: 'WI', zip: '53703' },
  ...TIMBERLINE_VENDORS.map((name, i) => ({
    id: 601 + i,
    companyId: 8005,
    name,
    city: 'Boise',
    state_code: 'ID',
    zip: '83702',
    // Request 7's export; request 10's company, which no rule lets be sent again.
    ...(name === 'Aspen Abatement' ? { synced_to_erp: true, origin_id: '5002002', origin_code: 'V-2002' } : {}),
    ...(name === 'Quartz Quarry' ? { is_active: false } : {}),
  })),
];

type Seeded = Partial<ErpRequest> & Pick<ErpRequest, 'status'>;

/** Requests made relative to `now`; sent by Alex Admin in Summit Builders unless `decided` says otherwise. */
function requestsAt(now: number) {
  const at = (msAgo: number) => new Date(now - msAgo).toISOString();
  const request = (id: number, itemId: number, itemName: string, sentAgo: number, decided: Seeded): ErpRequest => ({
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
  return { at, request, byAvery };
}

function summitRequests(now: number): ErpRequest[] {
  const { request, byAvery } = requestsAt(now);
  return [
    // Synced within the week that the extension keeps showing synced requests.
    request(1, 107, 'Keystone Steel', 4 * DAY, {
      status: 'synced',
      ...byAvery(3 * DAY),
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
  ];
}

function timberlineRequests(now: number): ErpRequest[] {
  const { request, byAvery } = requestsAt(now);
  const jordan = { sent_by: person(JORDAN) };
  return [
    request(5, 619, 'Granite Masonry', 2 * DAY, {
      ...jordan,
      status: 'rejected',
      ...byAvery(1 * DAY),
      rejection_comment: 'Insurance certificate expired',
    }),
    request(6, 621, 'Hawk Hoisting', 5 * HOUR, { ...jordan, status: 'pending_acceptance' }),
    request(7, 602, 'Aspen Abatement', 3 * DAY, {
      status: 'synced',
      ...byAvery(2 * DAY),
      erp_vendor_id: 'V-2002',
      vendor_type: 'subcontractor',
    }),
    request(8, 635, 'Redwood Roofing', 1 * DAY, {
      status: 'rejected',
      ...byAvery(6 * HOUR),
      rejection_comment: 'Remit-to address missing',
    }),
    request(9, 643, 'Willow Windows', 4 * HOUR, {
      ...jordan,
      status: 'failed',
      ...byAvery(3 * HOUR),
      errors: ['Vendor code already exists in Viewpoint Vista'],
    }),
    request(10, 634, 'Quartz Quarry', 3 * DAY, {
      ...jordan,
      status: 'rejected',
      ...byAvery(2 * DAY),
      rejection_comment: 'Company closed',
    }),
  ].map((timberline) => ({ ...timberline, companyId: 8005 }));
}

export function seed(now = Date.now()): Db {
  const { at } = requestsAt(now);
  return {
    users: structuredClone(USERS),
    companies: structuredClone(COMPANIES),
    projects: [
      { id: 501, name: 'Riverside Tower', companyId: 8001 },
      { id: 502, name: 'Eastside Clinic', companyId: 8001 },
    ],
    vendors: VENDORS.map((v) => vendor(v, at(30 * DAY))),
    // Timberline's queue: two admins (Jordan Lee's request 6 through Procore's own button) and one approver.
    requests: [...summitRequests(now), ...timberlineRequests(now)],
    nextRequestId: 11,
  };
}
