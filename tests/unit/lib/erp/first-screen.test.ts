import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FIRST_SCREEN_ITEMS, FIRST_SCREEN_KEY, firstScreen, loadFirstScreen, readFirstScreen } from '@/lib/erp/first-screen';
import { groupQueue } from '@/lib/erp/queue';
import { bigQueue, minutesAgo, rejected, tracked } from './queue-fixtures';

const view = (requests = bigQueue(1000)) => ({ requests, lastUpdated: minutesAgo(5), error: null });

describe("the popup's first screen", () => {
  it('holds every section with its full count, and only the first items, in display order', () => {
    const requests = bigQueue(1000);
    const screen = firstScreen(view(requests));
    const full = groupQueue(requests);
    expect(screen.sections.map((s) => [s.id, s.count])).toEqual(full.map((s) => [s.id, s.items.length]));
    expect(screen.sections.flatMap((s) => s.items)).toEqual(full.flatMap((s) => s.items).slice(0, FIRST_SCREEN_ITEMS));
    expect(screen.sections[0]!.items).toEqual(full[0]!.items.slice(0, FIRST_SCREEN_ITEMS));
    expect(screen.sections.slice(1).every((s) => s.items.length === 0)).toBe(true);
    expect(screen).toMatchObject({ lastUpdated: minutesAgo(5), error: null });
  });

  it('fills the first screen across sections when the first ones are short', () => {
    const few = [rejected('Ridge Roofing'), ...Array.from({ length: 10 }, (_, i) => tracked({ item_name: `Waiting ${i}`, status: 'pending_acceptance' }))];
    const screen = firstScreen(view(few));
    expect(screen.sections.map((s) => s.items.length)).toEqual([1, FIRST_SCREEN_ITEMS - 1, 0, 0]);
    expect(screen.sections.map((s) => s.count)).toEqual([1, 10, 0, 0]);
  });

  it('carries the error the popup must show', () => {
    const screen = firstScreen({ requests: [], lastUpdated: null, error: { kind: 'auth', status: 401 } });
    expect(screen).toMatchObject({ error: { kind: 'auth' }, lastUpdated: null });
    expect(screen.sections.every((s) => s.count === 0)).toBe(true);
  });

  it('reads back what it saved, through JSON as storage keeps it', () => {
    const screen = firstScreen(view());
    expect(readFirstScreen(JSON.parse(JSON.stringify(screen)))).toEqual(screen);
  });

  it.each([
    ['nothing stored', undefined],
    ['not an object', 'first screen'],
    ['another version', { ...firstScreen(view()), v: 2 }],
    ['sections missing', { v: 1, lastUpdated: null, error: null }],
    ['a section short', { ...firstScreen(view()), sections: firstScreen(view()).sections.slice(1) }],
    ['sections out of order', { ...firstScreen(view()), sections: [...firstScreen(view()).sections].reverse() }],
    ['a count that is not a number', { ...firstScreen(view()), sections: firstScreen(view()).sections.map((s) => ({ ...s, count: '3' })) }],
    ['an item without a request', { ...firstScreen(view()), sections: firstScreen(view()).sections.map((s) => ({ ...s, items: [null] })) }],
  ])('ignores a stored copy it cannot paint: %s', (_, raw) => {
    expect(readFirstScreen(raw)).toBeNull();
  });

  describe('loading it from storage', () => {
    beforeEach(() => fakeBrowser.reset());

    it('loads the stored copy', async () => {
      const screen = firstScreen(view());
      await fakeBrowser.storage.local.set({ [FIRST_SCREEN_KEY]: screen });
      expect(await loadFirstScreen()).toEqual(screen);
    });

    it('answers null when none is stored or the read fails', async () => {
      expect(await loadFirstScreen()).toBeNull();
      vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage unavailable'));
      expect(await loadFirstScreen()).toBeNull();
    });
  });
});
