import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundApp } from '@/entrypoints/background/app';
import { loadCheckedTracked } from '@/entrypoints/popup/tracked-reader';
import { checkFirstScreen } from '@/lib/erp/queue';
import { STORED, storagePlace } from '@/lib/extension/storage-items';

const FIRST_SCREEN_KEY = storagePlace(STORED.firstScreen).name;
import { POLL_ALARM } from '@/entrypoints/background/polling';
import { defaultSettings, type Settings } from '@/lib/extension/settings';
import { CONTENT_SENDER, FakeApi, ORIGIN, POPUP_SENDER, request, T0 } from './fakes';
import { useLocale } from '../../locale';

interface Harness {
  api: FakeApi;
  settings: Settings;
  pushed: { tabId: number; companyId: number; vendorId: number }[];
  deadTabs: Set<number>;
}

function harness(): Harness {
  return {
    api: new FakeApi(),
    settings: { ...defaultSettings(''), apiUrl: 'https://erp.example.com', token: 't' },
    pushed: [],
    deadTabs: new Set(),
  };
}

/** A worker: a new one over the same storage is what Chrome gives after stopping the old one. */
function worker(h: Harness, pollOverride = 0) {
  return createBackgroundApp({
    pollOverride,
    createClient: (_, onRequest) => {
      h.api.onRequest = onRequest;
      return h.api;
    },
    hasHostPermission: async () => true,
    loadSettings: async () => h.settings,
    sandboxUrl: '',
    now: () => h.api.clock,
    push: async (tabId, data) => {
      if (h.deadTabs.has(tabId)) throw new Error('Could not establish connection');
      h.pushed.push({ tabId, ...data });
    },
  });
}

const send = (bg: ReturnType<typeof worker>, tabId = 7, vendorId = 101) =>
  bg.handle(
    'send',
    { companyId: 8001, vendorId, origin: ORIGIN },
    CONTENT_SENDER(tabId, `${ORIGIN}/8001/company/directory/vendors/${vendorId}/edit`),
  );

const notifications = async () =>
  Object.values(await fakeBrowser.notifications.getAll()) as { title: string; message: string }[];
const badge = () => fakeBrowser.action.getBadgeText({});

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('en');
});

describe('sending through the background', () => {
  it('two tabs clicking at once on the same company make one request; both see it pending', async () => {
    const h = harness();
    const bg = worker(h);
    const results = await Promise.all([send(bg, 7), send(bg, 8), ...Array.from({ length: 8 }, () => send(bg, 7))]);
    expect(h.api.created).toHaveLength(1);
    for (const r of results)
      expect(r).toMatchObject({
        ok: true,
        value: { latest: { id: h.api.created[0]!.id, status: 'pending_acceptance' } },
      });
    expect(await fakeBrowser.alarms.get(POLL_ALARM)).toMatchObject({ periodInMinutes: 1 });
  });

  it('a worker restarted mid-send finishes the send on start with the same key', async () => {
    const h = harness();
    h.api.hangCreates = true;
    void send(worker(h));
    await new Promise((r) => setTimeout(r, 20));
    h.api.hangCreates = false;
    await worker(h).start();
    const keys = h.api.calls.filter((c) => c.method === 'createRequest').map((c) => c.args[2]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(h.api.created).toHaveLength(1);
    const queue = await worker(h).handle('getQueue', { refresh: false, requests: true }, POPUP_SENDER);
    expect(queue.requests!.map((e) => e.request.status)).toEqual(['pending_acceptance']);
  });

  it('409: shows the real state with why, instead of an error', async () => {
    const h = harness();
    await send(worker(h));
    const again = await worker(h).handle('send', { companyId: 8001, vendorId: 101, origin: ORIGIN }, POPUP_SENDER);
    expect(again).toMatchObject({
      ok: true,
      value: { latest: { status: 'pending_acceptance' }, notice: { kind: 'conflict' } },
    });
    expect(h.api.created).toHaveLength(1);
  });

  it('422: the server field errors come back as a validation error', async () => {
    const h = harness();
    h.api.failNext('createRequest', {
      kind: 'validation',
      status: 422,
      fieldErrors: { name: ['must be less than 60 characters'] },
    });
    expect(await send(worker(h))).toEqual({
      ok: false,
      error: { kind: 'validation', status: 422, fieldErrors: { name: ['must be less than 60 characters'] } },
    });
  });

  it('retrieve takes the request back and answers the updated vendor', async () => {
    const h = harness();
    const bg = worker(h);
    await send(bg);
    const id = h.api.created[0]!.id;
    expect(
      await bg.handle('retrieve', { companyId: 8001, vendorId: 101, requestId: id }, CONTENT_SENDER()),
    ).toMatchObject({
      ok: true,
      value: { latest: { id, status: 'retrieved' } },
    });
  });
});

describe('tracking status changes', () => {
  it('one poll is one list call per company (two the first time), and an unchanged company answers 304 to the same question', async () => {
    const h = harness();
    const bg = worker(h);
    await send(bg, 7, 101);
    await send(bg, 7, 102);
    h.api.calls = [];
    for (let i = 0; i < 4; i++) await bg.onAlarm(POLL_ALARM);
    const lists = h.api.calls.filter((c) => c.method === 'listRequests');
    // The queue and the last week's syncs, then what changed since.
    expect(lists).toHaveLength(5);
    expect(lists.map((c) => (c.args[1] as { status?: string[] }).status?.length ?? 0)).toEqual([5, 1, 0, 0, 0]);
    // Nothing changed after the third answer: the same question, with its ETag.
    expect(lists[4]!.args).toEqual(lists[3]!.args);
    expect(lists[4]!.args[2]).toEqual(expect.stringMatching(/^"/));
  });

  it('counts every API call toward the hourly budget, and stops asking when it is spent', async () => {
    const h = harness();
    const bg = worker(h);
    await send(bg);
    await bg.onAlarm(POLL_ALARM);
    const counted = (await bg.stored.poll.get()).calls;
    expect(Object.values(counted).reduce((a, b) => a + b, 0)).toBe(h.api.calls.length);
    await bg.stored.poll.update((s) => ({ ...s, calls: { [Math.floor(h.api.clock / 60_000)]: 3600 } }));
    h.api.calls = [];
    await bg.onAlarm(POLL_ALARM);
    expect(h.api.countOf('listRequests')).toBe(0);
  });

  it('notifies once per change, even across worker restarts, with the comment; badge counts what needs the admin', async () => {
    const h = harness();
    await send(worker(h), 7, 101);
    await send(worker(h), 7, 102);
    const [first, second] = h.api.created;
    h.api.decide(8001, first!.id, 'rejected', {
      decided_by: { id: 3, name: 'Avery Approver' },
      rejection_comment: 'Tax ID missing on W-9',
    });
    await worker(h).onAlarm(POLL_ALARM);
    expect(await notifications()).toEqual([
      expect.objectContaining({
        title: 'Vendor 101',
        message: 'Rejected · by Avery Approver · Comment: Tax ID missing on W-9',
      }),
    ]);
    expect(await badge()).toBe('1');

    await fakeBrowser.notifications.clear(Object.keys(await fakeBrowser.notifications.getAll())[0]!);
    await worker(h).onAlarm(POLL_ALARM);
    await worker(h).handle('getQueue', { refresh: true, requests: true }, POPUP_SENDER);
    await worker(h).start();
    expect(await notifications()).toEqual([]);

    h.api.decide(8001, second!.id, 'accepted', { erp_vendor_id: 'V-2002' });
    await worker(h).onAlarm(POLL_ALARM);
    h.api.decide(8001, second!.id, 'synced', { erp_vendor_id: 'V-2002' });
    await worker(h).onAlarm(POLL_ALARM);
    expect((await notifications()).map((n) => n.message)).toEqual([
      'Accepted, exporting',
      'Synced to ERP · ERP vendor ID: V-2002',
    ]);
    expect(await badge()).toBe('1');
    // Nothing open any more, but a colleague may send any time: the company is still polled.
    expect(await fakeBrowser.alarms.get(POLL_ALARM)).toBeDefined();
  });

  it('stays quiet when notifications and the badge are turned off', async () => {
    const h = harness();
    h.settings = { ...h.settings, notifications: false, badge: false };
    await send(worker(h));
    h.api.decide(8001, h.api.created[0]!.id, 'failed', { errors: ['ERP vendor ID V-1007 is already in use'] });
    await worker(h).onAlarm(POLL_ALARM);
    expect(await notifications()).toEqual([]);
    expect(await badge()).toBe('');
  });

  it('below the 30-second alarm floor (test builds), a timer polls while the worker lives, and stops on a 401', async () => {
    const h = harness();
    const bg = worker(h, 0.05);
    await send(bg);
    h.api.decide(8001, h.api.created[0]!.id, 'rejected', { rejection_comment: 'Tax ID missing on W-9' });
    await vi.waitFor(async () => expect(await badge()).toBe('1'), { timeout: 2000 });
    const polled = h.api.countOf('listRequests');
    await vi.waitFor(() => expect(h.api.countOf('listRequests')).toBeGreaterThan(polled + 1), { timeout: 2000 });
    h.api.failNext('listRequests', { kind: 'auth', status: 401 });
    await vi.waitFor(async () => expect(await badge()).toBe('!'), { timeout: 2000 });
    const stopped = h.api.countOf('listRequests');
    await new Promise((r) => setTimeout(r, 200));
    expect(h.api.countOf('listRequests')).toBe(stopped);
  });

  it('a 401 stops polling and shows the token badge until the settings change', async () => {
    const h = harness();
    const bg = worker(h);
    await send(bg);
    h.api.failNext('listRequests', { kind: 'auth', status: 401 });
    await bg.onAlarm(POLL_ALARM);
    expect(await fakeBrowser.alarms.get(POLL_ALARM)).toBeUndefined();
    expect(await badge()).toBe('!');
    expect(await bg.handle('getQueue', { refresh: false, requests: true }, POPUP_SENDER)).toMatchObject({
      error: { kind: 'auth' },
    });
    h.api.calls = [];
    await bg.onAlarm(POLL_ALARM);
    await bg.handle('getQueue', { refresh: true, requests: true }, POPUP_SENDER);
    expect(h.api.countOf('listRequests')).toBe(0);

    await bg.onSettingsChanged();
    // The refused poll set no cursor: the company's first two questions again.
    expect(h.api.countOf('listRequests')).toBe(2);
    expect(await fakeBrowser.alarms.get(POLL_ALARM)).toBeDefined();
    expect(await bg.handle('getQueue', { refresh: false, requests: true }, POPUP_SENDER)).toMatchObject({
      error: null,
    });
  });

  it('tells watching tabs when their vendor changes, and forgets closed or silent tabs', async () => {
    const h = harness();
    const bg = worker(h);
    await send(bg, 7, 101);
    for (const tabId of [7, 8, 9]) await bg.handle('watch', { companyId: 8001, vendorId: 101 }, CONTENT_SENDER(tabId));
    // Tab 8 was closed, tab 9 no longer answers: both are forgotten when first told.
    h.deadTabs.add(8);
    h.deadTabs.add(9);
    h.pushed = [];
    h.api.decide(8001, h.api.created[0]!.id, 'rejected');
    await worker(h).onAlarm(POLL_ALARM); // a restarted worker still knows the watchers
    expect(h.pushed).toEqual([{ tabId: 7, companyId: 8001, vendorId: 101 }]);
    expect(await fakeBrowser.storage.session.get('watchers')).toEqual({ watchers: { '8001:101': [7] } });
  });

  it('a click on a notification opens the edit page, reusing a tab already on it', async () => {
    // The fake browser compares `url` to the letter; Chrome reads it as a match pattern, where a trailing * is any rest.
    const exact = fakeBrowser.tabs.query.bind(fakeBrowser.tabs);
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async ({ url, ...rest }) => {
      const pattern = typeof url === 'string' && url.endsWith('*') ? url.slice(0, -1) : null;
      if (pattern === null) return exact({ url, ...rest });
      return (await exact(rest)).filter((tab) => tab.url?.startsWith(pattern));
    });
    try {
      const h = harness();
      await send(worker(h));
      h.api.decide(8001, h.api.created[0]!.id, 'rejected');
      await worker(h).onAlarm(POLL_ALARM);
      const [id] = Object.keys(await fakeBrowser.notifications.getAll());
      await worker(h).onNotificationClicked(id!);
      const url = `${ORIGIN}/8001/company/directory/vendors/101/edit`;
      expect((await fakeBrowser.tabs.query({ url })).length).toBe(1);
      await worker(h).onNotificationClicked(id!);
      expect((await fakeBrowser.tabs.query({ url })).length).toBe(1);
    } finally {
      query.mockRestore();
    }
  });

  it('forgets finished requests after 30 days', async () => {
    const h = harness();
    await send(worker(h));
    h.api.decide(8001, h.api.created[0]!.id, 'synced');
    await worker(h).onAlarm(POLL_ALARM);
    h.api.clock = T0 + 31 * 24 * 3600_000;
    await worker(h).start();
    expect((await worker(h).handle('getQueue', { refresh: false, requests: true }, POPUP_SENDER)).requests).toEqual([]);
  });

  it("keeps the popup's first screen in storage current: after a send, a decision, a 401, and when a worker starts", async () => {
    const stored = async () =>
      checkFirstScreen((await fakeBrowser.storage.local.get(FIRST_SCREEN_KEY))[FIRST_SCREEN_KEY]);
    const counts = async () => (await stored())?.sections.map((section) => section.count);
    const h = harness();
    const bg = worker(h);
    await send(bg, 7, 101);
    await send(bg, 7, 102);
    await vi.waitFor(async () => expect(await counts()).toEqual([0, 2, 0, 0]));

    h.api.decide(8001, h.api.created[0]!.id, 'rejected', {
      decided_by: { id: 3, name: 'Avery Approver' },
      rejection_comment: 'Tax ID missing on W-9',
    });
    await bg.onAlarm(POLL_ALARM);
    await vi.waitFor(async () => expect(await counts()).toEqual([1, 1, 0, 0]));
    expect((await stored())!.sections[0]!.items[0]!.request).toMatchObject({
      item_name: 'Vendor 101',
      rejection_comment: 'Tax ID missing on W-9',
    });
    expect((await stored())!.lastUpdated).toBe(new Date(h.api.clock).toISOString());

    h.api.failNext('listRequests', { kind: 'auth', status: 401 });
    await bg.onAlarm(POLL_ALARM);
    await vi.waitFor(async () => expect((await stored())!.error).toMatchObject({ kind: 'auth' }));

    // Lost (a worker stopped between a change and its save): the next worker saves it on start.
    await fakeBrowser.storage.local.remove(FIRST_SCREEN_KEY);
    await worker(h).start();
    expect(await counts()).toEqual([1, 1, 0, 0]);
  });

  it('does not write the first screen again when nothing on it changed', async () => {
    const h = harness();
    const bg = worker(h);
    await send(bg, 7, 101);
    await bg.onAlarm(POLL_ALARM);
    await bg.saveFirstScreen();
    const writes = vi.fn();
    fakeBrowser.storage.local.onChanged.addListener((changes) => {
      if (FIRST_SCREEN_KEY in changes) writes();
    });
    await bg.onAlarm(POLL_ALARM); // 304: nothing new
    await bg.saveFirstScreen();
    expect(writes).not.toHaveBeenCalled();

    h.api.decide(8001, h.api.created[0]!.id, 'accepted');
    await bg.onAlarm(POLL_ALARM);
    await vi.waitFor(async () =>
      expect(
        checkFirstScreen((await fakeBrowser.storage.local.get(FIRST_SCREEN_KEY))[FIRST_SCREEN_KEY])!.sections[1]!
          .items[0]!.request.status,
      ).toBe('accepted'),
    );
    expect(writes).toHaveBeenCalled();
  });
});

describe('first run', () => {
  it('opens the options page on install, and nothing on update or browser update', async () => {
    const opened = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    const bg = worker(harness());
    await bg.onInstalled('update');
    await bg.onInstalled('chrome_update');
    expect(opened).not.toHaveBeenCalled();
    await bg.onInstalled('install');
    expect(opened).toHaveBeenCalledOnce();
  });

  it('opens the options page for the page\'s "not connected" note', async () => {
    const opened = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    await worker(harness()).handle('openOptions', {}, CONTENT_SENDER());
    expect(opened).toHaveBeenCalledOnce();
  });
});

describe('requests dropped because storage was full', () => {
  it('the popup is told once: the next list carries how many, the one after does not', async () => {
    const h = harness();
    const bg = worker(h);
    await send(bg);
    const at = new Date(h.api.clock).toISOString();
    await bg.stored.poll.update((s) => ({ ...s, droppedForSpace: { count: 3, at } }));
    expect((await bg.handle('getQueue', { refresh: false, requests: true }, POPUP_SENDER)).droppedForSpace).toEqual({
      count: 3,
      at,
    });
    expect((await bg.handle('getQueue', { refresh: false, requests: true }, POPUP_SENDER)).droppedForSpace).toBeNull();
  });
});

describe("the company's whole queue", () => {
  const JORDAN = { id: 9, name: 'Jordan Lee' };

  /** A colleague's request for vendor 150, never opened here, which the approver then rejects. */
  async function colleagueRejected(h: Harness, bg: ReturnType<typeof worker>) {
    await send(bg, 7, 101);
    await bg.onAlarm(POLL_ALARM);
    h.api.seed(
      8001,
      request(5000, 150, 'pending_acceptance', new Date(h.api.clock).toISOString(), { sent_by: JORDAN }),
    );
    await bg.onAlarm(POLL_ALARM);
    h.api.decide(8001, 5000, 'rejected', { rejection_comment: 'W-9 missing' });
    await bg.onAlarm(POLL_ALARM);
  }

  it("tracks a colleague's request for a vendor never opened; the badge and notifications are the admin's own", async () => {
    const h = harness();
    const bg = worker(h);
    await colleagueRejected(h, bg);
    const queue = await bg.handle('getQueue', { refresh: false, requests: true }, POPUP_SENDER);
    expect(queue.me).toEqual({ id: 1, name: 'Alex Admin' });
    expect(queue.requests!.find((e) => e.request.id === 5000)?.request).toMatchObject({
      status: 'rejected',
      sent_by: JORDAN,
    });
    expect(await badge()).toBe('');
    expect(await notifications()).toEqual([]);
  });

  it("counts and notifies everyone's when the options say so", async () => {
    const h = harness();
    h.settings = { ...h.settings, badgeEveryone: true, notifyEveryone: true };
    const bg = worker(h);
    await colleagueRejected(h, bg);
    expect(await badge()).toBe('1');
    expect((await notifications()).map((n) => n.title)).toEqual(['Vendor 150']);
  });

  it('remembers the popup filter', async () => {
    const bg = worker(harness());
    expect((await bg.handle('getQueue', { refresh: false, requests: true }, POPUP_SENDER)).whose).toBe('everyone');
    await bg.handle('setQueueFilter', { whose: 'mine' }, POPUP_SENDER);
    expect((await worker(harness()).handle('getQueue', { refresh: false, requests: true }, POPUP_SENDER)).whose).toBe(
      'mine',
    );
  });

  it('a company the token no longer reaches, or items of another company, are one line each; nothing stored is lost', async () => {
    const h = harness();
    const bg = worker(h);
    await send(bg, 7, 101);
    await bg.onAlarm(POLL_ALARM);
    h.api.failNext('listRequests', { kind: 'forbidden', status: 403 });
    await bg.onAlarm(POLL_ALARM);
    let queue = await bg.handle('getQueue', { refresh: false, requests: true }, POPUP_SENDER);
    expect(queue.skipped).toEqual([{ companyId: 8001, error: { kind: 'forbidden', status: 403 }, foreign: 0 }]);
    expect(queue.error).toBeNull();
    expect(queue.requests).toHaveLength(1);
    h.api.foreign.set(8001, 2);
    await bg.onAlarm(POLL_ALARM);
    queue = await bg.handle('getQueue', { refresh: false, requests: true }, POPUP_SENDER);
    expect(queue.skipped).toEqual([{ companyId: 8001, error: null, foreign: 2 }]);
    h.api.foreign.delete(8001);
    await bg.onAlarm(POLL_ALARM);
    expect((await bg.handle('getQueue', { refresh: false, requests: true }, POPUP_SENDER)).skipped).toEqual([]);
  });
});

describe("the Directory list's statuses", () => {
  const LIST_SENDER = CONTENT_SENDER(7, `${ORIGIN}/8001/company/directory`);
  const ask = (bg: ReturnType<typeof worker>, vendorIds: number[]) =>
    bg.handle('getDirectoryStatuses', { page: { level: 'company', companyId: 8001 }, vendorIds }, LIST_SENDER);
  const statuses = (answer: Awaited<ReturnType<typeof ask>>) =>
    answer.ok ? answer.value.map((r) => [r.item_id, r.status]) : answer.error.kind;
  /**
   * What a list call found is tracked after the answer: stored, and noted as checked, as the popup reads it. Awaited,
   * so that no write of this test lands in the next one's storage.
   */
  const untilStored = (requestId: number) =>
    vi.waitFor(async () => expect((await loadCheckedTracked())?.map((e) => e.request.id)).toContain(requestId));

  it('answers from what is tracked, and asks the API once for the rest, all of them in one list call', async () => {
    const h = harness();
    const bg = worker(h);
    await send(bg, 7, 101);
    h.api.seed(
      8001,
      request(60, 102, 'rejected', '2026-11-01T10:00:00Z'),
      request(61, 102, 'synced', '2026-10-01T10:00:00Z'),
      request(62, 104, 'synced', '2026-10-01T10:00:00Z'),
    );
    const lists = h.api.countOf('listRequests');
    expect(statuses(await ask(bg, [101, 102, 103, 104]))).toEqual([
      [101, 'pending_acceptance'],
      [102, 'rejected'],
      [104, 'synced'],
    ]);
    expect(h.api.countOf('listRequests')).toBe(lists + 1);
    expect(h.api.calls.at(-1)?.args[1]).toEqual({ itemIds: [102, 103, 104] });

    // Paging back: nothing asked again, not even for 103, never sent; and what was found is tracked.
    expect(statuses(await ask(bg, [103, 102]))).toEqual([[102, 'rejected']]);
    expect(h.api.countOf('listRequests')).toBe(lists + 1);
    await untilStored(60);
  });

  it('asks again for a vendor not found a minute later, and learns the company from the list page', async () => {
    const h = harness();
    const bg = worker(h);
    await ask(bg, [150]);
    h.api.seed(8001, request(70, 150, 'pending_acceptance', new Date(h.api.clock).toISOString()));
    h.api.clock += 61_000;
    expect(statuses(await ask(bg, [150]))).toEqual([[150, 'pending_acceptance']]);
    expect((await bg.stored.companies.get())[8001]).toEqual({ origin: ORIGIN });
    await untilStored(70);
  });

  it('a list seen again that taught nothing new makes no pass over what is tracked: no write, no badge', async () => {
    const h = harness();
    const bg = worker(h);
    h.api.seed(8001, request(70, 150, 'rejected', new Date(h.api.clock).toISOString()));
    await ask(bg, [150]);
    await untilStored(70);
    await vi.waitFor(async () => expect(await badge()).toBe('1'));
    // A worker woken again asks the API for the list, and records what it already tracks.
    const again = worker(h);
    const update = vi.spyOn(again.stored.tracked, 'update');
    const badgeSet = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    expect(statuses(await ask(again, [150]))).toEqual([[150, 'rejected']]);
    await vi.waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    // The record awaited this update before the test did: whatever it does next has started by now.
    await update.mock.results[0]!.value;
    expect(update).toHaveBeenCalledTimes(1);
    expect(badgeSet).not.toHaveBeenCalled();
  });

  it('says why when the API cannot answer, and refuses a malformed or oversized ask', async () => {
    const h = harness();
    const bg = worker(h);
    h.api.failNext('listRequests', { kind: 'forbidden', status: 403 });
    expect(statuses(await ask(bg, [101]))).toBe('forbidden');
    await expect(ask(bg, [])).rejects.toThrow(/invalid payload/);
    await expect(
      ask(
        bg,
        Array.from({ length: 501 }, (_, i) => i + 1),
      ),
    ).rejects.toThrow(/invalid payload/);
  });
});

describe('bulk re-send', () => {
  const AT = '2026-11-19T10:00:00Z';
  const ids = (...vendorIds: number[]) => vendorIds.map((vendorId) => ({ companyId: 8001, vendorId }));

  /** Rejected 101 and 102 (inactive: the rules stop it), failed 103, waiting 104: all tracked by a first poll. */
  async function queue(h: Harness, bg: ReturnType<typeof worker>) {
    h.api.seed(
      8001,
      request(11, 101, 'rejected', AT),
      request(12, 102, 'rejected', AT),
      request(13, 103, 'failed', AT),
      request(14, 104, 'pending_acceptance', AT),
    );
    h.api.vendors.set(102, { is_active: false });
    await bg.stored.companies.set({ 8001: { origin: ORIGIN } });
    await bg.onAlarm(POLL_ALARM);
  }
  const plan = async (bg: ReturnType<typeof worker>, ...vendorIds: number[]) => {
    const planned = await bg.handle('planBulkResend', { vendors: ids(...vendorIds) }, POPUP_SENDER);
    if (!planned.ok) throw new Error(planned.error.kind);
    return planned.value;
  };
  const finished = async (bg: ReturnType<typeof worker>) => {
    for (let i = 0; i < 100; i++) {
      const job = await bg.handle('getBulkResend', {}, POPUP_SENDER);
      if (job?.finishedAt) return job;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('the bulk re-send did not finish');
  };

  it('plans first: what passes the rules will be sent, the rest is listed with why, and nothing leaves', async () => {
    const h = harness();
    const bg = worker(h);
    await queue(h, bg);
    const planned = await plan(bg, 101, 102, 103, 104);
    expect(planned.items.map((i) => [i.vendorId, i.state, i.replaces])).toEqual([
      [101, 'queued', 11],
      [103, 'queued', 13],
    ]);
    expect(planned.skipped.map((s) => s.vendorId)).toEqual([102, 104]);
    expect(planned.skipped[0]!.reasons.join(' ')).toMatch(/inactive/i);
    expect(planned.skipped[1]!.reasons).toEqual([
      'Not rejected, failed or retrieved any more: it was re-sent or synced meanwhile.',
    ]);
    expect(planned.startedAt).toBeNull();
    expect(h.api.created).toEqual([]);
  });

  it('sends each once with its own key, says so when done, and a second start sends nothing more', async () => {
    const h = harness();
    const bg = worker(h);
    await queue(h, bg);
    const planned = await plan(bg, 101, 102, 103);
    await bg.handle('startBulkResend', { id: planned.id }, POPUP_SENDER);
    await bg.handle('startBulkResend', { id: planned.id }, POPUP_SENDER);
    const job = await finished(bg);
    expect(job.items.map((i) => [i.vendorId, i.state])).toEqual([
      [101, 'sent'],
      [103, 'sent'],
    ]);
    expect(h.api.created.map((r) => r.item_id)).toEqual([101, 103]);
    const keys = h.api.calls.filter((c) => c.method === 'createRequest').map((c) => c.args[2]);
    expect(new Set(keys).size).toBe(2);
    expect(await notifications()).toEqual([
      expect.objectContaining({
        title: 'Re-send finished',
        message: '2 of 2 re-sent, 0 failed; 1 skipped because they do not pass the rules.',
      }),
    ]);
    // 102, still rejected, is what needs the admin now.
    expect(await badge()).toBe('1');
    await bg.handle('clearBulkResend', { id: planned.id }, POPUP_SENDER);
    expect(await bg.handle('getBulkResend', {}, POPUP_SENDER)).toBeNull();
  });

  it('a failed send is listed with why and the others go on', async () => {
    const h = harness();
    const bg = worker(h);
    await queue(h, bg);
    const planned = await plan(bg, 101, 103);
    h.api.failNext('createRequest', { kind: 'validation', status: 422, fieldErrors: { zip: ['is not a number'] } });
    await bg.handle('startBulkResend', { id: planned.id }, POPUP_SENDER);
    const job = await finished(bg);
    expect(job.items.map((i) => [i.vendorId, i.state])).toEqual([
      [101, 'failed'],
      [103, 'sent'],
    ]);
    expect(job.items[0]!.note).toBeTruthy();
  });

  it('a worker stopped mid-way: the next one finishes the job, exactly one request per company', async () => {
    const h = harness();
    const first = worker(h);
    await queue(h, first);
    const planned = await plan(first, 101, 103);
    h.api.hangCreates = true;
    await first.handle('startBulkResend', { id: planned.id }, POPUP_SENDER);
    // The first send has left and hangs: the worker is stopped mid-send.
    while (h.api.countOf('createRequest') === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    h.api.hangCreates = false;
    const next = worker(h);
    await next.start();
    const job = await finished(next);
    expect(job.items.map((i) => i.state)).toEqual(['sent', 'sent']);
    expect(h.api.created.map((r) => r.item_id).sort()).toEqual([101, 103]);
  });

  it('a vendor the admin may not see (403) is skipped with why, and the others are planned', async () => {
    const h = harness();
    const bg = worker(h);
    await queue(h, bg);
    h.api.failNext('vendor', { kind: 'forbidden', status: 403 });
    const planned = await plan(bg, 101, 103);
    expect(planned.skipped.map((s) => [s.vendorId, s.reasons])).toEqual([
      [101, ["You don't have permission to do this in Procore. Ask a Directory Admin."]],
    ]);
    expect(planned.items.map((i) => i.vendorId)).toEqual([103]);
  });

  it('a cancelled plan is forgotten and cannot be started', async () => {
    const h = harness();
    const bg = worker(h);
    await queue(h, bg);
    const planned = await plan(bg, 101);
    await bg.handle('clearBulkResend', { id: planned.id }, POPUP_SENDER);
    expect(await bg.handle('startBulkResend', { id: planned.id }, POPUP_SENDER)).toBeNull();
    expect(h.api.created).toEqual([]);
  });
});
