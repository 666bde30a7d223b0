/** Limits both sides of a message keep to, zod-free: the page scripts import them, `messages.ts` checks them. */

/** The most companies one Directory page asks about at once (Procore's list shows up to 150 to a page). */
export const DIRECTORY_ROWS_MAX = 500;

/** The most companies one bulk re-send takes (the popup's whole queue in view, which a company rarely exceeds). */
export const BULK_RESEND_MAX = 500;
