/**
 * The popup's first screen as the background saved it (`STORED.firstScreen`): one raw read, started before anything
 * else, without zod. Null when there is none, it is of another version or unreadable, or the read fails: the popup
 * then asks the worker at once.
 */
import { readStored } from '@/lib/extension/stored-value';
import { FIRST_SCREEN_ITEM } from '@/lib/extension/storage-items';
import { checkFirstScreen, type FirstScreen } from '@/lib/erp/queue';

export async function loadFirstScreen(): Promise<FirstScreen | null> {
  try {
    const stored = await readStored(FIRST_SCREEN_ITEM);
    return stored?.version === FIRST_SCREEN_ITEM.version ? checkFirstScreen(stored.value) : null;
  } catch {
    return null;
  }
}
