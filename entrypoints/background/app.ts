/**
 * The background worker, wired: each concern is a module of its own (API access, tracking, polling, sending exactly
 * once, the vendor views, the tab watchers, the popup's first screen, storage repair, the message handlers), and its
 * browser events are plain methods here. `index.ts` only registers listeners and forwards to these; unit tests drive
 * the same methods against WXT's fake browser.
 */
import { browser } from 'wxt/browser';
import type { QueueState, QueueView } from '@/lib/contract/messages';
import { queueRequests } from '@/lib/erp/queue';
import { POLL_SECONDS_OVERRIDE, SANDBOX_URL } from '@/lib/extension/build-flags';
import { openEditPage } from '@/lib/extension/open-edit-page';
import { loadSettings, type Settings } from '@/lib/extension/settings';
import { vendorEditUrl } from '@/lib/procore/page-url';
import { createApiAccess, type ApiAccessDeps } from './api-access';
import { createRateGate, type HeldUntil } from './api/rate-gate';
import { createBulkResend } from './bulk-resend';
import { createDirectoryStatuses } from './directory-statuses';
import { createFirstScreenWriter } from './first-screen-writer';
import { createHandlers, dispatch, guardContext } from './message-handlers';
import { parseNotificationId, showBulkDone } from './notifications';
import { createPoller, POLL_ALARM } from './polling';
import { createSender } from './send-exactly-once';
import { lockStorageToTrustedContexts } from './storage-access';
import { createStorageRepair } from './storage-repair';
import { openStoredItems, type StoredItems } from './stored-items';
import { createKeptViews } from './kept-views';
import { createTabWatchers, type PushVendorChanged } from './tab-watchers';
import { prune } from './tracked-requests';
import { createTracking, type Tracking } from './tracking';
import { createVendorViews } from './vendor-view';

export interface BackgroundDeps extends Partial<Pick<ApiAccessDeps, 'createClient' | 'hasHostPermission'>> {
  push?: PushVendorChanged;
  now?: () => number;
  sandboxUrl?: string;
  pollOverride?: number;
  loadSettings?: () => Promise<Settings>;
}

/** Everything the popup lists but the requests: the last update and the error to show, who is signed in, the filter. */
async function queueStateOf(stored: StoredItems): Promise<QueueState> {
  const [state, whose] = await Promise.all([stored.poll.get(), stored.queueFilter.get()]);
  return {
    lastUpdated: state.lastUpdated,
    error: state.authError ?? state.lastError,
    repairedAt: state.repairedAt,
    droppedForSpace: state.droppedForSpace,
    me: state.me,
    whose,
    skipped: Object.entries(state.companyNotes).map(([companyId, note]) => ({ companyId: Number(companyId), ...note })),
  };
}

/** The gate's 429 wait, kept in session storage; read at the gate's first call, after the items are opened. */
const heldIn = (stored: () => StoredItems): HeldUntil => ({
  load: async () => (await stored().rateGate.get()).closedUntil,
  save: (closedUntil) => stored().rateGate.set({ closedUntil }),
});

/** Synced requests dropped to fit full storage: kept in the poll state until the popup's next list tells the admin. */
const noteDropped = (stored: () => StoredItems, now: () => number) => (count: number) =>
  void stored()
    .poll.update((s) => ({
      ...s,
      droppedForSpace: { count: (s.droppedForSpace?.count ?? 0) + count, at: new Date(now()).toISOString() },
    }))
    .catch((err: unknown) => console.error('[erp-resend] the requests dropped for space were not noted', err));

/** Every module of the worker, each given what it needs of the others. */
function wire(deps: BackgroundDeps) {
  const now = deps.now ?? Date.now;
  const sandboxUrl = deps.sandboxUrl ?? SANDBOX_URL;
  const settings = deps.loadSettings ?? loadSettings;
  const gate = createRateGate({ held: heldIn(() => stored) });

  const { createClient, hasHostPermission } = deps;
  const onRequest = () => poller.countCalls(1);
  const api = createApiAccess({ createClient, hasHostPermission, gate, settings, onRequest });

  const stored: StoredItems = openStoredItems(
    createStorageRepair({ stored: () => stored, api, tracking: () => tracking, now }),
    noteDropped(() => stored, now),
  );
  const keptViews = createKeptViews(stored.keptViews, now);
  const watchers = createTabWatchers(stored.watchers, deps.push);
  const poller = createPoller({
    stored,
    api: api.current,
    settings,
    onChanged: (changed) => tracking.afterChange(changed),
    pollOverride: deps.pollOverride ?? POLL_SECONDS_OVERRIDE,
    gate,
    now,
  });
  const tracking: Tracking = createTracking({
    stored,
    settings,
    watchers,
    keptViews,
    schedule: poller.schedule,
    now,
  });
  const vendors = createVendorViews({ api: api.current, record: tracking.record, now });
  const directoryStatuses = createDirectoryStatuses({
    api: api.current,
    tracked: () => stored.tracked.get(),
    trackedInMemory: () => stored.tracked.inMemory(),
    record: tracking.record,
    now,
  });
  const sender = createSender({ locks: stored.sends, api: api.current, onCreated: tracking.recordSent });
  const bulk = createBulkResend({
    job: stored.bulkResend,
    tracked: () => stored.tracked.get(),
    vendors,
    sender,
    onFinished: async (job) => {
      await tracking.refreshBadge();
      if ((await settings()).notifications) await showBulkDone(job);
    },
    now,
  });

  const queueState = () => queueStateOf(stored);
  const queueView = async (): Promise<QueueView> => {
    const [state, tracked] = await Promise.all([queueState(), stored.tracked.get()]);
    return { ...state, requests: queueRequests(tracked) };
  };
  const saveFirstScreen = createFirstScreenWriter(stored, queueView);
  const parts = { stored, api, vendors, directoryStatuses, sender, bulk, tracking, poller, watchers, keptViews };
  const handlers = createHandlers({ ...parts, queueState, queueView, sandboxUrl });
  return { ...parts, now, sandboxUrl, saveFirstScreen, handlers };
}

export function createBackgroundApp(deps: BackgroundDeps = {}) {
  const wired = wire(deps);
  const { now, sandboxUrl, api, stored, keptViews, poller, tracking, sender, saveFirstScreen, handlers } = wired;

  return {
    stored,
    poller,
    /** Resolves once the popup's first screen is saved as of now (for tests). */
    saveFirstScreen,
    handle: dispatch(handlers, guardContext(sandboxUrl)),

    async onAlarm(name: string) {
      if (name === POLL_ALARM) await poller.poll();
    },

    async onNotificationClicked(id: string) {
      const target = parseNotificationId(id);
      if (!target) return;
      const origin = (await stored.companies.get())[target.companyId]?.origin ?? '';
      if (origin) await openEditPage(vendorEditUrl(origin, target.companyId, target.vendorId));
      await browser.notifications.clear(id);
    },

    /** A first install opens the options page, where the admin connects the integration API; an update opens nothing. */
    async onInstalled(reason: string) {
      if (reason === 'install') await browser.runtime.openOptionsPage();
    },

    /** New URL or token: forget the 401, the client, the kept vendor views and the cursors' answers, and poll again. */
    async onSettingsChanged() {
      api.forget();
      await keptViews.clear();
      await stored.poll.update((s) => ({ ...s, authError: null, lastError: null }));
      await tracking.refreshBadge();
      await poller.schedule();
      await poller.poll();
    },

    /** Worker start (install, browser start, or Chrome waking a stopped worker). */
    async start() {
      await lockStorageToTrustedContexts();
      await sender.resumePending();
      // A bulk re-send the previous worker left mid-way goes on, after its send in flight has been finished above.
      void wired.bulk.resume().catch((err: unknown) => console.error('[erp-resend] the bulk re-send stopped', err));
      await stored.tracked.update((tracked) => prune(tracked, now()));
      await tracking.refreshBadge();
      // Also after an update, or a worker stopped between a change and its save.
      await saveFirstScreen();
      await poller.schedule();
    },
  };
}
