import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ok, fail, type Result } from '@/lib/contract/errors';
import type { RetrieveInput, SendInput, VendorView } from '@/lib/contract/messages';
import type { PageRef } from '@/lib/procore/page-url';
import { createPageSession, SETTLE_MS, type AskBackground } from '@/entrypoints/erp-control/page-session';
import { request, vendor, view } from './fixtures';

const page = { level: 'company', companyId: 8001, vendorId: 101 } as const;

/** A background that answers what each test queues, and records every call. */
function fakeApi() {
  const answers: Result<VendorView>[] = [];
  const api = {
    getVendor: vi.fn(
      async (_page: PageRef, _refresh: boolean): Promise<Result<VendorView>> => answers.shift() ?? ok(view()),
    ),
    send: vi.fn(async (_input: SendInput): Promise<Result<VendorView>> => ok(view({ latest: request() }))),
    retrieve: vi.fn(async (_input: RetrieveInput): Promise<Result<VendorView>> =>
      ok(view({ latest: request({ status: 'retrieved' }) })),
    ),
    watch: vi.fn(async (_ids: { companyId: number; vendorId: number }) => undefined),
  };
  return { api, answers };
}

/** The session's messages, each answered by the fake's method of the same name. */
const askOf = (api: ReturnType<typeof fakeApi>['api']): AskBackground =>
  ((type: string, data: never) => {
    if (type === 'getVendor')
      return api.getVendor((data as { page: PageRef }).page, (data as { refresh: boolean }).refresh);
    return (api[type as 'send' | 'retrieve' | 'watch'] as (input: never) => Promise<unknown>)(data);
  }) as AskBackground;

const noWait = () => Promise.resolve();

describe('a vendor page session', () => {
  let fake: ReturnType<typeof fakeApi>;
  beforeEach(() => (fake = fakeApi()));

  it('loads the vendor, tells subscribers, and asks to watch it once', async () => {
    const session = createPageSession(page, askOf(fake.api), noWait, 'https://app.procore.com');
    const seen = vi.fn();
    session.subscribe(seen);
    await session.load(false);
    await session.load(true);
    expect(fake.api.getVendor).toHaveBeenNthCalledWith(1, page, false);
    expect(session.state.view?.vendorId).toBe(101);
    expect(seen).toHaveBeenCalled();
    expect(fake.api.watch).toHaveBeenCalledTimes(1);
    expect(fake.api.watch).toHaveBeenCalledWith({ companyId: 8001, vendorId: 101 });
  });

  it('shows only the newest of overlapping loads', async () => {
    let releaseFirst!: (r: Result<VendorView>) => void;
    fake.api.getVendor
      .mockImplementationOnce(() => new Promise((resolve) => (releaseFirst = resolve)))
      .mockImplementationOnce(async () => ok(view({ vendor: vendor({ name: 'Newer' }) })));
    const session = createPageSession(page, askOf(fake.api), noWait, 'https://app.procore.com');
    const first = session.load(false);
    await session.load(true);
    releaseFirst(ok(view({ vendor: vendor({ name: 'Older' }) })));
    await first;
    expect(session.state.view?.vendor.name).toBe('Newer');
  });

  it('ignores answers that arrive after the page was left', async () => {
    const session = createPageSession(page, askOf(fake.api), noWait, 'https://app.procore.com');
    const loading = session.load(false);
    session.dispose();
    await loading;
    expect(session.state.view).toBeNull();
  });

  it('sends only for a trusted click, with the page origin', async () => {
    const session = createPageSession(page, askOf(fake.api), noWait, 'https://us02.procore.com');
    await session.load(false);
    await session.act('send', false);
    expect(fake.api.send).not.toHaveBeenCalled();
    await session.act('send', true);
    expect(fake.api.send).toHaveBeenCalledWith({ companyId: 8001, vendorId: 101, origin: 'https://us02.procore.com' });
    expect(session.state.view?.latest?.status).toBe('pending_acceptance');
  });

  it('sends once however fast the clicks come, showing progress meanwhile', async () => {
    let finish!: (r: Result<VendorView>) => void;
    fake.api.send.mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    const session = createPageSession(page, askOf(fake.api), noWait, 'https://app.procore.com');
    await session.load(false);
    const clicks = Array.from({ length: 10 }, () => session.act('send', true));
    expect(session.state.busy).toBe('send');
    finish(ok(view({ latest: request() })));
    await Promise.all(clicks);
    expect(fake.api.send).toHaveBeenCalledTimes(1);
    expect(session.state.busy).toBeNull();
  });

  it('holds a button that just changed its action, so a double click does not retrieve what it sent', async () => {
    vi.useFakeTimers();
    try {
      const session = createPageSession(page, askOf(fake.api), noWait, 'https://app.procore.com');
      await session.load(false);
      expect(session.state.settling).toBe(false); // the first button is clickable at once
      await session.act('send', true);
      expect(session.state.settling).toBe(true); // Send became Retrieve
      await session.act('retrieve', true);
      expect(fake.api.retrieve).not.toHaveBeenCalled();
      vi.advanceTimersByTime(SETTLE_MS);
      expect(session.state.settling).toBe(false);
      await session.act('retrieve', true);
      expect(fake.api.retrieve).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not send while a reason says sending is unavailable', async () => {
    fake.answers.push(ok(view({ permission: 'read_only' })));
    const session = createPageSession(page, askOf(fake.api), noWait, 'https://app.procore.com');
    await session.load(false);
    await session.act('send', true);
    expect(fake.api.send).not.toHaveBeenCalled();
  });

  it('does not send unsaved edits', async () => {
    const session = createPageSession(page, askOf(fake.api), noWait, 'https://app.procore.com');
    await session.load(false);
    session.readForm({ name: 'Acme Concrete Inc' });
    await session.act('send', true);
    expect(fake.api.send).not.toHaveBeenCalled();
  });

  it('retrieves the latest request', async () => {
    fake.answers.push(ok(view({ latest: request({ id: 77 }) })));
    const session = createPageSession(page, askOf(fake.api), noWait, 'https://app.procore.com');
    await session.load(false);
    await session.act('retrieve', true);
    expect(fake.api.retrieve).toHaveBeenCalledWith({ companyId: 8001, vendorId: 101, requestId: 77 });
    expect(session.state.view?.latest?.status).toBe('retrieved');
  });

  it('shows the server 422 field errors as reasons, and a failure with a way to try again', async () => {
    fake.api.send.mockResolvedValueOnce(fail({ kind: 'validation', fieldErrors: { zip: ['must be numeric'] } }));
    const session = createPageSession(page, askOf(fake.api), noWait, 'https://app.procore.com');
    await session.load(false);
    await session.act('send', true);
    expect(session.state.error?.kind).toBe('validation');
    expect(session.state.serverReasons).toEqual([{ code: 'server', field: 'zip', message: 'must be numeric' }]);
    expect(session.state.failed).toBe('send');
  });

  it('tries a failed send again, and clears the failure when it works', async () => {
    fake.api.send.mockResolvedValueOnce(fail({ kind: 'network' }));
    const session = createPageSession(page, askOf(fake.api), noWait, 'https://app.procore.com');
    await session.load(false);
    await session.act('send', true);
    expect(session.state.error?.kind).toBe('network');
    await session.retry(true);
    expect(fake.api.send).toHaveBeenCalledTimes(2);
    expect(session.state.error).toBeNull();
  });

  it('turns a background that cannot answer into a failure, not an exception', async () => {
    fake.api.getVendor.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    const session = createPageSession(page, askOf(fake.api), noWait, 'https://app.procore.com');
    await expect(session.load(false)).resolves.toBeNull();
    expect(session.state).toMatchObject({ error: { kind: 'no_answer' }, failed: 'load' });
    await session.retry(true);
    expect(session.state).toMatchObject({ error: null, failed: null });
  });

  it('shows the real state after a 409', async () => {
    fake.api.send.mockResolvedValueOnce(fail({ kind: 'conflict' }));
    const session = createPageSession(page, askOf(fake.api), noWait, 'https://app.procore.com');
    await session.load(false);
    fake.answers.push(ok(view({ latest: request() })));
    await session.act('send', true);
    expect(fake.api.getVendor).toHaveBeenLastCalledWith(page, true);
    expect(session.state.view?.latest?.status).toBe('pending_acceptance');
  });

  it('after the page saves, refetches with backoff until the saved vendor changed', async () => {
    const waits: number[] = [];
    const session = createPageSession(
      page,
      askOf(fake.api),
      async (ms) => void waits.push(ms),
      'https://app.procore.com',
    );
    await session.load(false);
    fake.answers.push(ok(view()), ok(view({ vendor: vendor({ updated_at: '2026-11-03T00:00:00Z', name: 'Acme' }) })));
    await Promise.all([session.afterPageSave(), session.afterPageSave()]);
    expect(waits).toEqual([250, 500]);
    expect(session.state.view?.vendor.name).toBe('Acme');
  });

  it('stops refetching after the last backoff step when nothing changes', async () => {
    const waits: number[] = [];
    const session = createPageSession(
      page,
      askOf(fake.api),
      async (ms) => void waits.push(ms),
      'https://app.procore.com',
    );
    await session.load(false);
    await session.afterPageSave();
    expect(waits).toEqual([250, 500, 1000, 2000, 4000]);
    expect(fake.api.getVendor).toHaveBeenCalledTimes(1 + waits.length);
  });

  it('reads its vendor again when told it changed elsewhere, without refetching the company settings', async () => {
    const session = createPageSession(page, askOf(fake.api), noWait, 'https://app.procore.com');
    session.changedElsewhere({ companyId: 8001, vendorId: 101 });
    expect(fake.api.getVendor).not.toHaveBeenCalled();
    await session.load(false);
    session.changedElsewhere({ companyId: 8001, vendorId: 102 });
    session.changedElsewhere({ companyId: 8002, vendorId: 101 });
    expect(fake.api.getVendor).toHaveBeenCalledTimes(1);
    fake.answers.push(ok(view({ latest: request() })));
    session.changedElsewhere({ companyId: 8001, vendorId: 101 });
    await vi.waitFor(() => expect(session.state.view?.latest?.status).toBe('pending_acceptance'));
    expect(fake.api.getVendor).toHaveBeenCalledTimes(2);
    expect(fake.api.getVendor).toHaveBeenLastCalledWith(page, false);
  });
});
