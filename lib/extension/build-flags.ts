/**
 * Build-time constants from `wxt.config.ts` (`define`), read in one place. The `typeof` guards keep modules importable
 * where nothing defines them (unit tests): there they read as a production build with no poll override.
 */

/** Origin of the local sandbox in a `--mode sandbox` build; '' in production. */
export const SANDBOX_URL: string = typeof __SANDBOX_URL__ === 'string' ? __SANDBOX_URL__ : '';

/** Status poll period override for tests, in seconds; 0 keeps the admin's setting. */
export const POLL_SECONDS_OVERRIDE: number = typeof __POLL_SECONDS__ === 'number' ? __POLL_SECONDS__ : 0;
