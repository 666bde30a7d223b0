/**
 * What matters about a request beyond its status, in the admin's words, for every place that tells of one: the page's
 * status line and history, the popup's items and the notifications. Only ever shown as text.
 */
import type { ErpRequest } from '../contract/api-bodies';
import { t } from '../extension/i18n';

/** Who decided, for a rejection: "by Avery Approver". */
export const decidedByWords = (request: ErpRequest): string | null =>
  request.status === 'rejected' && request.decided_by ? t('statusDecidedBy', request.decided_by.name) : null;

/** The approver's comment on a rejection, the ERP vendor ID once synced, the export's errors once failed. */
export function requestDetails(request: ErpRequest): string[] {
  if (request.status === 'rejected' && request.rejection_comment)
    return [t('statusComment', request.rejection_comment)];
  if (request.status === 'synced' && request.erp_vendor_id) return [erpVendorIdWords(request.erp_vendor_id)];
  if (request.status === 'failed' && request.errors.length > 0) return [t('statusErrors', request.errors.join('; '))];
  return [];
}

export const erpVendorIdWords = (id: string): string => t('statusErpVendorId', id);
