import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_LOOK, badgeCount, showBadge } from '@/entrypoints/background/badge';
import { attentionCount } from '@/lib/erp/queue';
import { trackedEntry, trackedMap } from './fakes';
import { useLocale } from '../../locale';

const entry = trackedEntry;
const map = trackedMap;

describe('badgeCount', () => {
  it('counts the vendors whose newest request was rejected or failed', () => {
    const tracked = map(
      entry(8001, 1, 'rejected', 101, '2026-11-01T00:00:00.000Z'),
      entry(8001, 2, 'pending_acceptance', 101, '2026-11-02T00:00:00.000Z'), // re-sent since: no longer needs the admin
      entry(8001, 3, 'failed', 102),
      entry(8002, 4, 'rejected', 201),
      entry(8001, 5, 'synced', 103),
      entry(8001, 6, 'retrieved', 104),
    );
    expect(badgeCount(tracked)).toBe(2);
  });

  it('counts the vendor by its latest request sent, not the one changed last, as the popup does', () => {
    // An older request rejected after a newer one was sent: the vendor waits for approval, nothing needs the admin.
    const tracked = map(entry(8001, 1, 'rejected', 101, '2026-11-01T00:00:00.000Z'), {
      ...entry(8001, 2, 'pending_acceptance', 101, '2026-11-02T00:00:00.000Z'),
    });
    tracked['8001:1'] = {
      ...tracked['8001:1']!,
      request: { ...tracked['8001:1']!.request, updated_at: '2026-11-03T00:00:00.000Z' },
    };
    expect(badgeCount(tracked)).toBe(0);
    expect(attentionCount(Object.values(tracked))).toBe(0);
  });

  it('counts a vendor seen on two Procore hosts once, as the popup does', () => {
    const rejected = entry(8001, 1, 'rejected', 101);
    const tracked = map(rejected, { ...entry(8001, 2, 'rejected', 101), origin: 'https://us02.procore.com' });
    expect(badgeCount(tracked)).toBe(1);
    expect(attentionCount(Object.values(tracked))).toBe(1);
  });
});

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5]
      .map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('the badge look', () => {
  it('keeps both badges readable: text at 4.5:1 or more on its background', () => {
    for (const look of Object.values(BADGE_LOOK))
      expect(contrast(look.text, look.background)).toBeGreaterThanOrEqual(4.5);
    // The "!" was white on amber: 1.93:1.
    expect(contrast('#ffffff', BADGE_LOOK.auth.background)).toBeLessThan(2);
  });

  it('sets the text colour with the background, for the count and for the token warning', async () => {
    fakeBrowser.reset();
    useLocale('en');
    const textColour = vi.fn(async () => undefined);
    (fakeBrowser.action as unknown as { setBadgeTextColor: typeof textColour }).setBadgeTextColor = textColour;
    await showBadge({ kind: 'auth_error' });
    expect(textColour).toHaveBeenLastCalledWith({ color: BADGE_LOOK.auth.text });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    await showBadge({ kind: 'count', count: 2 });
    expect(textColour).toHaveBeenLastCalledWith({ color: BADGE_LOOK.count.text });
    expect(await fakeBrowser.action.getTitle({})).toBe('ERP Resend: 2 requests need you');
  });
});
