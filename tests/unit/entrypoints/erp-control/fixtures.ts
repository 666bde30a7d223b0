/** Test data for the in-page control: a vendor view as the background answers it, and requests in each state. */
import type { ErpSettings } from '@/lib/contract/api-bodies';
import type { VendorView } from '@/lib/contract/messages';
import { requestRecord, vendorRecord } from '../../records';

export const vendor = vendorRecord;

export const settings: ErpSettings = {
  erp_system: 'viewpoint_vista',
  erp_system_name: 'Viewpoint Vista',
  syncs_companies: true,
  erp_data_synced: true,
  rules: { export: { name: [{ validator: 'present' }, { validator: 'max_length', length: 60 }] } },
};

export const request = requestRecord;

export const view = (patch: Partial<VendorView> = {}): VendorView => ({
  companyId: 8001,
  vendorId: 101,
  vendor: vendor(),
  settings,
  permission: 'admin',
  latest: null,
  history: [],
  ...patch,
});
