/**
 * The page control, an ES module imported by the content script's loader (`entrypoints/erp.content/`) in the same
 * isolated world once a vendor edit page is reached. Its default export is its WXT definition, whose `main` gives the
 * function the loader starts it with: a plain object, which `defineUnlistedScript` would return unchanged (its code
 * would stay in the module; `scripts/build-hooks.ts` builds it without WXT's wrapper).
 */
import type { UnlistedScriptDefinition } from 'wxt';
import { startPageControl } from './page-control';

export default { globalName: false, main: () => startPageControl } satisfies UnlistedScriptDefinition;
