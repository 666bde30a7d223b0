/** Any failure caught around an API call, as the `UserError` the views word. */
import { ApiError } from './client';
import type { UserError } from '../../../lib/contract/errors';

export function toUserError(err: unknown): UserError {
  if (err instanceof ApiError) return err.error;
  // The client turns every HTTP failure into an ApiError; what is left is the browser failing to reach the server.
  return { kind: 'network', detail: err instanceof Error ? err.message : String(err) };
}
