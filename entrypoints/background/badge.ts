/**
 * The toolbar badge: how many companies need the admin (their latest request rejected or failed, counted as the
 * popup's attention heading counts them), a different look when the token is refused, or nothing when turned off.
 */
import { browser } from 'wxt/browser';
import type { TrackedMap } from '@/lib/contract/tracked-request';
import { t } from '@/lib/extension/i18n';
import { attentionCount } from '@/lib/erp/queue';

export const badgeCount = (tracked: TrackedMap): number => attentionCount(Object.values(tracked));

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
