/** Origin of the local sandbox in a `--mode sandbox` build; empty in production. */
declare const __SANDBOX_URL__: string;
/** Status poll period override for tests (seconds); 0 keeps the user's setting. */
declare const __POLL_SECONDS__: number;
