/** ERP request statuses (`docs/contract/openapi.yaml`) and what each means for the admin. zod-free: the content script imports it. */

export const STATUSES = ['pending_acceptance', 'accepted', 'synced', 'rejected', 'retrieved', 'failed'] as const;
export type ErpStatus = (typeof STATUSES)[number];

/** A terminal request is finished; sending again starts a new one. */
const TERMINAL: ReadonlySet<ErpStatus> = new Set(['retrieved', 'rejected', 'synced', 'failed']);
export const isTerminal = (status: ErpStatus): boolean => TERMINAL.has(status);
export const isOpen = (status: ErpStatus): boolean => !TERMINAL.has(status);

/** Rejected and failed requests wait for the admin to fix and re-send: they make the badge count. */
export const needsAttention = (status: ErpStatus): boolean => status === 'rejected' || status === 'failed';

/** Procore's ERP icon colours: blue waiting, yellow returned to the admin, green synced, red failed. */
export type StatusTone = 'waiting' | 'returned' | 'synced' | 'failed';
export const STATUS_TONE: Record<ErpStatus, StatusTone> = {
  pending_acceptance: 'waiting',
  accepted: 'waiting',
  synced: 'synced',
  rejected: 'returned',
  retrieved: 'returned',
  failed: 'failed',
};

/** The icon beside each tone's words (`none`: never sent), for those who do not tell the colours apart. */
export const TONE_ICON: Record<StatusTone | 'none', string> = {
  waiting: '◔',
  returned: '↺',
  synced: '✓',
  failed: '✕',
  none: '○',
};

export type Action = 'send' | 'resend' | 'retrieve';

/**
 * Which button the page shows for the vendor's latest request: Send when never sent,
 * Re-send after a rejection, retrieval or failure, Retrieve while waiting, none while exporting or once synced.
 */
export function actionFor(latest: ErpStatus | null, syncedToErp: boolean): Action | null {
  if (syncedToErp || latest === 'synced' || latest === 'accepted') return null;
  if (latest === null) return 'send';
  if (latest === 'pending_acceptance') return 'retrieve';
  return 'resend';
}
