/**
 * Telling the admin (issue 4.5): one notification per status change, and the toolbar badge. The wording is pure
 * (`notificationText`); the rest is the few browser calls around it.
 */
import { browser } from 'wxt/browser';
import type { TrackedRequest } from '../../lib/contract/messages';
import { statusLabel, t } from '../../lib/extension/i18n';

export interface NotificationText {
  title: string;
  message: string;
}

/** What changed, in the admin's words: who rejected it and why, the ERP vendor ID, the export error. */
export function notificationText({ request }: TrackedRequest): NotificationText {
  const status = statusLabel(request.status);
  const parts = [status];
  if (request.status === 'rejected') {
    if (request.decided_by) parts.push(t('statusDecidedBy', request.decided_by.name));
    if (request.rejection_comment) parts.push(t('statusComment', request.rejection_comment));
  }
  if (request.status === 'synced' && request.erp_vendor_id) parts.push(t('statusErpVendorId', request.erp_vendor_id));
  if (request.status === 'failed' && request.errors.length) parts.push(t('statusErrors', request.errors.join('; ')));
  return { title: request.item_name, message: parts.join(' · ') };
}

/** Notification ids name the request and its status, so a click finds its page and a repeat replaces, never adds. */
export const notificationId = (entry: TrackedRequest): string =>
  `erp:${entry.companyId}:${entry.request.item_id}:${entry.request.id}:${entry.request.status}`;

export function parseNotificationId(id: string): { companyId: number; vendorId: number } | null {
  const match = /^erp:(\d+):(\d+):\d+:[a-z_]+$/.exec(id);
  return match ? { companyId: Number(match[1]), vendorId: Number(match[2]) } : null;
}

export async function showNotification(entry: TrackedRequest): Promise<void> {
  const { title, message } = notificationText(entry);
  await browser.notifications.create(notificationId(entry), {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icons/128.png'),
    title,
    message,
  });
}

export type BadgeState = { kind: 'count'; count: number } | { kind: 'auth_error' } | { kind: 'off' };

const BADGE_COLOR = { count: '#d93025', auth: '#f9ab00' } as const;

/** The toolbar action: `action` in MV3, `browserAction` in Firefox's MV2 build. */
const toolbar = () => browser.action ?? browser.browserAction;

export async function showBadge(state: BadgeState): Promise<void> {
  const action = toolbar();
  if (state.kind === 'auth_error') {
    // A different look, so "check the token" is not read as a count.
    await action.setBadgeBackgroundColor({ color: BADGE_COLOR.auth });
    await action.setBadgeText({ text: '!' });
    await action.setTitle({ title: t('badgeAuthError') });
    return;
  }
  const count = state.kind === 'count' ? state.count : 0;
  await action.setBadgeBackgroundColor({ color: BADGE_COLOR.count });
  await action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await action.setTitle({ title: count > 0 ? t('badgeAttention', String(count)) : t('extName') });
}
