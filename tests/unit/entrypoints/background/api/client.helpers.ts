/** Shared by the API client's test files. */
import { expect } from 'vitest';
import { ApiError } from '@/entrypoints/background/api/client';
import type { UserError } from '@/lib/contract/errors';

/** The `UserError` a call failed with; fails the test if it resolved or threw anything but an ApiError. */
export async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error: unknown = await promise.then(
    () => expect.fail('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return (error as ApiError).error;
}
