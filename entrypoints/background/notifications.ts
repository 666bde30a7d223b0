/**
 * Telling the admin of a status change: which changes are due (at most one notification per request and status),
 * their wording, and the browser calls around them. The id names the request and its status, so a click finds its
 * page and a repeat replaces, never adds.
 */
import { browser } from 'wxt/browser';
import type { BulkJob } from '@/lib/contract/bulk-resend';
import type { TrackedMap, TrackedRequest } from '@/lib/contract/tracked-request';
import { trackedKey } from '@/lib/contract/keys';
import { bulkProgress } from '@/lib/erp/bulk-progress';
import { statusLabel, t } from '@/lib/extension/i18n';
import { decidedByWords, requestDetails } from '@/lib/erp/request-words';
import type { ErpStatus } from '@/lib/erp/status';

/** The statuses the admin hears about. */
export const NOTIFY_STATUSES: ReadonlySet<ErpStatus> = new Set(['accepted', 'synced', 'rejected', 'failed']);

/** Changes the admin has not been told about yet, at most one per request. */
export const dueNotifications = (tracked: TrackedMap): TrackedRequest[] =>
  Object.values(tracked).filter((e) => NOTIFY_STATUSES.has(e.request.status) && e.notifiedStatus !== e.request.status);

export function markNotified(tracked: TrackedMap, told: TrackedRequest[]): TrackedMap {
  const next = { ...tracked };
  for (const entry of told) {
    const key = trackedKey(entry.companyId, entry.request.id);
    const current = next[key];
    if (current && current.request.status === entry.request.status)
      next[key] = { ...current, notifiedStatus: entry.request.status };
  }
  return next;
}

export interface NotificationText {
  title: string;
  message: string;
}

/** What changed, in the admin's words: who rejected it and why, the ERP vendor ID, the export error. */
export function notificationText({ request }: TrackedRequest): NotificationText {
  const by = decidedByWords(request);
  const parts = [statusLabel(request.status), ...(by ? [by] : []), ...requestDetails(request)];
  return { title: request.item_name, message: parts.join(' · ') };
}

export const notificationId = (entry: TrackedRequest): string =>
  `erp:${entry.companyId}:${entry.request.item_id}:${entry.request.id}:${entry.request.status}`;

export function parseNotificationId(id: string): { companyId: number; vendorId: number } | null {
  const match = /^erp:(\d+):(\d+):\d+:[a-z_]+$/.exec(id);
  return match ? { companyId: Number(match[1]), vendorId: Number(match[2]) } : null;
}

/** Shown with the extension's icon; a second one with the same id replaces the first. */
async function show(id: string, { title, message }: NotificationText): Promise<void> {
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icons/128.png'),
    title,
    message,
  });
}

export const showNotification = (entry: TrackedRequest): Promise<void> =>
  show(notificationId(entry), notificationText(entry));

/** A bulk re-send is done: how many were sent, failed and skipped. Its id is the job's, so it is never shown twice. */
export function bulkDoneText(job: BulkJob): NotificationText {
  const { sent, total, failed, skipped } = bulkProgress(job);
  return {
    title: t('bulkDoneTitle'),
    message: t('bulkDoneMessage', [String(sent), String(total), String(failed), String(skipped)]),
  };
}

export const showBulkDone = (job: BulkJob): Promise<void> => show(`erp-bulk:${job.id}`, bulkDoneText(job));
