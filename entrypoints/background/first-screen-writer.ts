/**
 * Keeps the popup's first screen (`firstScreen` in `lib/erp/queue.ts`) saved, so the popup paints without waiting for
 * the worker: saved again after every change to the tracked requests or the poll state, and only when it changed.
 * One save at a time and at most one waiting, which reads the newest values when its turn comes.
 */
import type { QueueView } from '@/lib/contract/messages';
import { firstScreen } from '@/lib/erp/queue';
import type { StoredItems } from './stored-items';

export function createFirstScreenWriter(stored: StoredItems, queueView: () => Promise<QueueView>): () => Promise<void> {
  let saving: Promise<void> = Promise.resolve();
  let saveQueued = false;
  const save = (): Promise<void> => {
    if (saveQueued) return saving;
    saveQueued = true;
    saving = saving
      .then(async () => {
        saveQueued = false;
        const screen = firstScreen(await queueView());
        // An unchanged screen is not written (the item compares it with what it holds).
        await stored.firstScreen.update(() => screen);
      })
      .catch((err: unknown) => console.warn("[erp-resend] the popup's first screen was not saved", err));
    return saving;
  };
  stored.tracked.watch(() => void save());
  stored.poll.watch(() => void save());
  stored.queueFilter.watch(() => void save());
  return save;
}
