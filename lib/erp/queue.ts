/**
 * The popup's list: the tracked requests as sections with counts, one item per vendor (its latest request,
 * `latest-request.ts`), filtered by a search, and the first screen of it that the background keeps ready in storage.
 * Pure and zod-free: unit-tested without a browser, cheap for 1,000 requests, and shared by the background (which
 * saves the first screen) and the popup (which paints it, then the whole list).
 *
 * `retrieved` gets a section of its own rather than "Needs your attention": retrieving is the admin's own choice (the
 * record is back with them on purpose), it does not count on the badge (`needsAttention` in `status.ts`), and the
 * attention heading's count must match the badge. Hiding it would lose a company that is no longer on its way to the
 * ERP, so it stays listed, with Re-send, between the waiting and the synced ones.
 */
import type { UserError } from '../contract/errors';
import type { QueueView } from '../contract/messages';
import type { TrackedMap, TrackedRequest } from '../contract/tracked-request';
import { latestPerVendor, newestFirst } from './latest-request';
import { needsAttention, type ErpStatus } from './status';
import { ofWhom, type Whose } from './whose';

export const SECTION_IDS = ['attention', 'waiting', 'retrieved', 'synced'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const SECTION_OF: Record<ErpStatus, SectionId> = {
  rejected: 'attention',
  failed: 'attention',
  pending_acceptance: 'waiting',
  accepted: 'waiting',
  retrieved: 'retrieved',
  synced: 'synced',
};

export interface QueueSection {
  id: SectionId;
  /** Changed last first. */
  items: TrackedRequest[];
  /** How many items the section has in all (`items` may hold only the first few: `firstScreen`). */
  count: number;
}

/** The tracked requests as the popup lists them (`QueueView.requests`): newest first. */
export const queueRequests = (tracked: TrackedMap): TrackedRequest[] =>
  Object.values(tracked).sort((a, b) => newestFirst(a.request, b.request));

/** Lower case without accents, so "sao" finds "São" and "ACME" finds "Acme". */
export const searchKey = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const time = (iso: string): number => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
};

/** The popup's order: the item whose status changed last on top (the rejection that just came in), then by id. */
const changedLastFirst = (a: TrackedRequest, b: TrackedRequest): number =>
  time(b.request.updated_at) - time(a.request.updated_at) || b.request.id - a.request.id;

/** Every section, in display order (empty ones included, so headings can say 0), filtered by company name. */
export function groupQueue(requests: readonly TrackedRequest[], query = ''): QueueSection[] {
  const needle = searchKey(query);
  const sections = new Map<SectionId, TrackedRequest[]>(SECTION_IDS.map((id) => [id, []]));
  for (const tracked of latestPerVendor(requests).sort(changedLastFirst)) {
    if (needle && !searchKey(tracked.request.item_name).includes(needle)) continue;
    sections.get(SECTION_OF[tracked.request.status])!.push(tracked);
  }
  return SECTION_IDS.map((id) => {
    const items = sections.get(id)!;
    return { id, items, count: items.length };
  });
}

export const countItems = (sections: readonly QueueSection[]): number =>
  sections.reduce((sum, section) => sum + section.count, 0);

/**
 * Companies that need the admin (their latest request rejected or failed): the attention heading's count, which the
 * badge matches. Counted without grouping and sorting the whole queue, since the badge asks on every change.
 */
export const attentionCount = (requests: readonly TrackedRequest[]): number =>
  latestPerVendor(requests).filter((tracked) => needsAttention(tracked.request.status)).length;

/**
 * Items the first screen holds, across its sections in display order: about what a 600-pixel-high popup shows before
 * the admin scrolls. Sections past them have their heading and count, and their items when the whole list arrives.
 */
export const FIRST_SCREEN_ITEMS = 8;

/** The popup's first screen, as the background saves it (see `STORED.firstScreen`). */
export interface FirstScreen {
  /** Every section in display order: `count` for all its items, `items` only those on the first screen. */
  sections: QueueSection[];
  lastUpdated: string | null;
  error: UserError | null;
  /** The filter its sections follow; a screen saved before the filter existed is everyone's. */
  whose?: Whose;
}

export function firstScreen(view: QueueView): FirstScreen {
  let room = FIRST_SCREEN_ITEMS;
  const sections = groupQueue(ofWhom(view.requests, view.whose, view.me)).map((section) => {
    const items = section.items.slice(0, room);
    room -= items.length;
    return { ...section, items };
  });
  return { sections, lastUpdated: view.lastUpdated, error: view.error, whose: view.whose };
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

/**
 * The stored first screen if it is one the popup knows how to paint, else null. Checked by hand, not with zod, which
 * the popup does not load: it is only a head start, which the worker's answer replaces a moment later.
 */
export function checkFirstScreen(raw: unknown): FirstScreen | null {
  const screen = raw as Partial<FirstScreen> | null | undefined;
  if (typeof screen !== 'object' || screen === null) return null;
  if (
    !Array.isArray(screen.sections) ||
    screen.sections.length !== SECTION_IDS.length ||
    !screen.sections.every(isSection)
  )
    return null;
  return screen as FirstScreen;
}
