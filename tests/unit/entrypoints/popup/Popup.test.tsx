// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Vendor } from '@/lib/contract/api-bodies';
import type { UserError } from '@/lib/contract/errors';
import type { QueueView, VendorView } from '@/lib/contract/messages';
import type { BulkJob } from '@/lib/contract/bulk-resend';
import type { TrackedRequest } from '@/lib/contract/tracked-request';
import { Popup } from '@/entrypoints/popup/Popup';
import { FIRST_SCREEN_ITEMS, firstScreen } from '@/lib/erp/queue';
import { textDigest } from '@/lib/extension/text-digest';
import { useLocale } from '../../locale';
import { settingsRecord, vendorRecord } from '../../records';
import { bigQueue, minutesAgo, NOW, ORIGIN, queueView, rejected, tracked } from '../../lib/erp/queue-fixtures';

const { sendMessage } = vi.hoisted(() => ({ sendMessage: vi.fn() }));
vi.mock('@/lib/contract/messaging', () => ({ sendMessage }));
/** The browser's word that the first screen has been painted, given by the tests that need it. */
const painted = vi.hoisted(() => ({ callbacks: [] as (() => void)[] }));
vi.mock('@/entrypoints/popup/when-painted', () => ({
  whenFirstScreenPainted: (callback: () => void) => painted.callbacks.push(callback),
}));

/** The popup checks an item's rules once it is in view: this viewport shows everything unless a test says otherwise. */
const viewport = {
  showsEverything: true,
  observed: new Set<Element>(),
  callback: null as IntersectionObserverCallback | null,
};
function reveal(element: Element): void {
  if (viewport.observed.has(element))
    viewport.callback!([{ target: element, isIntersecting: true } as IntersectionObserverEntry], null!);
}
vi.stubGlobal(
  'IntersectionObserver',
  class {
    constructor(callback: IntersectionObserverCallback) {
      viewport.callback = callback;
    }
    observe(element: Element) {
      viewport.observed.add(element);
      if (viewport.showsEverything) queueMicrotask(() => reveal(element));
    }
    unobserve(element: Element) {
      viewport.observed.delete(element);
    }
  },
);

type Handlers = Record<string, (data: any) => unknown>;

/** A fake background: each message type answered by a handler (sync value or promise). */
function background(handlers: Handlers): void {
  sendMessage.mockImplementation(async (type: string, data: unknown) => {
    const handler = handlers[type];
    if (!handler) throw new Error(`unexpected message ${type}`);
    return handler(data);
  });
}

const queue = (requests: TrackedRequest[], error: UserError | null = null): QueueView =>
  queueView({ requests, lastUpdated: error ? minutesAgo(120) : minutesAgo(5), error });

const SETTINGS = settingsRecord();

function vendorView(id: number, name: string, latest: TrackedRequest | null): VendorView {
  const vendor: Vendor = vendorRecord({ id, name, abbreviated_name: '', updated_at: minutesAgo(500) });
  return {
    companyId: 8001,
    vendorId: id,
    vendor,
    settings: SETTINGS,
    permission: 'admin',
    latest: latest?.request ?? null,
    history: [],
  };
}

let root: HTMLElement;

/** Lets the fake background answer and Preact re-render, as many rounds as the popup chains. */
async function settle(): Promise<void> {
  for (let i = 0; i < 8; i++) await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}

async function openPopup(): Promise<void> {
  await act(() => render(<Popup locale="en" clock={() => NOW} />, root));
  await settle();
}

const items = () => [...root.querySelectorAll('li.item')] as HTMLElement[];
const itemNamed = (name: string) => items().find((li) => li.querySelector('a')?.textContent === name)!;
const headings = () => [...root.querySelectorAll('h2')].map((h) => h.textContent);
const button = (within: Element, name: string) =>
  [...within.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement | undefined;
const liveRegion = () => root.querySelector('[role="status"]')!.textContent;
const refreshButton = () => root.querySelector('header button') as HTMLButtonElement;

beforeEach(() => {
  painted.callbacks = [];
  viewport.showsEverything = true;
  fakeBrowser.reset();
  useLocale('en');
  sendMessage.mockReset();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('popup: the queue', () => {
  const ridge = rejected('Ridge Roofing', 180, { item_id: 106, rejection_comment: '<img src=x onerror=alert(1)>' });
  const beacon = tracked({
    item_name: 'Beacon Glass',
    item_id: 108,
    status: 'failed',
    errors: ['ERP vendor ID V-1007 is already in use'],
    updated_at: minutesAgo(2),
  });
  const pioneer = tracked({
    item_name: 'Pioneer Plumbing',
    item_id: 105,
    status: 'pending_acceptance',
    created_at: minutesAgo(125),
    updated_at: minutesAgo(125),
  });
  const keystone = tracked({
    item_name: 'Keystone Steel',
    item_id: 107,
    status: 'synced',
    erp_vendor_id: 'V-1007',
    updated_at: minutesAgo(60),
  });
  const all = [pioneer, ridge, keystone, beacon];

  beforeEach(() =>
    background({
      getQueue: () => queue(all),
      getVendor: ({ page }) => ({ ok: true, value: vendorView(page.vendorId, 'Fine Name', ridge) }),
    }),
  );

  it('shows sections with counts, newest first, each item a listitem with its status in words', async () => {
    await openPopup();
    expect(headings()).toEqual(['Needs your attention (2)', 'Waiting for approval (1)', 'Recently synced (1)']);
    expect(items().map((li) => li.querySelector('a')!.textContent)).toEqual([
      'Beacon Glass',
      'Ridge Roofing',
      'Pioneer Plumbing',
      'Keystone Steel',
    ]);
    expect(itemNamed('Ridge Roofing').textContent).toContain('Rejected');
    expect(itemNamed('Keystone Steel').textContent).toContain('Synced to ERP');
    expect(root.querySelector('main')).not.toBeNull();
  });

  it('shows what matters for each status, page text as text', async () => {
    await openPopup();
    const ridgeItem = itemNamed('Ridge Roofing');
    expect(ridgeItem.textContent).toContain('Rejected by Avery Approver, 3 hr. ago');
    expect(ridgeItem.textContent).toContain('Comment: <img src=x onerror=alert(1)>');
    expect(ridgeItem.querySelector('img')).toBeNull();
    expect(itemNamed('Beacon Glass').textContent).toContain('Errors: ERP vendor ID V-1007 is already in use');
    expect(itemNamed('Pioneer Plumbing').textContent).toContain('Waiting for 2 hours (sent by Alex Admin)');
    expect(itemNamed('Keystone Steel').textContent).toContain('ERP vendor ID: V-1007');
    expect(root.textContent).toContain('Last updated 5 min. ago');
  });

  it('"Sent by me" shows only the admin\'s own requests, counts follow it, and the choice is remembered', async () => {
    const colleagues = rejected('Summit Scaffolding', 30, { item_id: 150, sent_by: { id: 9, name: 'Jordan Lee' } });
    const saved: unknown[] = [];
    background({
      getQueue: () => queueView({ ...queue([...all, colleagues]), me: { id: 1, name: 'Alex Admin' } }),
      getVendor: ({ page }) => ({ ok: true, value: vendorView(page.vendorId, 'Fine Name', ridge) }),
      setQueueFilter: (data) => void saved.push(data),
    });
    await openPopup();
    expect(headings()[0]).toBe('Needs your attention (3)');
    expect(itemNamed('Summit Scaffolding').textContent).toContain('Sent by Jordan Lee');
    const mine = [...root.querySelectorAll('input[type="radio"]')].find(
      (r) => r.parentElement?.textContent === 'Sent by me',
    ) as HTMLInputElement;
    await act(() => mine.click());
    expect(headings()[0]).toBe('Needs your attention (2)');
    expect(itemNamed('Summit Scaffolding')).toBeUndefined();
    expect(saved).toEqual([{ whose: 'mine' }]);
  });

  it('links each company to its edit page', async () => {
    await openPopup();
    const link = itemNamed('Ridge Roofing').querySelector('a')!;
    expect(link.getAttribute('href')).toBe(`${ORIGIN}/8001/company/directory/vendors/106/edit`);
  });

  it('renders saved statuses at once, then refreshes with visible progress and announces the result', async () => {
    let finish!: (view: QueueView) => void;
    background({
      getQueue: ({ refresh }) => (refresh ? new Promise<QueueView>((resolve) => (finish = resolve)) : queue([pioneer])),
      getVendor: ({ page }) => ({ ok: true, value: vendorView(page.vendorId, 'Fine Name', ridge) }),
    });
    await openPopup();
    expect(sendMessage.mock.calls.slice(0, 2)).toEqual([
      ['getQueue', { refresh: false, requests: false }],
      ['getQueue', { refresh: true, requests: false }],
    ]);
    expect(items()).toHaveLength(1);
    expect(refreshButton().getAttribute('aria-busy')).toBe('true');
    expect(refreshButton().textContent).toBe('Refreshing…');

    await act(() => finish(queue([pioneer, ridge])));
    await settle();
    expect(items()).toHaveLength(2);
    expect(refreshButton().getAttribute('aria-busy')).toBe('false');
    expect(refreshButton().textContent).toBe('Refresh');
    expect(liveRegion()).toBe('Statuses updated. 1 needs your attention.');
  });

  it('refreshes again on demand', async () => {
    await openPopup();
    await act(() => refreshButton().click());
    await settle();
    expect(sendMessage.mock.calls.filter(([type, data]) => type === 'getQueue' && data.refresh)).toHaveLength(2);
  });

  it('filters by company name as the admin types, ignoring case and accents', async () => {
    await openPopup();
    const search = root.querySelector('input[type="search"]') as HTMLInputElement;
    expect(root.querySelector(`label[for="${search.id}"]`)!.textContent).toBe('Search companies');
    search.value = 'ROOF';
    await act(() => {
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(items().map((li) => li.querySelector('a')!.textContent)).toEqual(['Ridge Roofing']);
    expect(headings()).toEqual(['Needs your attention (1)']);

    search.value = 'zzz';
    await act(() => {
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(items()).toHaveLength(0);
    expect(root.textContent).toContain('No company matches “zzz”.');
  });
});

describe('popup: actions', () => {
  const ridge = rejected('Ridge Roofing', 30, { item_id: 106 });
  const pioneer = tracked({ id: 555, item_name: 'Pioneer Plumbing', item_id: 105, status: 'pending_acceptance' });

  it('re-sends a rejected company whose saved record passes the rules, then reloads and announces', async () => {
    background({
      getQueue: () => queue([ridge]),
      getVendor: () => ({ ok: true, value: vendorView(106, 'Ridge Roofing', ridge) }),
      send: () => ({ ok: true, value: vendorView(106, 'Ridge Roofing', null) }),
    });
    await openPopup();
    const resend = button(itemNamed('Ridge Roofing'), 'Re-send to ERP')!;
    expect(resend.getAttribute('aria-disabled')).toBeNull();
    await act(() => resend.click());
    await settle();
    expect(sendMessage).toHaveBeenCalledWith('send', { companyId: 8001, vendorId: 106, origin: ORIGIN });
    expect(sendMessage).toHaveBeenCalledWith('getVendor', {
      page: { level: 'company', companyId: 8001, vendorId: 106 },
      refresh: false,
    });
    expect(sendMessage.mock.calls.filter(([type]) => type === 'getQueue')).toHaveLength(3);
    expect(liveRegion()).toBe('Ridge Roofing sent to ERP again: waiting for approval.');
    expect(document.activeElement).toBe(itemNamed('Ridge Roofing').querySelector('a'));
  });

  it('keeps Re-send unavailable and lists the reasons when the saved record breaks the rules', async () => {
    background({
      getQueue: () => queue([ridge]),
      getVendor: () => ({ ok: true, value: vendorView(106, 'R'.repeat(64), ridge) }),
    });
    await openPopup();
    const item = itemNamed('Ridge Roofing');
    const resend = button(item, 'Re-send to ERP')!;
    expect(resend.getAttribute('aria-disabled')).toBe('true');
    const description = root.querySelector(`[id="${resend.getAttribute('aria-describedby')}"]`)!;
    expect(description.textContent).toContain('Name is 64 characters; Viewpoint Vista allows 60.');
    await act(() => resend.click());
    expect(sendMessage.mock.calls.some(([type]) => type === 'send')).toBe(false);
  });

  it('checks the rules of an item only once it comes into view', async () => {
    viewport.showsEverything = false;
    background({
      getQueue: () => queue([ridge, rejected('Beacon Glass', 60, { item_id: 108 })]),
      getVendor: ({ page }) => ({ ok: true, value: vendorView(page.vendorId, 'Fine Name', ridge) }),
    });
    await openPopup();
    const getVendorCalls = () => sendMessage.mock.calls.filter(([type]) => type === 'getVendor');
    expect(getVendorCalls()).toHaveLength(0);
    expect(itemNamed('Ridge Roofing').textContent).toContain('Checking the export rules…');

    await act(() => reveal(itemNamed('Beacon Glass').querySelector('.item-action')!));
    await settle();
    expect(getVendorCalls()).toEqual([
      ['getVendor', { page: { level: 'company', companyId: 8001, vendorId: 108 }, refresh: false }],
    ]);
    expect(button(itemNamed('Beacon Glass'), 'Re-send to ERP')!.getAttribute('aria-disabled')).toBeNull();
    expect(button(itemNamed('Ridge Roofing'), 'Re-send to ERP')!.getAttribute('aria-disabled')).toBe('true');
  });

  it('offers no Re-send when the company has moved on since (re-sent from the page)', async () => {
    const newer = tracked({ item_name: 'Ridge Roofing', item_id: 106, status: 'pending_acceptance' });
    background({
      getQueue: () => queue([ridge]),
      getVendor: () => ({ ok: true, value: vendorView(106, 'Ridge Roofing', newer) }),
    });
    await openPopup();
    expect(button(itemNamed('Ridge Roofing'), 'Re-send to ERP')).toBeUndefined();
  });

  it('retrieves a waiting company, with progress, and says why when it fails', async () => {
    let answer!: (result: unknown) => void;
    background({ getQueue: () => queue([pioneer]), retrieve: () => new Promise((resolve) => (answer = resolve)) });
    await openPopup();
    const retrieve = button(itemNamed('Pioneer Plumbing'), 'Retrieve from ERP')!;
    await act(() => retrieve.click());
    expect(sendMessage).toHaveBeenCalledWith('retrieve', { companyId: 8001, vendorId: 105, requestId: 555 });
    const busy = button(itemNamed('Pioneer Plumbing'), 'Retrieving…')!;
    expect(busy.getAttribute('aria-busy')).toBe('true');

    await act(() => answer({ ok: false, error: { kind: 'conflict' } }));
    await settle();
    const alert = itemNamed('Pioneer Plumbing').querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('This record changed in the meantime');
    expect(button(itemNamed('Pioneer Plumbing'), 'Retrieve from ERP')).toBeDefined();
  });

  it('opens the edit page in a tab, reusing one already open', async () => {
    background({ getQueue: () => queue([pioneer]) });
    const query = vi
      .spyOn(fakeBrowser.tabs, 'query')
      .mockResolvedValue([
        { id: 7, windowId: 3, url: `${ORIGIN}/8001/company/directory/vendors/105/edit?ui=beta` } as never,
      ]);
    const update = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue({} as never);
    const focus = vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue({} as never);
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    await openPopup();
    await act(() => itemNamed('Pioneer Plumbing').querySelector('a')!.click());
    await settle();
    expect(query).toHaveBeenCalledWith({ url: 'http://127.0.0.1/8001/company/directory/vendors/105/edit*' });
    expect(update).toHaveBeenCalledWith(7, { active: true });
    expect(focus).toHaveBeenCalledWith(3, { focused: true });
    expect(create).not.toHaveBeenCalled();
  });

  it('opens a new tab when none shows the page', async () => {
    background({ getQueue: () => queue([pioneer]) });
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
      { id: 7, windowId: 3, url: 'http://127.0.0.1:9999/8001/company/directory/vendors/105/edit' } as never,
    ]);
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    await openPopup();
    await act(() => itemNamed('Pioneer Plumbing').querySelector('a')!.click());
    await settle();
    expect(create).toHaveBeenCalledWith({ url: `${ORIGIN}/8001/company/directory/vendors/105/edit` });
  });
});

describe('popup: states', () => {
  it('says what to do when nothing is tracked yet', async () => {
    background({ getQueue: () => queue([]) });
    await openPopup();
    expect(root.textContent).toContain(
      "Nothing tracked yet: open a company in Procore's Directory and send it to ERP.",
    );
    expect(root.querySelector('input[type="search"]')).toBeNull();
  });

  it.each([['not_configured'], ['auth']] as const)(
    'signed out (%s): says what to do and opens the options',
    async (kind) => {
      background({ getQueue: () => queue([], { kind }) });
      const openOptions = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
      await openPopup();
      expect(root.textContent).toContain('Not connected to the integration API.');
      expect(root.textContent).not.toContain('Nothing tracked yet');
      await act(() => button(root, 'Open options')!.click());
      expect(openOptions).toHaveBeenCalledOnce();
    },
  );

  it('offline: says so and still shows the saved statuses', async () => {
    background({
      getQueue: () => queue([tracked({ item_name: 'Keystone Steel', status: 'synced' })], { kind: 'network' }),
    });
    await openPopup();
    expect(root.textContent).toContain('Offline — showing saved statuses.');
    expect(items()).toHaveLength(1);
    expect(liveRegion()).toBe('Offline — showing saved statuses.');
  });

  it('says for a day that damaged saved statuses were rebuilt', async () => {
    background({ getQueue: () => ({ ...queue([rejected('Ridge Roofing')]), repairedAt: minutesAgo(10) }) });
    await openPopup();
    expect(root.textContent).toContain(
      'Saved statuses were damaged and were rebuilt from Procore 10 min. ago; requests that had already finished may be missing.',
    );
    render(null, root);
    background({ getQueue: () => ({ ...queue([rejected('Ridge Roofing')]), repairedAt: minutesAgo(25 * 60) }) });
    await openPopup();
    expect(itemNamed('Ridge Roofing')).toBeDefined();
    expect(root.textContent).not.toContain('damaged');
  });

  it('says, while it stays open, that storage was full and how many synced requests were removed', async () => {
    let answers = 0;
    // The worker tells it once: the popup's second list (its refresh) no longer carries it.
    background({
      getQueue: () => ({
        ...queue([rejected('Ridge Roofing')]),
        droppedForSpace: answers++ === 0 ? { count: 12, at: minutesAgo(1) } : null,
      }),
    });
    await openPopup();
    expect(answers).toBeGreaterThan(1);
    expect(root.textContent).toContain('Storage was full: the 12 oldest synced requests were removed to make room.');
  });

  it('says so when the background does not answer', async () => {
    sendMessage.mockRejectedValue(new Error('Could not establish connection'));
    await openPopup();
    expect(root.textContent).toContain("ERP Resend's background service didn't answer.");
  });

  it('renders at most 25 items per section for a big queue, and more on demand', async () => {
    background({ getQueue: () => queue(bigQueue(1000)), getVendor: () => ({ ok: false, error: { kind: 'network' } }) });
    await openPopup();
    expect(headings()).toEqual([
      'Needs your attention (334)',
      'Waiting for approval (334)',
      'Retrieved, not sent (166)',
      'Recently synced (166)',
    ]);
    expect(items()).toHaveLength(100);
    const attention = root.querySelector('section')!;
    await act(() => button(attention, 'Show 25 more')!.click());
    expect(attention.querySelectorAll('li.item')).toHaveLength(50);
  });
});

describe('popup: the stored first screen', () => {
  const asked = () => sendMessage.mock.calls.filter(([type]) => type === 'getQueue').length;

  async function openWithFirstScreen(view: QueueView): Promise<void> {
    await act(() =>
      render(<Popup locale="en" clock={() => NOW} firstScreen={Promise.resolve(firstScreen(view))} />, root),
    );
    await settle();
  }

  it('paints it before the worker is asked, then asks for the whole list once it is on screen, and shows that', async () => {
    const big = queue(bigQueue(1000));
    background({ getQueue: () => big, getVendor: () => ({ ok: false, error: { kind: 'network' } }) });
    await openWithFirstScreen(big);
    expect(headings()).toEqual([
      'Needs your attention (334)',
      'Waiting for approval (334)',
      'Retrieved, not sent (166)',
      'Recently synced (166)',
    ]);
    expect(items()).toHaveLength(FIRST_SCREEN_ITEMS);
    expect(root.textContent).toContain('Last updated 5 min. ago');
    expect(root.textContent).not.toContain('Loading');
    expect(asked()).toBe(0);

    await act(() => painted.callbacks.forEach((callback) => callback()));
    await settle();
    expect(asked()).toBeGreaterThanOrEqual(1);
    expect(items()).toHaveLength(100);
    // Search works on the whole list.
    const search = root.querySelector('input[type="search"]') as HTMLInputElement;
    await act(() => {
      search.value = 'Company 999';
      search.dispatchEvent(new Event('input'));
    });
    expect(items().map((li) => li.querySelector('a')!.textContent)).toEqual(['Company 999']);
  });

  it('shows the signed-out state from it at once', async () => {
    background({ getQueue: () => new Promise(() => undefined) });
    await openWithFirstScreen(queue([], { kind: 'auth' }));
    expect(root.textContent).toContain('Not connected to the integration API.');
    expect(root.textContent).not.toContain('Nothing tracked yet');
  });

  it('asks the worker at once when the first screen has nothing to paint', async () => {
    background({ getQueue: () => queue([rejected('Ridge Roofing')]) });
    await openWithFirstScreen(queue([]));
    expect(painted.callbacks).toHaveLength(0);
    expect(asked()).toBeGreaterThanOrEqual(1);
    expect(itemNamed('Ridge Roofing')).toBeDefined();
  });
});

describe('popup: bulk re-send', () => {
  const ridge = rejected('Ridge Roofing', 180, { item_id: 106 });
  const beacon = rejected('Beacon Glass', 60, { item_id: 108 });
  const job = (patch: Partial<BulkJob> = {}): BulkJob => ({
    id: 'job-1',
    plannedAt: minutesAgo(1),
    startedAt: null,
    finishedAt: null,
    items: [
      {
        companyId: 8001,
        vendorId: 108,
        name: 'Beacon Glass',
        origin: ORIGIN,
        replaces: 1,
        state: 'queued',
        note: null,
      },
    ],
    skipped: [
      { companyId: 8001, vendorId: 106, name: 'Ridge Roofing', reasons: ['This company is inactive. <b>x</b>'] },
    ],
    ...patch,
  });
  const bulkSection = () => root.querySelector('section.bulk') as HTMLElement;

  it('plans for the companies in view, asks first with what will not be sent and why, then shows progress', async () => {
    const asked: unknown[] = [];
    let stored: BulkJob | null = null;
    background({
      getQueue: () => queue([ridge, beacon]),
      getVendor: ({ page }) => ({ ok: true, value: vendorView(page.vendorId, 'Fine Name', ridge) }),
      getBulkResend: () => stored,
      planBulkResend: (data) => {
        asked.push(data);
        stored = job();
        return { ok: true, value: stored };
      },
      startBulkResend: () => (stored = job({ startedAt: minutesAgo(0) })),
    });
    await openPopup();
    await act(() => button(root, 'Re-send all that pass the rules')!.click());
    await settle();
    expect(asked).toEqual([
      {
        vendors: [
          { companyId: 8001, vendorId: 108 },
          { companyId: 8001, vendorId: 106 },
        ],
      },
    ]);
    const question = bulkSection();
    expect(question.querySelector('h2')!.textContent).toBe('Re-send 1 of the 2 checked?');
    expect(document.activeElement).toBe(question.querySelector('h2'));
    expect(question.textContent).toContain('Ridge Roofing: This company is inactive. <b>x</b>');
    expect(question.querySelector('b')).toBeNull();
    await act(() => button(question, 'Re-send 1')!.click());
    await settle();
    expect(bulkSection().querySelector('[role="status"]')!.textContent).toBe('Re-sending: 0 of 1');
    expect(bulkSection().querySelector('progress')!.getAttribute('max')).toBe('1');
  });

  it('opens on the summary of a job finished while it was closed, with what failed and why; Close forgets it', async () => {
    const finished = job({
      startedAt: minutesAgo(3),
      finishedAt: minutesAgo(2),
      items: [{ ...job().items[0]!, state: 'failed', note: 'The ERP refused it.' }],
    });
    const cleared: unknown[] = [];
    let stored: BulkJob | null = finished;
    background({
      getQueue: () => queue([ridge, beacon]),
      getVendor: ({ page }) => ({ ok: true, value: vendorView(page.vendorId, 'Fine Name', ridge) }),
      getBulkResend: () => stored,
      clearBulkResend: (data) => {
        cleared.push(data);
        stored = null;
      },
    });
    await openPopup();
    const summary = bulkSection();
    expect(summary.querySelector('h2')!.textContent).toBe('Re-send finished: 0 of 1 re-sent, 1 failed, 1 skipped.');
    expect(summary.textContent).toContain('Beacon Glass: The ERP refused it.');
    expect(summary.textContent).toContain(
      'Skipped: they do not pass the rulesRidge Roofing: This company is inactive.',
    );
    await act(() => button(summary, 'Close')!.click());
    await settle();
    expect(cleared).toEqual([{ id: 'job-1' }]);
    expect(bulkSection()).toBeNull();
    expect(button(root, 'Re-send all that pass the rules')).toBeDefined();
  });
});

describe("popup: where the list's requests come from", () => {
  const ridge = rejected('Ridge Roofing', 180, { item_id: 106 });
  const noRequests = (view: QueueView) => ({ ...view, requests: null });

  it('reads them from storage when a worker checked their text, and asks the worker only for the rest', async () => {
    const text = JSON.stringify({ [`8001:${ridge.request.id}`]: ridge });
    await fakeBrowser.storage.local.set({ tracked: text, tracked$: { v: 3 } });
    await fakeBrowser.storage.session.set({ trackedChecked: await textDigest(text) });
    background({ getQueue: () => noRequests(queue([])), getBulkResend: () => null });
    await openPopup();
    expect(items().map((li) => li.querySelector('a')?.textContent)).toEqual(['Ridge Roofing']);
    expect(sendMessage.mock.calls.filter(([type, data]) => type === 'getQueue' && data.requests)).toEqual([]);
  });

  it('keeps what the first answer told once when it asks the worker for the requests', async () => {
    let answers = 0;
    background({
      getQueue: ({ requests }) => ({
        ...(requests ? queue([ridge]) : noRequests(queue([]))),
        droppedForSpace: answers++ === 0 ? { count: 12, at: minutesAgo(1) } : null,
      }),
      getBulkResend: () => null,
    });
    await openPopup();
    expect(items().map((li) => li.querySelector('a')?.textContent)).toEqual(['Ridge Roofing']);
    expect(root.textContent).toContain('Storage was full: the 12 oldest synced requests were removed to make room.');
  });

  it('asks the worker for them when no worker checked the stored text', async () => {
    await fakeBrowser.storage.local.set({ tracked: '{}', tracked$: { v: 3 } });
    background({
      getQueue: ({ requests }) => (requests ? queue([ridge]) : noRequests(queue([]))),
      getBulkResend: () => null,
    });
    await openPopup();
    expect(items().map((li) => li.querySelector('a')?.textContent)).toEqual(['Ridge Roofing']);
    expect(sendMessage.mock.calls.filter(([type]) => type === 'getQueue')[1]).toEqual([
      'getQueue',
      { refresh: false, requests: true },
    ]);
  });
});
