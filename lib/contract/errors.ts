/**
 * Failures as the UI explains them. Shared by the API client (which makes them) and every view (which words them).
 * zod-free: every context imports this at run time.
 */

export type ErrorKind =
  | 'auth' // 401: check the API token
  | 'forbidden' // 403: no permission
  | 'not_found' // 404
  | 'conflict' // 409: already pending or synced; the real state is refetched
  | 'validation' // 422/400: the server's field errors
  | 'rate_limited' // 429 after retries
  | 'server' // 5xx after retries
  | 'network' // offline, connection dropped
  | 'timeout'
  | 'malformed' // a body that does not match the contract
  | 'not_configured' // no API URL or token yet
  | 'no_permission' // the API origin's host permission was not granted
  | 'busy' // a send for this vendor is already in flight
  | 'no_answer'; // the background did not answer a message (worker gone, extension reloaded)

export interface UserError {
  kind: ErrorKind;
  /** The server's own words, when it gave any (shown as text, never HTML). */
  detail?: string;
  /** 422: field → messages. */
  fieldErrors?: Record<string, string[]>;
  status?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: UserError };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: UserError): Result<T> => ({ ok: false, error });

/** A message to the background that got no answer (the worker is gone, the extension was reloaded) fails as `no_answer`. */
export const orNoAnswer = <T>(reply: Promise<Result<T>>): Promise<Result<T>> =>
  reply.catch(() => fail<T>({ kind: 'no_answer' }));
