/**
 * What Procore's every page runs: a URL test and the single-page app's navigation watch, nothing else. Each part's
 * own code is imported only once a page it works on is reached, by a full load or by the app's client-side
 * navigation, and started with this script's context; from then on it follows navigation itself. The page control
 * (`entrypoints/erp-control/`) works on vendor edit pages, the statuses (`entrypoints/directory-statuses/`) on the
 * Directory's company list.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SANDBOX_URL } from '@/lib/extension/build-flags';
import { originPattern } from '@/lib/extension/match-pattern';
import { controlWorksOn, statusesWorkOn } from '@/lib/procore/page-url';

/** Each built from its folder's `index.ts`; web-accessible to Procore's pages only (see wxt.config.ts). */
const PARTS = [
  { script: '/erp-control.js', worksOn: controlWorksOn },
  { script: '/directory-statuses.js', worksOn: statusesWorkOn },
] as const;

type Part = (typeof PARTS)[number];
/** Each part's default export is its WXT definition, whose `main` gives the function that starts it. */
type PartModule = { default: { main(): (ctx: ContentScriptContext) => void } };

export default defineContentScript({
  // A sandbox build treats the local sandbox as Procore; WXT evaluates this at build time with the build's defines.
  matches: SANDBOX_URL ? [originPattern(SANDBOX_URL)] : ['https://*.procore.com/*'],
  // The control inlines its stylesheet into its shadow root: nothing is injected into the page.
  cssInjectionMode: 'manual',
  main(ctx) {
    const started = new Set<Part>();
    const startPart = async (part: Part) => {
      started.add(part);
      // The module runs in this script's isolated world, not the page's.
      const loaded = (await import(/* @vite-ignore */ browser.runtime.getURL(part.script))) as PartModule;
      if (!ctx.isInvalid) loaded.default.main()(ctx);
    };
    const start = (url: URL) => {
      for (const part of PARTS) {
        if (started.has(part) || !part.worksOn(url)) continue;
        startPart(part).catch((err: unknown) => {
          // An extension reloaded meanwhile has nothing to load from; anything else is a fault worth seeing.
          if (!ctx.isInvalid) console.error(`[erp-resend] ${part.script} did not load`, err);
        });
      }
    };
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => start(newUrl));
    start(new URL(location.href));
  },
});
