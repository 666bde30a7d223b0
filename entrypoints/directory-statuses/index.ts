/**
 * The Directory list's statuses, an ES module imported by the content script's loader (`entrypoints/erp.content/`) in
 * the same isolated world once a Directory list page is reached. Its default export is its WXT definition, as the
 * page control's is (`entrypoints/erp-control/index.ts`).
 */
import type { UnlistedScriptDefinition } from 'wxt';
import { startDirectoryStatuses } from './directory-page';

export default { globalName: false, main: () => startDirectoryStatuses } satisfies UnlistedScriptDefinition;
