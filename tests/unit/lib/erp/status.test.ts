import { describe, expect, it } from 'vitest';
import { actionFor, isTerminal, needsAttention, STATUSES } from '@/lib/erp/status';

describe('actionFor', () => {
  it('offers Send for a vendor never sent', () => expect(actionFor(null, false)).toBe('send'));
  it('offers Retrieve while waiting for approval', () =>
    expect(actionFor('pending_acceptance', false)).toBe('retrieve'));
  it.each(['rejected', 'retrieved', 'failed'] as const)('offers Re-send after %s', (s) =>
    expect(actionFor(s, false)).toBe('resend'),
  );
  it.each(['accepted', 'synced'] as const)('offers nothing while %s', (s) => expect(actionFor(s, false)).toBeNull());
  it('offers nothing for a vendor already synced, whatever its requests', () =>
    expect(actionFor(null, true)).toBeNull());
});

describe('status sets', () => {
  it('knows which statuses are terminal', () =>
    expect(STATUSES.filter(isTerminal)).toEqual(['synced', 'rejected', 'retrieved', 'failed']));
  it('counts only rejected and failed as needing the admin', () =>
    expect(STATUSES.filter(needsAttention)).toEqual(['rejected', 'failed']));
});
