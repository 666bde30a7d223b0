/**
 * The popup's first screen, kept ready in storage (issue 5.2). Opening the popup with 1,000 tracked requests used to
 * wait for the worker (woken if asleep) to send all of them; now the background saves what the first screen shows
 * (each section's count and first few items, the last update and error) whenever any of it changes, and the popup
 * paints from that one small read while the whole list comes from the worker.
 *
 * Written only by the background, from values it has already checked with zod; `storage.local` is closed to content
 * scripts. The popup still checks the version and shape before painting it, and ignores anything else: this copy is
 * only a head start, and the worker's answer replaces it a moment later.
 */
import { browser } from 'wxt/browser';
import type { UserError } from '../contract/errors';
import type { QueueView } from '../contract/messages';
import { groupQueue, SECTION_IDS, type QueueSection } from './queue';

/** `storage.local` key (WXT's `local:` prefix is for `@wxt-dev/storage`; the popup reads it with `browser.storage`). */
export const FIRST_SCREEN_KEY = 'firstScreen';
/** Bumped whenever the shape changes: an older popup or background ignores a copy it does not know. */
const VERSION = 1;
/**
 * Items the first screen holds, across its sections in display order: about what a 600-pixel-high popup shows before
 * the admin scrolls. Sections past them have their heading and count, and their items when the whole list arrives.
 */
export const FIRST_SCREEN_ITEMS = 8;

export interface FirstScreen {
  v: typeof VERSION;
  /** Every section in display order: `count` for all its items, `items` only those on the first screen. */
  sections: QueueSection[];
  lastUpdated: string | null;
  error: UserError | null;
}

export function firstScreen(view: QueueView): FirstScreen {
  let room = FIRST_SCREEN_ITEMS;
  const sections = groupQueue(view.requests).map((section) => {
    const items = section.items.slice(0, room);
    room -= items.length;
    return { ...section, items };
  });
  return { v: VERSION, sections, lastUpdated: view.lastUpdated, error: view.error };
}

const isSection = (value: unknown, index: number): boolean => {
  const section = value as Partial<QueueSection> | null;
  return (
    typeof section === 'object' &&
    section !== null &&
    section.id === SECTION_IDS[index] &&
    typeof section.count === 'number' &&
    Array.isArray(section.items) &&
    section.items.every((item) => typeof item?.request?.item_name === 'string')
  );
};

/** The stored copy if it is one this popup knows how to paint, else null (the popup then waits for the worker). */
export function readFirstScreen(raw: unknown): FirstScreen | null {
  const screen = raw as Partial<FirstScreen> | null | undefined;
  if (typeof screen !== 'object' || screen === null || screen.v !== VERSION) return null;
  if (!Array.isArray(screen.sections) || screen.sections.length !== SECTION_IDS.length || !screen.sections.every(isSection)) return null;
  return screen as FirstScreen;
}

/** The stored copy, or null when there is none, it is unreadable, or the read fails. */
export async function loadFirstScreen(): Promise<FirstScreen | null> {
  try {
    const stored = await browser.storage.local.get(FIRST_SCREEN_KEY);
    return readFirstScreen(stored[FIRST_SCREEN_KEY]);
  } catch {
    return null;
  }
}
