/**
 * The toolbar badge: how many companies need the admin (their latest request rejected or failed, counted as the
 * popup's attention heading counts them; their own requests, unless an option counts everyone's), a different look
 * when the token is refused, or nothing when turned off.
 */
import { browser } from 'wxt/browser';
import type { TrackedMap } from '@/lib/contract/tracked-request';
import { t, tCount } from '@/lib/extension/i18n';
import { attentionCount } from '@/lib/erp/queue';
import { ofWhom, type Me, type Whose } from '@/lib/erp/whose';

/** The admin's own companies that need them (everyone's when the option says so), as the popup's heading counts them. */
export const badgeCount = (tracked: TrackedMap, whose: Whose = 'everyone', me: Me | null = null): number =>
  attentionCount(ofWhom(Object.values(tracked), whose, me));

export type BadgeState = { kind: 'count'; count: number } | { kind: 'auth_error' } | { kind: 'off' };

/** Each badge's colours; its text reads at 4.5:1 or more on its background (white on red, black on amber). */
export const BADGE_LOOK = {
  count: { background: '#d93025', text: '#ffffff' },
  auth: { background: '#f9ab00', text: '#000000' },
} as const;

/** The toolbar action: `action` in MV3, `browserAction` in Firefox's MV2 build. */
const toolbar = () => browser.action ?? browser.browserAction;

async function paint(look: (typeof BADGE_LOOK)[keyof typeof BADGE_LOOK], text: string, title: string): Promise<void> {
  const action = toolbar();
  await action.setBadgeBackgroundColor({ color: look.background });
  // Chrome 110 and Firefox 63 set the text colour; where it is missing, the browser picks one.
  await action.setBadgeTextColor?.({ color: look.text });
  await action.setBadgeText({ text });
  await action.setTitle({ title });
}

export async function showBadge(state: BadgeState): Promise<void> {
  // A different look, so "check the token" is not read as a count.
  if (state.kind === 'auth_error') return paint(BADGE_LOOK.auth, '!', t('badgeAuthError'));
  const count = state.kind === 'count' ? state.count : 0;
  return paint(
    BADGE_LOOK.count,
    count > 0 ? String(count) : '',
    count > 0 ? tCount('badgeAttention', count) : t('extName'),
  );
}
