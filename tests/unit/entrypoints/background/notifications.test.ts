import { describe, expect, it } from 'vitest';
import { dueNotifications, markNotified } from '@/entrypoints/background/notifications';
import { mergeRequests, recordSent } from '@/entrypoints/background/tracked-requests';
import { ORIGIN, request, trackedEntry, trackedMap } from './fakes';

const AT = '2026-11-20T10:00:00.000Z';
const entry = trackedEntry;
const map = trackedMap;

describe('notifications', () => {
  it('are due once per change of accepted, synced, rejected or failed', () => {
    let tracked = recordSent({}, 8001, ORIGIN, request(1, 101, 'pending_acceptance', AT));
    expect(dueNotifications(tracked)).toEqual([]);
    for (const status of ['accepted', 'synced'] as const) {
      tracked = mergeRequests(tracked, {
        companyId: 8001,
        origin: ORIGIN,
        requests: [request(1, 101, status, AT)],
      }).next;
      const due = dueNotifications(tracked);
      expect(due.map((e) => e.request.status)).toEqual([status]);
      tracked = markNotified(tracked, due);
      expect(dueNotifications(tracked)).toEqual([]);
    }
  });

  it('never announce a retrieval (the admin did it)', () => {
    expect(dueNotifications(map(entry(8001, 1, 'retrieved', 1, AT, 'pending_acceptance')))).toEqual([]);
  });
});
