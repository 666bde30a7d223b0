/**
 * Runs the Directory list's statuses on Procore's single-page app: one MutationObserver while on a Directory list
 * page (company or project level), none elsewhere; the statuses asked again when the tab is shown again and every
 * minute while it is in sight, all through WXT's context so nothing is left behind when the extension is reloaded.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ask } from '@/lib/contract/page-messaging';
import { parseDirectoryUrl, samePage, type DirectoryRef } from '@/lib/procore/page-url';
import { createListStatuses } from './list-statuses';

/** How often the statuses of a list left open are read again (the background's poll changes them). */
export const REFRESH_MS = 60_000;

export function startDirectoryStatuses(ctx: ContentScriptContext): void {
  let page: DirectoryRef | null = null;
  let refreshing: number | undefined;
  const statuses = createListStatuses(document, (vendorIds) =>
    page ? ask('getDirectoryStatuses', { page, vendorIds }) : Promise.reject(new Error('not a Directory list')),
  );
  const observer = new MutationObserver(() => {
    if (!ctx.isInvalid) statuses.apply();
  });
  ctx.onInvalidated(() => {
    observer.disconnect();
    statuses.clear();
  });

  const navigate = (url: URL) => {
    if (ctx.isInvalid) return;
    const next = parseDirectoryUrl(url);
    if (samePage(next, page)) return;
    page = next;
    statuses.clear();
    clearInterval(refreshing);
    refreshing = undefined;
    observer.disconnect();
    if (!page) return;
    observer.observe(document.body, { childList: true, subtree: true });
    // `ctx.setInterval` also notices an extension reloaded meanwhile (its tick reads `ctx.isInvalid`).
    refreshing = ctx.setInterval(() => {
      if (document.visibilityState === 'visible') statuses.refresh();
    }, REFRESH_MS);
    statuses.apply();
  };

  ctx.addEventListener(document, 'visibilitychange', () => {
    if (page && document.visibilityState === 'visible' && !ctx.isInvalid) statuses.refresh();
  });
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => navigate(newUrl));
  navigate(new URL(location.href));
}
