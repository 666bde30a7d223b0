import { describe, expect, it } from 'vitest';
import { checkFirstScreen, FIRST_SCREEN_ITEMS, firstScreen, groupQueue } from '@/lib/erp/queue';
import { bigQueue, minutesAgo, queueView, rejected, tracked } from './queue-fixtures';

const view = (requests = bigQueue(1000)) => queueView({ requests, lastUpdated: minutesAgo(5) });

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
    const few = [
      rejected('Ridge Roofing'),
      ...Array.from({ length: 10 }, (_, i) => tracked({ item_name: `Waiting ${i}`, status: 'pending_acceptance' })),
    ];
    const screen = firstScreen(view(few));
    expect(screen.sections.map((s) => s.items.length)).toEqual([1, FIRST_SCREEN_ITEMS - 1, 0, 0]);
    expect(screen.sections.map((s) => s.count)).toEqual([1, 10, 0, 0]);
  });

  it('carries the error the popup must show', () => {
    const screen = firstScreen(queueView({ requests: [], error: { kind: 'auth', status: 401 } }));
    expect(screen).toMatchObject({ error: { kind: 'auth' }, lastUpdated: null });
    expect(screen.sections.every((s) => s.count === 0)).toBe(true);
  });

  it('reads back what it saved, through JSON as storage keeps it', () => {
    const screen = firstScreen(view());
    expect(checkFirstScreen(JSON.parse(JSON.stringify(screen)))).toEqual(screen);
  });

  it.each([
    ['nothing stored', undefined],
    ['not an object', 'first screen'],
    ['sections missing', { lastUpdated: null, error: null }],
    ['a section short', { ...firstScreen(view()), sections: firstScreen(view()).sections.slice(1) }],
    ['sections out of order', { ...firstScreen(view()), sections: [...firstScreen(view()).sections].reverse() }],
    [
      'a count that is not a number',
      { ...firstScreen(view()), sections: firstScreen(view()).sections.map((s) => ({ ...s, count: '3' })) },
    ],
    [
      'an item without a request',
      { ...firstScreen(view()), sections: firstScreen(view()).sections.map((s) => ({ ...s, items: [null] })) },
    ],
  ])('ignores a stored copy it cannot paint: %s', (_, raw) => {
    expect(checkFirstScreen(raw)).toBeNull();
  });
});
