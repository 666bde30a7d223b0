/** The in-page control on Procore's vendor edit pages (company and project level). */
import { SANDBOX_URL } from '@/lib/extension/build-flags';
import { originPattern } from '@/lib/extension/match-pattern';
import { startPageControl } from './page-control';

export default defineContentScript({
  // A sandbox build treats the local sandbox as Procore; WXT evaluates this at build time with the build's defines.
  matches: SANDBOX_URL ? [originPattern(SANDBOX_URL)] : ['https://*.procore.com/*'],
  // The stylesheet is inlined into the control's shadow root (see shadow-host.ts); nothing is injected into the page.
  cssInjectionMode: 'manual',
  main: startPageControl,
});
