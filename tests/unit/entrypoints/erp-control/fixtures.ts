/** Test data for the in-page control: a vendor view as the background answers it, and requests in each state. */
import type { VendorView } from '@/lib/contract/messages';
import { requestRecord, settingsRecord, vendorRecord } from '../../records';

export const vendor = vendorRecord;

export const settings = settingsRecord();

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
