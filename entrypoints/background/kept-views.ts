/**
 * The last view answered to each vendor page, kept in session storage. Chrome stops a worker idle for 30 s, so most
 * vendor pages are answered by a worker just woken: it shows the page its vendor as last seen at once, instead of
 * after four API calls, and asks the API again; the page is told (`vendorChanged`) if that answer differs
 * (`message-handlers.ts`). A view is kept under the page it was answered to (a project's Directory has the admin's
 * level there), for a few minutes only, and is dropped as soon as its vendor is known to have changed.
 */
import type { ErpRequest } from '@/lib/contract/api-bodies';
import type { VendorIds, VendorView } from '@/lib/contract/messages';
import type { CheckedItem } from '@/lib/extension/checked-item';
import type { PageRef } from '@/lib/procore/page-url';
import type { KeptView } from './stored-items';

/** An older view is not shown: the page waits for the API, as it did before anything was kept. */
export const KEPT_VIEW_MAX_MS = 10 * 60_000;
/** A page told to ask again asks at once; a view told of longer ago is checked again like any other. */
export const KEPT_TOLD_MS = 10_000;
/** The pages kept, most recently answered first: an admin works on a few vendors at a time. */
export const KEPT_VIEWS_MAX = 20;

/** `told`: checked with the API a moment ago, which said otherwise than the page was shown; the page was told to ask again. */
export type Kept = { view: VendorView; told: boolean };

export interface KeptViews {
  /** The view last answered to this page, unless older than `KEPT_VIEW_MAX_MS`. */
  get(page: PageRef): Promise<Kept | null>;
  keep(page: PageRef, view: VendorView, told?: boolean): Promise<void>;
  /** The API no longer answers for these vendors: no view of theirs is shown again before it is asked. */
  forget(vendors: readonly VendorIds[]): Promise<void>;
  /** These requests changed: a view of their vendor whose latest request is not one of them as it is now is dropped. */
  outdated(changed: readonly { companyId: number; request: ErpRequest }[]): Promise<void>;
  /** The settings changed: nothing kept may be shown. */
  clear(): Promise<void>;
}

export const keptViewKey = (page: PageRef): string =>
  page.level === 'company' ? `c${page.companyId}:${page.vendorId}` : `p${page.projectId}:${page.vendorId}`;

/** The page an action's answer is for: the project's Directory when it names one. */
export const pageOfAction = (ids: VendorIds & { projectId?: number | undefined }): PageRef =>
  ids.projectId === undefined
    ? { level: 'company', companyId: ids.companyId, vendorId: ids.vendorId }
    : { level: 'project', projectId: ids.projectId, vendorId: ids.vendorId };

const newestKept = (all: Record<string, KeptView>): Record<string, KeptView> =>
  Object.fromEntries(
    Object.entries(all)
      .sort(([, a], [, b]) => b.at - a.at)
      .slice(0, KEPT_VIEWS_MAX),
  );

/** Drops every kept view `stale` says is out of date. */
const dropWhere =
  (stale: (view: VendorView) => boolean) =>
  (all: Record<string, KeptView>): Record<string, KeptView> => {
    const kept = Object.entries(all).filter(([, entry]) => !stale(entry.view));
    return kept.length === Object.keys(all).length ? all : Object.fromEntries(kept);
  };

export function createKeptViews(item: CheckedItem<Record<string, KeptView>>, now: () => number): KeptViews {
  return {
    async get(page) {
      const kept = (await item.get())[keptViewKey(page)];
      const age = kept ? now() - kept.at : Infinity;
      return kept && age >= 0 && age < KEPT_VIEW_MAX_MS
        ? { view: kept.view, told: kept.told && age < KEPT_TOLD_MS }
        : null;
    },
    async keep(page, { notice: _said, ...view }, told = false) {
      await item.update((all) => newestKept({ ...all, [keptViewKey(page)]: { at: now(), view, told } }));
    },
    async forget(vendors) {
      await item.update(
        dropWhere((view) => vendors.some((v) => v.companyId === view.companyId && v.vendorId === view.vendorId)),
      );
    },
    async outdated(changed) {
      // The view the change was learnt with already shows it: a page told to ask again is answered that.
      const outOfDate = (view: VendorView) =>
        changed.some(
          ({ companyId, request }) =>
            companyId === view.companyId &&
            request.item_id === view.vendorId &&
            (view.latest?.id !== request.id || view.latest.updated_at !== request.updated_at),
        );
      await item.update(dropWhere(outOfDate));
    },
    clear: () => item.set({}),
  };
}
