/**
 * Runs the control on Procore's single-page app: a URL check first (no work at all on other pages), one
 * MutationObserver while on a vendor edit page, one delegated listener per event type, all registered through WXT's
 * context so nothing is left behind when the extension is reloaded or updated.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { readForm } from '@/lib/procore/form-reader';
import { parseVendorEditUrl, samePage } from '@/lib/procore/page-url';
import { BUTTONS, formOf, isSaveButton } from '@/lib/procore/selectors';
import { ask, onPush } from '@/lib/contract/page-messaging';
import { createControlMount } from './control-mount';
import { createPageSession, type PageSession } from './page-session';

/**
 * Chrome tells an orphaned content script nothing when its extension is reloaded or updated; reading `ctx.isInvalid`
 * (what `ctx.setInterval` does each tick) notices, and the `onInvalidated` handlers take the control away.
 */
const ORPHAN_CHECK_MS = 1000;

/** The page's own edits and saves, told to the current session: the form is read again, the vendor refetched. */
function listenToPage(ctx: ContentScriptContext, session: () => PageSession | null, readFormSoon: () => void): void {
  // Text fields and selects alike fire `input` on every change.
  ctx.addEventListener(document, 'input', readFormSoon, { capture: true });
  // The page's own Save: refetch the saved vendor so the reasons follow what was saved.
  ctx.addEventListener(document, 'submit', () => void session()?.afterPageSave(), { capture: true });
  ctx.addEventListener(
    document,
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest(BUTTONS) : null;
      if (button && isSaveButton(button)) void session()?.afterPageSave();
    },
    { capture: true },
  );
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible' && !ctx.isInvalid) void session()?.load(true);
  });
  ctx.onInvalidated(onPush('vendorChanged', (data) => session()?.changedElsewhere(data)));
}

export function startPageControl(ctx: ContentScriptContext): void {
  let orphanCheck: number | undefined;
  let session: PageSession | null = null;
  let readScheduled = false;
  const mount = createControlMount(ctx);
  const sleep = (ms: number) => new Promise<void>((resolve) => ctx.setTimeout(resolve, ms));

  const readFormNow = () => {
    readScheduled = false;
    const anchor = mount.anchor;
    if (session && anchor) session.readForm(readForm(formOf(anchor)));
  };
  const readFormSoon = () => {
    if (!session || readScheduled) return;
    readScheduled = true;
    ctx.requestAnimationFrame(readFormNow);
  };
  const sync = () => {
    if (session && !ctx.isInvalid && mount.sync()) readFormNow();
  };
  const observer = new MutationObserver(sync);
  ctx.onInvalidated(() => observer.disconnect());

  const navigate = (url: URL) => {
    if (ctx.isInvalid) return;
    const page = parseVendorEditUrl(url);
    if (session && samePage(page, session.page)) return;
    session?.dispose();
    session = null;
    if (!page) {
      clearInterval(orphanCheck);
      orphanCheck = undefined;
      observer.disconnect();
      mount.remove();
      return;
    }
    orphanCheck ??= ctx.setInterval(() => undefined, ORPHAN_CHECK_MS);
    session = createPageSession(page, ask, sleep, url.origin);
    // Read the form again once the vendor is known, in case the page filled its fields after rendering them.
    void session.load(false).then(readFormNow);
    mount.show(session);
    observer.observe(document.body, { childList: true, subtree: true });
    sync();
  };

  listenToPage(ctx, () => session, readFormSoon);
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => navigate(newUrl));
  navigate(new URL(location.href));
}
