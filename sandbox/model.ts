/** The sandbox's in-memory records: what a Procore account holds, shaped as the API answers it (`docs/contract/openapi.yaml`). */
import { VENDOR_FIELDS, type ErpMetadata } from '../lib/contract/api-bodies';

export type PermissionLevel = 'none' | 'read_only' | 'standard' | 'admin';
export const REQUEST_STATUSES = [
  'pending_acceptance',
  'accepted',
  'synced',
  'rejected',
  'retrieved',
  'failed',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export interface Person {
  id: number;
  name: string;
}

export interface User extends Person {
  login: string;
  token: string;
  directoryLevel: PermissionLevel;
  /** A project's Directory where the user's level is not their company level. */
  projectDirectoryLevels?: Record<number, PermissionLevel>;
  /** The accountant's "Can Push to Accounting" privilege: only such users accept or reject. */
  canPushToAccounting: boolean;
}

export interface Company {
  id: number;
  name: string;
  erp_system: string;
  erp_data_synced: boolean;
  /** The integration's metadata in Procore's ERP metadata format, as `/erp/settings` answers it. */
  metadata: ErpMetadata;
  /** The company has Procore's ERP Integrations tool, whose own Send to ERP control is on the vendor edit page. */
  procoreErpControl: boolean;
}

export interface Project {
  id: number;
  name: string;
  companyId: number;
}

/** The vendor's text fields: the contract's own list (`docs/contract/openapi.yaml`), which the sandbox implements. */
export const VENDOR_TEXT_FIELDS = VENDOR_FIELDS;
export type VendorTextField = (typeof VENDOR_TEXT_FIELDS)[number];

export type Vendor = { id: number; companyId: number } & Record<VendorTextField, string> & {
    is_active: boolean;
    synced_to_erp: boolean;
    origin_id: string | null;
    origin_code: string | null;
    updated_at: string;
  };

export interface ErpRequest {
  id: number;
  companyId: number;
  item_type: 'vendor';
  item_id: number;
  item_name: string;
  status: RequestStatus;
  created_at: string;
  updated_at: string;
  sent_by: Person;
  decided_by: Person | null;
  decided_at: string | null;
  rejection_comment: string | null;
  erp_vendor_id: string | null;
  vendor_type: string | null;
  errors: string[];
}

/** A request as first sent: waiting for approval, nothing decided yet. */
export const sentRequest = (
  fields: Pick<ErpRequest, 'id' | 'companyId' | 'item_id' | 'item_name' | 'created_at' | 'sent_by'>,
): ErpRequest => ({
  item_type: 'vendor',
  status: 'pending_acceptance',
  updated_at: fields.created_at,
  decided_by: null,
  decided_at: null,
  rejection_comment: null,
  erp_vendor_id: null,
  vendor_type: null,
  errors: [],
  ...fields,
});

export interface Db {
  users: User[];
  companies: Company[];
  projects: Project[];
  vendors: Vendor[];
  requests: ErpRequest[];
  nextRequestId: number;
}

export const person = (user: Person): Person => ({ id: user.id, name: user.name });
