import { describe, expect, it } from 'vitest';
import { badgeCount } from '@/entrypoints/background/badge';
import { attentionCount } from '@/lib/erp/queue';
import { trackedEntry, trackedMap } from './fakes';

const entry = trackedEntry;
const map = trackedMap;

describe('badgeCount', () => {
  it('counts the vendors whose newest request was rejected or failed', () => {
    const tracked = map(
      entry(8001, 1, 'rejected', 101, '2026-11-01T00:00:00.000Z'),
      entry(8001, 2, 'pending_acceptance', 101, '2026-11-02T00:00:00.000Z'), // re-sent since: no longer needs the admin
      entry(8001, 3, 'failed', 102),
      entry(8002, 4, 'rejected', 201),
      entry(8001, 5, 'synced', 103),
      entry(8001, 6, 'retrieved', 104),
    );
    expect(badgeCount(tracked)).toBe(2);
  });

  it('counts the vendor by its latest request sent, not the one changed last, as the popup does', () => {
    // An older request rejected after a newer one was sent: the vendor waits for approval, nothing needs the admin.
    const tracked = map(
      entry(8001, 1, 'rejected', 101, '2026-11-01T00:00:00.000Z'),
      { ...entry(8001, 2, 'pending_acceptance', 101, '2026-11-02T00:00:00.000Z') },
    );
    tracked['8001:1'] = { ...tracked['8001:1']!, request: { ...tracked['8001:1']!.request, updated_at: '2026-11-03T00:00:00.000Z' } };
    expect(badgeCount(tracked)).toBe(0);
    expect(attentionCount(Object.values(tracked))).toBe(0);
  });

  it('counts a vendor seen on two Procore hosts once, as the popup does', () => {
    const rejected = entry(8001, 1, 'rejected', 101);
    const tracked = map(rejected, { ...entry(8001, 2, 'rejected', 101), origin: 'https://us02.procore.com' });
    expect(badgeCount(tracked)).toBe(1);
    expect(attentionCount(Object.values(tracked))).toBe(1);
  });
});
