/**
 * Whose requests a view counts: everyone's (the company's whole queue) or the signed-in admin's own (`sent_by` is
 * them). One rule for the popup's filter, the badge and the notifications. zod-free: the popup imports it.
 */
import type { Me as ApiMe } from '../contract/api-bodies';
import type { TrackedRequest } from '../contract/tracked-request';

export const WHOSE = ['everyone', 'mine'] as const;
export type Whose = (typeof WHOSE)[number];

/** The signed-in user, as `GET /me` names them. */
export type Me = Pick<ApiMe, 'id' | 'name'>;

/** Sent by the admin. While who they are is not known yet (`/me` not answered), every request counts as theirs. */
export const sentByMe = (tracked: TrackedRequest, me: Me | null): boolean =>
  me === null || tracked.request.sent_by.id === me.id;

export function ofWhom<T extends TrackedRequest>(requests: readonly T[], whose: Whose, me: Me | null): T[] {
  return whose === 'everyone' ? [...requests] : requests.filter((tracked) => sentByMe(tracked, me));
}
