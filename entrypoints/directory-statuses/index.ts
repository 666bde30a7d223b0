/**
 * The Directory list's statuses, an ES module imported by the content script's loader (`entrypoints/erp.content/`) in
 * the same isolated world once a Directory list page is reached; its default export is what the loader starts it with.
 */
import { startDirectoryStatuses } from './directory-page';

export default defineUnlistedScript({ globalName: false, main: () => startDirectoryStatuses });
