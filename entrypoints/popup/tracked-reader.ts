/**
 * The tracked requests as the popup reads them itself, without zod: the stored text (`TRACKED_ITEM`), taken only when
 * it is the text a worker last checked, its SHA-256 being the one in `session:trackedChecked`, which only the
 * background writes (from `checked-item.ts`) and no page can reach. A worker just woken then answers the popup
 * without reading, copying and sending the whole list (half a megabyte for 1,000 requests). Null for any other text
 * (none checked since the browser started, a write whose digest is not noted yet, another version) or a failed read:
 * the popup then asks the worker for the requests, which it checks.
 */
import type { TrackedMap, TrackedRequest } from '@/lib/contract/tracked-request';
import { queueRequests } from '@/lib/erp/queue';
import { TRACKED_CHECKED_ITEM, TRACKED_ITEM } from '@/lib/extension/storage-items';
import { readStored } from '@/lib/extension/stored-value';
import { textDigest } from '@/lib/extension/text-digest';

export async function loadCheckedTracked(): Promise<TrackedRequest[] | null> {
  try {
    const [stored, checked] = await Promise.all([readStored(TRACKED_ITEM), readStored(TRACKED_CHECKED_ITEM)]);
    if (stored?.text == null || stored.version !== TRACKED_ITEM.version) return null;
    if (checked?.version !== TRACKED_CHECKED_ITEM.version || typeof checked.value !== 'string') return null;
    if ((await textDigest(stored.text)) !== checked.value) return null;
    return queueRequests(stored.value as TrackedMap);
  } catch {
    return null;
  }
}
