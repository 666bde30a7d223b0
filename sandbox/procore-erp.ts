/**
 * Procore's own ERP control on the vendor edit page, as Procore's web app decides it: which button (Send, Re-send,
 * Retrieve, none once synced or while exporting), grayed when Procore's own checks fail, and the status icon. Its
 * button acts through the web app's endpoint (`web-app.ts`), not the integration API, and sends no Idempotency-Key.
 */
import { publishedNameLimit } from '../lib/erp/why-unavailable';
import type { Account } from './account';
import { companySettings } from './export-rules';
import type { Company, RequestStatus, User, Vendor } from './model';
import { directoryLevelOf } from './permission-manifest';

/** Procore's status icon colours: blue waiting, yellow retrieved or rejected (or failed), green synced. */
export type ProcoreTone = 'blue' | 'yellow' | 'green';

export interface ProcoreErpControl {
  /** The company has the ERP Integrations tool, so Procore shows its control on the page. */
  shown: boolean;
  action: 'send' | 'resend' | 'retrieve' | null;
  /** Procore's own checks failed: the button is grayed, and its "?" says only Procore's generic sentence. */
  disabled: boolean;
  status: { tone: ProcoreTone; status: RequestStatus } | null;
  requestId: number | null;
}

const TONES: Record<RequestStatus, ProcoreTone> = {
  pending_acceptance: 'blue',
  accepted: 'blue',
  synced: 'green',
  rejected: 'yellow',
  retrieved: 'yellow',
  failed: 'yellow',
};

const ACTIONS: Record<RequestStatus, ProcoreErpControl['action']> = {
  pending_acceptance: 'retrieve',
  accepted: null,
  synced: null,
  rejected: 'resend',
  retrieved: 'send',
  failed: 'resend',
};

/** Procore's own checks before its button is enabled: fewer than the extension's, and it never says which failed. */
function passesProcoreChecks(company: Company, vendor: Vendor, user: User, projectId?: number): boolean {
  const nameRule = companySettings(company).rules.name?.find((rule) => rule.validator === 'max_length');
  const nameLimit = nameRule?.length ?? publishedNameLimit(company.erp_system);
  return (
    vendor.is_active &&
    company.erp_data_synced &&
    directoryLevelOf(user, projectId) === 'admin' &&
    (nameLimit === null || [...vendor.name].length <= nameLimit)
  );
}

export function procoreErpControl(
  account: Account,
  companyId: number,
  vendorId: number,
  user: User,
  projectId?: number,
): ProcoreErpControl {
  const company = account.company(companyId);
  const vendor = account.vendor(companyId, vendorId);
  const latest = account.latestRequest(companyId, vendorId) ?? null;
  const status = vendor.synced_to_erp ? 'synced' : (latest?.status ?? null);
  const action = status === null ? 'send' : ACTIONS[status];
  return {
    shown: company.procoreErpControl,
    action,
    disabled: action !== 'retrieve' && !passesProcoreChecks(company, vendor, user, projectId),
    status: status === null ? null : { tone: TONES[status], status },
    requestId: latest?.id ?? null,
  };
}
