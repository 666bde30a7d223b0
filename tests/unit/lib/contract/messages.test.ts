import { describe, expect, it } from 'vitest';
import { MESSAGES } from '@/lib/contract/messages';

describe('the messages table', () => {
  it('keeps one payload schema per message, built when it first checks one', () => {
    const { input } = MESSAGES.getVendor;
    expect(MESSAGES.getVendor.input).toBe(input);
    expect(input.safeParse({ page: { level: 'company', companyId: 8001, vendorId: 5 }, refresh: false }).success).toBe(
      true,
    );
    expect(input.safeParse({ page: { level: 'project', companyId: 8001, vendorId: 5 }, refresh: false }).success).toBe(
      false,
    );
  });

  it('checks an action on a vendor page by its ids, its project when it names one, and what the action adds', () => {
    const ids = { companyId: 8001, vendorId: 5 };
    expect(MESSAGES.send.input.safeParse({ ...ids, origin: 'https://app.procore.com' }).success).toBe(true);
    expect(MESSAGES.send.input.safeParse({ ...ids, projectId: 7, origin: 'https://app.procore.com' }).success).toBe(
      true,
    );
    expect(MESSAGES.send.input.safeParse({ ...ids, origin: 'not a url' }).success).toBe(false);
    expect(MESSAGES.send.input.safeParse({ ...ids, projectId: 0, origin: 'https://app.procore.com' }).success).toBe(
      false,
    );
    expect(MESSAGES.retrieve.input.safeParse({ ...ids, requestId: 9 }).success).toBe(true);
    expect(MESSAGES.retrieve.input.safeParse({ ...ids }).success).toBe(false);
    expect(MESSAGES.watch.input.safeParse(ids).success).toBe(true);
    expect(MESSAGES.watch.input.safeParse({ companyId: 8001 }).success).toBe(false);
  });
});
