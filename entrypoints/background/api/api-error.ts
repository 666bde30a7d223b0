/** How every failure around an API call reaches the views: as the `UserError` they word. */
import type { UserError } from '@/lib/contract/errors';

/** Thrown by the client for every HTTP failure, carrying what the admin is told. */
export class ApiError extends Error {
  constructor(readonly error: UserError) {
    super(
      `API error: ${error.kind}${error.status ? ` (HTTP ${error.status})` : ''}${error.detail ? `: ${error.detail}` : ''}`,
    );
    this.name = 'ApiError';
  }
}

/** Any failure caught around an API call, as the `UserError` the views word. */
export function toUserError(err: unknown): UserError {
  if (err instanceof ApiError) return err.error;
  // The client turns every HTTP failure into an ApiError; what is left is the browser failing to reach the server.
  return { kind: 'network', detail: err instanceof Error ? err.message : String(err) };
}
