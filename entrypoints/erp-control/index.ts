/**
 * The page control, an ES module imported by the content script's loader (`entrypoints/erp.content/`) in the same
 * isolated world once a vendor edit page is reached; its default export is the function the loader starts it with.
 */
import { startPageControl } from './page-control';

export default defineUnlistedScript({ globalName: false, main: () => startPageControl });
