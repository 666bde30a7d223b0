/**
 * Runs the control on Procore's single-page app: a URL check first (no work at all on other pages), one
 * MutationObserver while on a vendor edit page, one delegated listener per event type, all registered through WXT's
 * context so nothing is left behind when the extension is reloaded or updated.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ErpControl } from '@/entrypoints/erp.content/control/ErpControl';
import { readForm } from '@/lib/procore/form-reader';
import { parseVendorEditUrl, samePage } from '@/lib/procore/page-url';
import { BUTTONS, formOf, isSaveButton, neighbourButton } from '@/lib/procore/selectors';
import css from '@/entrypoints/erp.content/control/control.css?inline';
import { ask, onPush } from './background-client';
import { copyButtonLook } from './native-look';
import { createPlacement, type Placement } from './placement';
import { createShadowHost } from './shadow-host';
import { createVendorSession, type ControlApi, type VendorSession } from './page-session';

const api: ControlApi = {
  getVendor: (page, refresh) => ask('getVendor', { page, refresh }),
  send: (input) => ask('send', input),
  retrieve: (input) => ask('retrieve', input),
  watch: (ids) => ask('watch', ids),
};

/**
 * Chrome tells an orphaned content script nothing when its extension is reloaded or updated; reading `ctx.isInvalid`
 * (what `ctx.setInterval` does each tick) notices, and the `onInvalidated` handlers take the control away.
 */
const ORPHAN_CHECK_MS = 1000;

export function startPageControl(ctx: ContentScriptContext): void {
  let orphanCheck: number | undefined;
  let session: VendorSession | null = null;
  let placement: Placement | null = null;
  let container: HTMLElement | null = null;
  let readScheduled = false;

  const sleep = (ms: number) => new Promise<void>((resolve) => ctx.setTimeout(resolve, ms));

  const renderControl = () => {
    if (container?.isConnected && session) {
      render(<ErpControl key={JSON.stringify(session.page)} store={session} />, container);
    }
  };

  const readFormNow = () => {
    readScheduled = false;
    const anchor = placement?.anchor;
    if (session && anchor) session.readForm(readForm(formOf(anchor)));
  };

  const sync = () => {
    if (!placement || !session || ctx.isInvalid) return;
    if (placement.sync()) readFormNow();
  };

  const observer = new MutationObserver(sync);
  ctx.onInvalidated(() => observer.disconnect());

  /** The host is made once, on the first vendor edit page, and then mounted and removed synchronously. */
  const ensurePlacement = () => {
    if (placement) return;
    const shadow = createShadowHost(ctx, css);
    container = shadow.container;
    placement = createPlacement(document, {
      element: shadow.host,
      mount: (anchor) => {
        anchor.before(shadow.host);
        copyButtonLook(shadow.host, neighbourButton(anchor));
        renderControl();
      },
      remove: () => {
        render(null, shadow.container);
        shadow.host.remove();
      },
    });
  };

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
      placement?.remove();
      return;
    }
    orphanCheck ??= ctx.setInterval(() => undefined, ORPHAN_CHECK_MS);
    session = createVendorSession(page, api, sleep, url.origin);
    // Read the form again once the vendor is known, in case the page filled its fields after rendering them.
    void session.load(false).then(readFormNow);
    ensurePlacement();
    renderControl();
    observer.observe(document.body, { childList: true, subtree: true });
    sync();
  };

  const onEdit = () => {
    if (!session || readScheduled) return;
    readScheduled = true;
    ctx.requestAnimationFrame(readFormNow);
  };
  // Text fields and selects alike fire `input` on every change.
  ctx.addEventListener(document, 'input', onEdit, { capture: true });

  // The page's own Save: refetch the saved vendor so the reasons follow what was saved.
  ctx.addEventListener(document, 'submit', () => void session?.afterPageSave(), { capture: true });
  ctx.addEventListener(
    document,
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest(BUTTONS) : null;
      if (session && button && isSaveButton(button)) void session.afterPageSave();
    },
    { capture: true },
  );

  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible' && !ctx.isInvalid) void session?.load(true);
  });
  ctx.onInvalidated(
    onPush('vendorChanged', (data) => session?.changedElsewhere(data)),
  );

  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => navigate(newUrl));
  navigate(new URL(location.href));
}
