/**
 * Why sending is unavailable (domain notes, part B), as data. `rules.ts` computes them, `reason-text.ts` words them.
 * No zod and no browser here: the content script imports this.
 */
import type { VendorField } from '../contract/api-bodies';

export type Reason =
  | { code: 'not_admin' }
  | { code: 'erp_not_synced' }
  | { code: 'no_company_sync'; erpName: string }
  | { code: 'inactive' }
  | { code: 'unsaved' }
  | { code: 'present'; field: VendorField }
  | { code: 'numeric'; field: VendorField }
  /** `source`: 'api' when the integration's export rules gave the limit, 'published' when it came from Procore's per-ERP table. */
  | { code: 'max_length'; field: VendorField; length: number; limit: number; erpName: string; source: 'api' | 'published' }
  | { code: 'max_line_length'; field: VendorField; line: number; length: number; limit: number; erpName: string }
  /** 422 from the server: its own words for a field, shown as text. */
  | { code: 'server'; field: string; message: string };

export type ReasonCode = Reason['code'];
