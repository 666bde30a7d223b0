/**
 * Which of a vendor's requests is its latest: the one the page acts on, the popup shows and the badge counts. One rule
 * for all three, so they never disagree. zod-free: every context imports this.
 */
import type { ErpRequest } from '../contract/api-bodies';
import { vendorKey } from '../contract/keys';
import type { TrackedRequest } from '../contract/tracked-request';

/**
 * Newest request first: the one sent last (created last; the higher id when two were created at the same moment).
 * Not the one changed last: an older request rejected after a newer one was sent is not the vendor's state any more.
 */
export const newestFirst = (a: ErpRequest, b: ErpRequest): number =>
  b.created_at.localeCompare(a.created_at) || b.id - a.id;

/**
 * The latest request of each vendor. A vendor is its company and vendor ids, whichever Procore host it was seen on,
 * so an old rejection of a company since re-sent no longer needs anyone, and a vendor seen on two hosts is one item.
 */
export function latestPerVendor(tracked: Iterable<TrackedRequest>): TrackedRequest[] {
  const latest = new Map<string, TrackedRequest>();
  for (const entry of tracked) {
    const key = vendorKey(entry.companyId, entry.request.item_id);
    const seen = latest.get(key);
    if (!seen || newestFirst(entry.request, seen.request) < 0) latest.set(key, entry);
  }
  return [...latest.values()];
}

/** Each vendor's latest request, by `vendorKey`. */
export const latestByVendor = (tracked: Iterable<TrackedRequest>): Map<string, TrackedRequest> =>
  new Map(latestPerVendor(tracked).map((entry) => [vendorKey(entry.companyId, entry.request.item_id), entry]));
