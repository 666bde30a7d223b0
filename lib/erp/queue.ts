/**
 * The popup's queue as sections (issue 5.1). Pure: no browser, so it is unit-tested and cheap for 1,000 requests.
 *
 * One item per vendor: only a vendor's newest tracked request is shown, because an older rejection of a company that
 * has since been re-sent no longer needs anyone.
 *
 * `retrieved` gets a section of its own rather than "Needs your attention": retrieving is the admin's own choice (the
 * record is back with them on purpose), it does not count on the badge (`needsAttention` in `status.ts`), and the
 * attention heading's count must match the badge. Hiding it would lose a company that is no longer on its way to the
 * ERP, so it stays listed, with Re-send, between the waiting and the synced ones.
 */
import type { TrackedRequest } from '../contract/messages';
import type { ErpStatus } from './status';

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
  /** Newest first. */
  items: TrackedRequest[];
  /** How many items the section has in all (`items` may hold only the first few: `first-screen.ts`). */
  count: number;
}

/** Lower case without accents, so "sao" finds "São" and "ACME" finds "Acme". */
export const searchKey = (text: string): string =>
  text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

const vendorKey = (t: TrackedRequest): string => `${t.origin} ${t.companyId} ${t.request.item_id}`;

const time = (iso: string): number => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
};

/** The newest request of each vendor, newest first (by last change, then by id). */
export function latestPerVendor(requests: readonly TrackedRequest[]): TrackedRequest[] {
  const newest = new Map<string, { tracked: TrackedRequest; at: number }>();
  for (const tracked of requests) {
    const at = time(tracked.request.updated_at);
    const key = vendorKey(tracked);
    const seen = newest.get(key);
    if (!seen || at > seen.at || (at === seen.at && tracked.request.id > seen.tracked.request.id)) {
      newest.set(key, { tracked, at });
    }
  }
  return [...newest.values()]
    .sort((a, b) => b.at - a.at || b.tracked.request.id - a.tracked.request.id)
    .map((entry) => entry.tracked);
}

/** Every section, in display order (empty ones included, so headings can say 0), filtered by company name. */
export function groupQueue(requests: readonly TrackedRequest[], query = ''): QueueSection[] {
  const needle = searchKey(query);
  const sections = new Map<SectionId, TrackedRequest[]>(SECTION_IDS.map((id) => [id, []]));
  for (const tracked of latestPerVendor(requests)) {
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
