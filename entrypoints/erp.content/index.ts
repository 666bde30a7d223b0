/**
 * What Procore's every page runs: a URL test and the single-page app's navigation watch, nothing else. The control's
 * own code (`entrypoints/erp-control/`) is imported only once a page it works on is reached, by a full load or by the
 * app's client-side navigation, and started with this script's context; from then on it follows navigation itself.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SANDBOX_URL } from '@/lib/extension/build-flags';
import { originPattern } from '@/lib/extension/match-pattern';
import { controlWorksOn } from '@/lib/procore/page-url';

/** Built from `entrypoints/erp-control/index.ts`; web-accessible to Procore's pages only (see wxt.config.ts). */
const CONTROL_SCRIPT = '/erp-control.js';

type StartControl = (ctx: ContentScriptContext) => void;

export default defineContentScript({
  // A sandbox build treats the local sandbox as Procore; WXT evaluates this at build time with the build's defines.
  matches: SANDBOX_URL ? [originPattern(SANDBOX_URL)] : ['https://*.procore.com/*'],
  // The control inlines its stylesheet into its shadow root: nothing is injected into the page.
  cssInjectionMode: 'manual',
  main(ctx) {
    let started = false;
    const startWhereItWorks = async (url: URL) => {
      if (started || !controlWorksOn(url)) return;
      started = true;
      // The module runs in this script's isolated world, not the page's.
      const control = (await import(/* @vite-ignore */ browser.runtime.getURL(CONTROL_SCRIPT))) as {
        default: StartControl;
      };
      if (!ctx.isInvalid) control.default(ctx);
    };
    const start = (url: URL) =>
      void startWhereItWorks(url).catch((err: unknown) => {
        // An extension reloaded meanwhile has nothing to load from; anything else is a fault worth seeing.
        if (!ctx.isInvalid) console.error('[erp-resend] the page control did not load', err);
      });
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => start(newUrl));
    start(new URL(location.href));
  },
});
