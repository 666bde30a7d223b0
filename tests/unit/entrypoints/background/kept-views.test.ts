import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundApp } from '@/entrypoints/background/app';
import {
  createKeptViews,
  KEPT_TOLD_MS,
  KEPT_VIEW_MAX_MS,
  KEPT_VIEWS_MAX,
  keptViewKey,
} from '@/entrypoints/background/kept-views';
import { openStoredItems } from '@/entrypoints/background/stored-items';
import type { VendorIds, VendorView } from '@/lib/contract/messages';
import { defaultSettings } from '@/lib/extension/settings';
import type { PageRef } from '@/lib/procore/page-url';
import { CONTENT_SENDER, FakeApi, request, SETTINGS, T0, vendor } from './fakes';
import { useLocale } from '../../locale';

const PAGE: PageRef = { level: 'company', companyId: 8001, vendorId: 101 };
const TAB = 7;

/** One worker's life: a new app over the same storage is the worker woken again. */
function worker(api: FakeApi, clock: { now: number }, pushes: [number, VendorIds][] = []) {
  const settings = { ...defaultSettings(''), apiUrl: 'https://erp.example.com', token: 'secret' };
  return createBackgroundApp({
    createClient: () => api,
    hasHostPermission: async () => true,
    loadSettings: async () => settings,
    sandboxUrl: '',
    now: () => clock.now,
    push: async (tabId, data) => void pushes.push([tabId, data]),
  });
}

const askVendor = (bg: ReturnType<typeof worker>, refresh = false, page = PAGE) =>
  bg.handle('getVendor', { page, refresh }, CONTENT_SENDER(TAB));

const statusOf = (answer: Awaited<ReturnType<typeof askVendor>>) => (answer.ok ? answer.value.latest?.status : null);

const view = (vendorId: number, companyId = 8001): VendorView => ({
  companyId,
  vendorId,
  vendor: vendor(vendorId),
  settings: SETTINGS,
  permission: 'admin',
  latest: null,
  history: [],
});

describe('kept vendor views', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useLocale('en');
  });

  it('are kept by page, newest first and at most a few, without the notice already said', async () => {
    const clock = { now: T0 };
    const kept = createKeptViews(openStoredItems(() => undefined).keptViews, () => clock.now);
    await kept.keep(PAGE, { ...view(101), notice: { kind: 'conflict' } });
    const project: PageRef = { level: 'project', projectId: 501, vendorId: 101 };
    await kept.keep(project, { ...view(101), permission: 'standard' });
    expect((await kept.get(PAGE))?.view).toEqual(view(101));
    expect((await kept.get(project))?.view.permission).toBe('standard');

    for (let id = 1; id <= KEPT_VIEWS_MAX; id += 1) {
      clock.now += 1;
      await kept.keep({ level: 'company', companyId: 8001, vendorId: 200 + id }, view(200 + id));
    }
    expect(await kept.get(PAGE)).toBeNull();
    expect(await kept.get({ level: 'company', companyId: 8001, vendorId: 220 })).not.toBeNull();
    expect(keptViewKey(project)).not.toBe(keptViewKey(PAGE));
  });

  it('are shown for minutes, then not at all; told of for a moment only', async () => {
    const clock = { now: T0 };
    const kept = createKeptViews(openStoredItems(() => undefined).keptViews, () => clock.now);
    await kept.keep(PAGE, view(101), true);
    expect((await kept.get(PAGE))?.told).toBe(true);
    clock.now += KEPT_TOLD_MS;
    expect(await kept.get(PAGE)).toEqual({ view: view(101), told: false });
    clock.now = T0 + KEPT_VIEW_MAX_MS;
    expect(await kept.get(PAGE)).toBeNull();
  });

  it("of a vendor that changed are forgotten, the company's and the projects' alike", async () => {
    const kept = createKeptViews(openStoredItems(() => undefined).keptViews, () => T0);
    await kept.keep(PAGE, view(101));
    await kept.keep({ level: 'project', projectId: 501, vendorId: 101 }, view(101));
    await kept.keep({ level: 'company', companyId: 8001, vendorId: 102 }, view(102));
    await kept.forget([{ companyId: 8001, vendorId: 101 }]);
    expect(await kept.get(PAGE)).toBeNull();
    expect(await kept.get({ level: 'project', projectId: 501, vendorId: 101 })).toBeNull();
    expect(await kept.get({ level: 'company', companyId: 8001, vendorId: 102 })).not.toBeNull();
  });

  it('a change makes out of date are dropped; one that already shows the change is kept', async () => {
    const kept = createKeptViews(openStoredItems(() => undefined).keptViews, () => T0);
    const pending = request(1, 101, 'pending_acceptance', '2026-11-20T09:00:00Z');
    const rejected = { ...pending, status: 'rejected' as const, updated_at: '2026-11-20T09:30:00Z' };
    await kept.keep(PAGE, { ...view(101), latest: pending, history: [pending] });
    await kept.keep({ level: 'project', projectId: 501, vendorId: 101 }, { ...view(101), latest: rejected });
    await kept.keep({ level: 'company', companyId: 8001, vendorId: 102 }, view(102));
    await kept.outdated([{ companyId: 8001, request: rejected }]);
    expect(await kept.get(PAGE)).toBeNull();
    expect((await kept.get({ level: 'project', projectId: 501, vendorId: 101 }))?.view.latest).toEqual(rejected);
    expect(await kept.get({ level: 'company', companyId: 8001, vendorId: 102 })).not.toBeNull();
  });

  it('answer a worker just woken at once, then the API is asked and the page told what changed', async () => {
    const api = new FakeApi();
    api.seed(8001, request(1, 101, 'pending_acceptance', '2026-11-20T09:00:00Z'));
    const clock = { now: T0 };
    expect(statusOf(await askVendor(worker(api, clock)))).toBe('pending_acceptance');
    api.decide(8001, 1, 'rejected', { rejection_comment: 'W-9 missing' });

    clock.now += 60_000;
    const pushes: [number, VendorIds][] = [];
    const woken = worker(api, clock, pushes);
    const calls = api.calls.length;
    const answer = askVendor(woken);
    expect(statusOf(await answer)).toBe('pending_acceptance');
    await vi.waitFor(() => expect(pushes).toContainEqual([TAB, { companyId: 8001, vendorId: 101 }]));
    expect(api.calls.length).toBeGreaterThan(calls);

    // The page asks again, as it does when told: what the API said a moment ago, without asking it again.
    const checked = api.countOf('vendor');
    expect(statusOf(await askVendor(woken))).toBe('rejected');
    expect(api.countOf('vendor')).toBe(checked);
    // Asked once more (a reload), it is shown as kept and checked again.
    expect(statusOf(await askVendor(woken))).toBe('rejected');
    await vi.waitFor(() => expect(api.countOf('vendor')).toBe(checked + 1));
  });

  it('tell the page nothing when the API says what was shown', async () => {
    const api = new FakeApi();
    const clock = { now: T0 };
    await askVendor(worker(api, clock));
    clock.now += 60_000;
    const pushes: [number, VendorIds][] = [];
    const woken = worker(api, clock, pushes);
    expect((await askVendor(woken)).ok).toBe(true);
    // Checked again: kept anew, as of now.
    await vi.waitFor(async () => expect((await woken.stored.keptViews.get())['c8001:101']?.at).toBe(clock.now));
    expect(pushes).toEqual([]);
    expect(api.countOf('vendor')).toBe(2);
  });

  it('are not what a refresh is answered', async () => {
    const api = new FakeApi();
    api.seed(8001, request(1, 101, 'pending_acceptance', '2026-11-20T09:00:00Z'));
    const clock = { now: T0 };
    const bg = worker(api, clock);
    await askVendor(bg);
    api.decide(8001, 1, 'rejected');
    expect(statusOf(await askVendor(bg, true))).toBe('rejected');
    expect(api.countOf('vendor')).toBe(2);
  });

  it('that the API no longer confirms are dropped, and the page told: its next ask answers the failure', async () => {
    const api = new FakeApi();
    const clock = { now: T0 };
    await askVendor(worker(api, clock));
    clock.now += 60_000;
    api.failNext('vendor', { kind: 'server', status: 503 });
    const pushes: [number, VendorIds][] = [];
    const woken = worker(api, clock, pushes);
    expect((await askVendor(woken)).ok).toBe(true);
    await vi.waitFor(() => expect(pushes).toHaveLength(1));
    api.failNext('vendor', { kind: 'server', status: 503 });
    expect(await askVendor(woken)).toMatchObject({ ok: false, error: { kind: 'server' } });
  });

  it('are not shown once tracking learns their vendor changed, nor after the settings change', async () => {
    const api = new FakeApi();
    api.seed(8001, request(1, 101, 'pending_acceptance', '2026-11-20T09:00:00Z'));
    const clock = { now: T0 };
    const bg = worker(api, clock);
    await askVendor(bg);
    await vi.waitFor(async () => expect(Object.keys(await bg.stored.keptViews.get())).toEqual(['c8001:101']));
    await bg.poller.poll();
    api.decide(8001, 1, 'rejected');
    await bg.poller.poll();
    await vi.waitFor(async () => expect(await bg.stored.keptViews.get()).toEqual({}));

    await askVendor(bg);
    await bg.onSettingsChanged();
    expect(await bg.stored.keptViews.get()).toEqual({});
  });
});
