/**
 * The statuses of the companies the Directory's list shows. Every row in sight gets its latest request's tag from
 * what this page already knows, in the same task as the list's render (a MutationObserver), so that a re-render,
 * a page turn, a sort or a search never shows a row without it; vendors not known yet are asked of the background
 * in one message for all of them. Pure of the page's URL and of the extension: `directory-page.ts` wires it.
 */
import type { ErpRequest } from '@/lib/contract/api-bodies';
import type { Result } from '@/lib/contract/errors';
import { DIRECTORY_ROWS_MAX } from '@/lib/contract/limits';
import { findDirectoryRows, STATUS_TAG, type DirectoryRow } from '@/lib/procore/selectors';
import { createStatusTag, tagKey } from './status-tag';

/** After a failed ask, the list waits this long before asking again (a worker restarting, the API down). */
export const QUIET_AFTER_FAILURE_MS = 30_000;

export type AskStatuses = (vendorIds: number[]) => Promise<Result<ErpRequest[]>>;

export interface ListStatuses {
  /** Tags every row in sight from what is known, and asks for the rest: what the observer calls. */
  apply(): void;
  /** Forgets what is known (asked again, the tags kept until the answer): the tab shown again, the minute's refresh. */
  refresh(): void;
  /** Takes every tag away. */
  clear(): void;
}

function place(row: DirectoryRow, latest: ErpRequest | null): void {
  const shown = row.nameCell.querySelector<HTMLElement>(STATUS_TAG);
  if (!latest) {
    shown?.remove();
    return;
  }
  if (shown?.dataset.key === tagKey(latest)) return;
  const tag = createStatusTag(latest);
  if (shown) shown.replaceWith(tag);
  else row.nameCell.append(tag);
}

export function createListStatuses(root: ParentNode, askStatuses: AskStatuses, now = Date.now): ListStatuses {
  /** The latest request of each vendor asked about (null: never sent). */
  const known = new Map<number, ErpRequest | null>();
  const asking = new Set<number>();
  let quietUntil = 0;
  let generation = 0;

  async function ask(vendorIds: number[]): Promise<void> {
    const asked = generation;
    for (const id of vendorIds) asking.add(id);
    let answer: Result<ErpRequest[]> | null = null;
    try {
      answer = await askStatuses(vendorIds);
    } catch {
      // The worker could not answer (stopped, the extension reloaded): asked again after the quiet time.
    } finally {
      for (const id of vendorIds) asking.delete(id);
    }
    if (asked !== generation) return;
    if (!answer?.ok) {
      quietUntil = now() + QUIET_AFTER_FAILURE_MS;
      return;
    }
    for (const id of vendorIds) known.set(id, answer.value.find((request) => request.item_id === id) ?? null);
    statuses.apply();
  }

  const statuses: ListStatuses = {
    apply() {
      const unknown = new Set<number>();
      for (const row of findDirectoryRows(root)) {
        const latest = known.get(row.vendorId);
        if (latest !== undefined) place(row, latest);
        else if (!asking.has(row.vendorId)) unknown.add(row.vendorId);
      }
      if (unknown.size === 0 || now() < quietUntil) return;
      const ids = [...unknown];
      for (let i = 0; i < ids.length; i += DIRECTORY_ROWS_MAX) void ask(ids.slice(i, i + DIRECTORY_ROWS_MAX));
    },
    refresh() {
      generation++;
      known.clear();
      asking.clear();
      quietUntil = 0;
      statuses.apply();
    },
    clear() {
      generation++;
      known.clear();
      asking.clear();
      for (const tag of Array.from(root.querySelectorAll(STATUS_TAG))) tag.remove();
    },
  };
  return statuses;
}
