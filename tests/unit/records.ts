/** One vendor, one ERP request and one integration's settings, for every unit test to vary. */
import type { ErpRequest, Vendor } from '@/lib/contract/api-bodies';
import type { ErpSettings } from '@/lib/erp/export-settings';

/** Acme Concrete, ready to send: active, not synced, every field the rules ask for filled in. */
export const vendorRecord = (patch: Partial<Vendor> = {}): Vendor => ({
  id: 101,
  name: 'Acme Concrete',
  abbreviated_name: 'ACME',
  code: '',
  address: '1 Main St',
  city: 'Denver',
  state_code: 'CO',
  zip: '80202',
  country_code: 'US',
  business_phone: '',
  mobile_phone: '',
  fax_number: '',
  email_address: '',
  is_active: true,
  synced_to_erp: false,
  origin_id: null,
  origin_code: null,
  updated_at: '2026-11-01T10:00:00Z',
  ...patch,
});

/** Acme Concrete's request, waiting for approval, sent by Alex Admin. */
export const requestRecord = (patch: Partial<ErpRequest> = {}): ErpRequest => ({
  id: 1,
  item_type: 'vendor',
  item_id: 101,
  item_name: 'Acme Concrete',
  status: 'pending_acceptance',
  created_at: '2026-11-02T10:00:00Z',
  updated_at: '2026-11-02T10:00:00Z',
  sent_by: { id: 1, name: 'Alex Admin' },
  decided_by: null,
  decided_at: null,
  rejection_comment: null,
  erp_vendor_id: null,
  errors: [],
  ...patch,
});

/** Viewpoint Vista's settings as the rules read them: exporting companies, a present name of at most 60. */
export const settingsRecord = (patch: Partial<ErpSettings> = {}): ErpSettings => ({
  erpSystem: 'viewpoint_vista',
  erpName: 'Viewpoint Vista',
  erpDataSynced: true,
  exports: { create: true, update: true },
  warning: null,
  rules: { name: [{ validator: 'present' }, { validator: 'max_length', length: 60 }] },
  ignored: [],
  ...patch,
});
