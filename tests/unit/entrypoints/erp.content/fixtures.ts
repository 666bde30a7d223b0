/** Test data for the in-page control: a vendor view as the background answers it, and requests in each state. */
import type { ErpRequest, ErpSettings, Vendor } from '@/lib/contract/api-bodies';
import type { VendorView } from '@/lib/contract/messages';

export const vendor = (patch: Partial<Vendor> = {}): Vendor => ({
  id: 101, name: 'Acme Concrete', abbreviated_name: 'ACME', code: '', address: '1 Main St', city: 'Denver',
  state_code: 'CO', zip: '80202', country_code: 'US', business_phone: '', mobile_phone: '', fax_number: '',
  email_address: '', is_active: true, synced_to_erp: false, origin_id: null, origin_code: null,
  updated_at: '2026-11-01T10:00:00Z', ...patch,
});

export const settings: ErpSettings = {
  erp_system: 'viewpoint_vista', erp_system_name: 'Viewpoint Vista', syncs_companies: true, erp_data_synced: true,
  rules: { export: { name: [{ validator: 'present' }, { validator: 'max_length', length: 60 }] } },
};

export const request = (patch: Partial<ErpRequest> = {}): ErpRequest => ({
  id: 1, item_type: 'vendor', item_id: 101, item_name: 'Acme Concrete', status: 'pending_acceptance',
  created_at: '2026-11-02T10:00:00Z', updated_at: '2026-11-02T10:00:00Z', sent_by: { id: 1, name: 'Alex Admin' },
  decided_by: null, decided_at: null, rejection_comment: null, erp_vendor_id: null, errors: [], ...patch,
});

export const view = (patch: Partial<VendorView> = {}): VendorView => ({
  companyId: 8001, vendorId: 101, vendor: vendor(), settings, permission: 'admin', latest: null, history: [], ...patch,
});
