/**
 * Match patterns for an origin: where the content script runs, what host permission covers the integration API.
 * Chrome's patterns may name a port; Firefox's may not ("Firefox doesn't support the inclusion of a port number"),
 * so there the pattern covers the host on every port, and the exact origin is compared after the pattern matched
 * (`isProcoreOrigin`, the API client's own origin).
 */

/** `http://127.0.0.1:4100` → `http://127.0.0.1:4100/*`, or `http://127.0.0.1/*` where patterns take no port. */
export function originMatchPattern(origin: string, portless: boolean): string {
  const url = new URL(origin);
  return `${url.protocol}//${portless ? url.hostname : url.host}/*`;
}

/**
 * The pattern this browser takes for an origin: port-less in the Firefox build (WXT's build-time flag, read when called
 * so that `wxt.config.ts` can import this file; false in unit tests, which build for Chrome).
 */
export const originPattern = (origin: string): string => originMatchPattern(origin, import.meta.env.FIREFOX === true);
