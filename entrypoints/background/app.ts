/**
 * The background worker's logic, with its browser events as plain methods: `entrypoints/background.ts` only registers
 * listeners and forwards to these, and unit tests drive the same methods against WXT's fake browser.
 */
import { browser } from 'wxt/browser';
import { createApiClient, type ApiClient, type ApiConfig } from './api/client';
import type { ErpRequest } from '../../lib/contract/api-bodies';
import { toUserError } from './api/user-error';
import { SANDBOX_URL, POLL_SECONDS_OVERRIDE } from '../../lib/extension/build-flags';
import { fail, ok, type Result, type UserError } from '../../lib/contract/errors';
import { FIRST_SCREEN_KEY, firstScreen, type FirstScreen } from '../../lib/erp/first-screen';
import { jsonEqual } from './storage/json-equal';
import { isAllowed, isProcoreOrigin, senderOrigin, type GuardContext, type MessageType, type SenderInfo } from './message-guard';
import { messageSchemas } from '../../lib/contract/message-schemas';
import type { ProtocolMap, QueueView, VendorView } from '../../lib/contract/messages';
import { parseNotificationId, showBadge, showNotification } from './notifications';
import { openEditPage } from '../../lib/extension/open-edit-page';
import { vendorEditUrl } from '../../lib/procore/page-url';
import { createPoller, POLL_ALARM } from './polling';
import { createSender } from './send-exactly-once';
import { apiOrigin, loadSettings, originPattern, type Settings } from '../../lib/extension/settings';
import { createStore } from './storage/stored-items';
import { badgeCount, dueNotifications, markNotified, mergeRequests, newerFirst, prune, recordSent } from './tracked-requests';
import { createVendorService } from './vendor-view';
import { createWatchers, type PushVendorChanged } from './tab-watchers';
import type { ErpStatus } from '../../lib/erp/status';

export interface BackgroundDeps {
  /** `onRequest`: called for every HTTP request the client sends, for the hourly budget. */
  createClient?: (config: ApiConfig, onRequest: () => void) => ApiClient;
  hasHostPermission?: (origin: string) => Promise<boolean>;
  push?: PushVendorChanged;
  now?: () => number;
  sandboxUrl?: string;
  pollOverride?: number;
  loadSettings?: () => Promise<Settings>;
}

/** Statuses worth rebuilding after corrupt storage: what the popup is for (waiting, or back with the admin). */
const REBUILD_STATUSES: ErpStatus[] = ['pending_acceptance', 'accepted', 'rejected', 'failed'];

export class MessageRejected extends Error {
  constructor(type: string, why: string) {
    super(`${type} refused: ${why}`);
    this.name = 'MessageRejected';
  }
}

/** Messages the background answers; `vendorChanged` goes the other way. */
export type IncomingType = Exclude<MessageType, 'vendorChanged'>;
type Handler<K extends MessageType> = (data: Parameters<ProtocolMap[K]>[0], sender: SenderInfo) => Promise<ReturnType<ProtocolMap[K]>>;

export function createBackgroundApp(deps: BackgroundDeps = {}) {
  const now = deps.now ?? Date.now;
  const sandboxUrl = deps.sandboxUrl ?? SANDBOX_URL;
  const settings = deps.loadSettings ?? loadSettings;
  const createClient = deps.createClient ?? ((config: ApiConfig, onRequest: () => void) => createApiClient(config, { onRequest }));
  const hasHostPermission =
    deps.hasHostPermission ?? ((origin: string) => browser.permissions.contains({ origins: [originPattern(origin)] }));

  const reported = new Set<string>();
  const store = createStore((key) => {
    // Reported once per key for this worker; the value is already rewritten, so the next read is clean.
    if (!reported.has(key)) console.warn(`[erp-resend] stored ${key} was corrupt; rebuilt from the API`);
    reported.add(key);
    if (key !== 'local:tracked') return;
    void store.poll
      .update((s) => ({ ...s, repairedAt: new Date(now()).toISOString() }))
      .catch((err: unknown) => console.warn('[erp-resend] the repair was not recorded', err));
    void rebuildTracked();
  });

  let cachedClient: { key: string; client: ApiClient } | null = null;
  /** A client for these settings, or why there is none. Tokens stay here: nothing below returns them. */
  const clientFor = async (apiUrl: string, token: string): Promise<Result<ApiClient>> => {
    const origin = apiOrigin(apiUrl);
    if (!origin || !token) return fail({ kind: 'not_configured' });
    if (!(await hasHostPermission(origin))) return fail({ kind: 'no_permission' });
    const key = JSON.stringify([apiUrl, token]);
    if (cachedClient?.key !== key) {
      cachedClient = { key, client: createClient({ baseUrl: apiUrl, token }, () => poller.countCalls(1)) };
    }
    return ok(cachedClient.client);
  };
  const api = async (): Promise<Result<ApiClient>> => {
    const current = await settings();
    return clientFor(current.apiUrl, current.token);
  };

  const watchers = createWatchers(store.watchers, deps.push);

  const queueView = async (): Promise<QueueView> => {
    const [tracked, state] = await Promise.all([store.tracked.get(), store.poll.get()]);
    return {
      requests: Object.values(tracked).sort(newerFirst),
      lastUpdated: state.lastUpdated,
      error: state.authError ?? state.lastError,
      repairedAt: state.repairedAt,
    };
  };

  /**
   * The popup's first screen (`first-screen.ts`), saved again after every change to the requests or the poll state.
   * One save at a time and at most one waiting, which reads the newest values when its turn comes.
   */
  let savedScreen: FirstScreen | null = null;
  let saving: Promise<void> = Promise.resolve();
  let saveQueued = false;
  const saveFirstScreen = (): Promise<void> => {
    if (saveQueued) return saving;
    saveQueued = true;
    saving = saving
      .then(async () => {
        saveQueued = false;
        const screen = firstScreen(await queueView());
        if (savedScreen && jsonEqual(screen, savedScreen)) return;
        await browser.storage.local.set({ [FIRST_SCREEN_KEY]: screen });
        savedScreen = screen;
      })
      .catch((err: unknown) => console.warn('[erp-resend] the popup\'s first screen was not saved', err));
    return saving;
  };
  store.tracked.watch(() => void saveFirstScreen());
  store.poll.watch(() => void saveFirstScreen());

  const refreshBadge = async () => {
    const [current, tracked, state] = await Promise.all([settings(), store.tracked.get(), store.poll.get()]);
    if (!current.badge) return showBadge({ kind: 'off' });
    if (state.authError) return showBadge({ kind: 'auth_error' });
    return showBadge({ kind: 'count', count: badgeCount(tracked) });
  };

  /** After the tracked store changed: notify once per change, badge, tell watching tabs, poll only if needed. */
  const afterChange = async (changed: { companyId: number; request: ErpRequest }[]) => {
    let due: ReturnType<typeof dueNotifications> = [];
    await store.tracked.update((tracked) => {
      due = dueNotifications(tracked);
      // Marked before showing: a worker stopped in between loses one notification rather than repeating it.
      return markNotified(prune(tracked, now()), due);
    });
    if ((await settings()).notifications) {
      await Promise.all(due.map((entry) => showNotification(entry).catch((err) => console.warn('[erp-resend] notification', err))));
    }
    await refreshBadge();
    await watchers.notify(changed.map((e) => ({ companyId: e.companyId, vendorId: e.request.item_id })));
    await poller.schedule();
  };

  /** A 401 anywhere stops polling until the settings change; the popup and badge say "check the API token". */
  const noteError = async (error: UserError) => {
    if (error.kind !== 'auth') return;
    await store.poll.update((s) => ({ ...s, authError: error }));
    await refreshBadge();
    await poller.schedule();
  };

  const poller = createPoller({
    store,
    api,
    settings,
    onChanged: afterChange,
    pollOverride: deps.pollOverride ?? POLL_SECONDS_OVERRIDE,
    now,
  });

  const originOfCompany = async (companyId: number) => (await store.companies.get())[companyId]?.origin ?? '';

  const recordRequests = async (companyId: number, requests: ErpRequest[]) => {
    const origin = await originOfCompany(companyId);
    let changed: ReturnType<typeof mergeRequests>['changed'] = [];
    await store.tracked.update((tracked) => {
      const merged = mergeRequests(tracked, { companyId, origin, requests, adopt: 'all' });
      // Requests seen for the first time are history, not news for other tabs; status changes are.
      changed = merged.changed.filter((e) => tracked[`${e.companyId}:${e.request.id}`]);
      return merged.next;
    });
    await afterChange(changed);
  };

  const vendors = createVendorService({ api, record: recordRequests, now });

  const sender = createSender({
    locks: store.sends,
    api,
    onCreated: async (target, request) => {
      await store.tracked.update((tracked) => recordSent(tracked, target.companyId, target.origin, request));
      await afterChange([{ companyId: target.companyId, request }]);
    },
  });

  async function rebuildTracked() {
    const client = await api();
    if (!client.ok) return;
    const companies = Object.keys(await store.companies.get()).map(Number);
    for (const companyId of companies) {
      try {
        const list = await client.value.listRequests(companyId, { status: REBUILD_STATUSES });
        await recordRequests(companyId, list.requests);
      } catch (err) {
        await noteError(toUserError(err));
      }
    }
    await store.poll.update((s) => ({ ...s, cursors: {} }));
  }

  const rememberCompany = async (companyId: number, origin: string | null) => {
    if (!origin || !isProcoreOrigin(origin, sandboxUrl)) return;
    await store.companies.update((all) => (all[companyId]?.origin === origin ? all : { ...all, [companyId]: { origin } }));
  };

  /** The vendor's fresh view after an action that did not go as asked (409): the real state, with why. */
  const viewAfter = async (companyId: number, vendorId: number, error: UserError): Promise<Result<VendorView>> => {
    if (error.kind !== 'conflict') {
      await noteError(error);
      return fail(error);
    }
    const view = await vendors.view(companyId, vendorId, { refresh: true });
    return view.ok ? ok({ ...view.value, notice: error }) : view;
  };

  const handlers: { [K in IncomingType]: Handler<K> } = {
    async getVendor({ page, refresh }, from) {
      const company = await vendors.companyOf(page);
      if (!company.ok) {
        await noteError(company.error);
        return company;
      }
      await rememberCompany(company.value, senderOrigin(from));
      const view = await vendors.view(company.value, page.vendorId, { refresh });
      if (!view.ok) await noteError(view.error);
      return view;
    },

    async send({ companyId, vendorId, origin }, from) {
      const fromPage = senderOrigin(from);
      const isPage = fromPage !== null && isProcoreOrigin(fromPage, sandboxUrl);
      // A content script may only send for its own origin; any sender only for a Procore origin (the link back).
      if (!isProcoreOrigin(origin, sandboxUrl) || (isPage && fromPage !== new URL(origin).origin)) {
        throw new MessageRejected('send', 'origin is not a Procore page');
      }
      const linkOrigin = new URL(origin).origin;
      await rememberCompany(companyId, linkOrigin);
      const sent = await sender.send({ companyId, vendorId, origin: linkOrigin });
      if (!sent.ok) return viewAfter(companyId, vendorId, sent.error);
      return vendors.view(companyId, vendorId, { refresh: false });
    },

    async retrieve({ companyId, vendorId, requestId }) {
      const client = await api();
      if (!client.ok) return client;
      try {
        const request = await client.value.retrieveRequest(companyId, requestId);
        await recordRequests(companyId, [request]);
      } catch (err) {
        return viewAfter(companyId, vendorId, toUserError(err));
      }
      return vendors.view(companyId, vendorId, { refresh: false });
    },

    async watch({ companyId, vendorId }, from) {
      if (from.tab?.id !== undefined) await watchers.watch(from.tab.id, companyId, vendorId);
    },

    async getQueue({ refresh }) {
      if (refresh) await poller.poll({ all: true });
      return queueView();
    },

    async testConnection({ baseUrl, token }) {
      const client = await clientFor(baseUrl, token);
      if (!client.ok) return client;
      try {
        return ok(await client.value.me());
      } catch (err) {
        return fail(toUserError(err));
      }
    },
  };

  const guard: GuardContext = {
    extensionId: browser.runtime.id,
    extensionBaseUrl: browser.runtime.getURL('/'),
    sandboxUrl,
  };

  return {
    store,
    poller,
    /** Resolves once the popup's first screen is saved as of now (for tests). */
    saveFirstScreen,

    /** Every message: sender first, then the payload's shape, then the handler. Refusals reject the caller's promise. */
    async handle<K extends MessageType>(type: K, data: unknown, sender: SenderInfo): Promise<ReturnType<ProtocolMap[K]>> {
      if (!isAllowed(type, sender, guard) || !(type in handlers)) throw new MessageRejected(type, 'sender not allowed');
      const incoming = type as IncomingType;
      const parsed = messageSchemas[incoming].safeParse(data);
      if (!parsed.success) throw new MessageRejected(type, 'invalid payload');
      return (handlers[incoming] as unknown as Handler<K>)(parsed.data as Parameters<ProtocolMap[K]>[0], sender);
    },

    async onAlarm(name: string) {
      if (name === POLL_ALARM) await poller.poll();
    },

    async onNotificationClicked(id: string) {
      const target = parseNotificationId(id);
      if (!target) return;
      const origin = await originOfCompany(target.companyId);
      if (origin) await openEditPage(vendorEditUrl(origin, target.companyId, target.vendorId));
      await browser.notifications.clear(id);
    },

    onTabRemoved: (tabId: number) => watchers.forgetTab(tabId),

    /** New URL or token: forget the 401, the client and the cursors' answers, and poll again. */
    async onSettingsChanged() {
      cachedClient = null;
      await store.poll.update((s) => ({ ...s, authError: null, lastError: null }));
      await refreshBadge();
      await poller.schedule();
      await poller.poll();
    },

    /** Worker start (install, browser start, or Chrome waking a stopped worker). */
    async start() {
      await lockStorageToTrustedContexts();
      await sender.resumePending();
      await store.tracked.update((tracked) => prune(tracked, now()));
      await refreshBadge();
      // Also after an update, or a worker stopped between a change and its save.
      await saveFirstScreen();
      await poller.schedule();
    },
  };
}

export type BackgroundApp = ReturnType<typeof createBackgroundApp>;

/**
 * Keeps content scripts out of `storage.local`, where the API token is. Chrome (since 102 for `session`, and later
 * for `local`) accepts this; where it is not supported the call rejects or is missing, and we go on. Firefox only
 * supports it for `storage.session`: there content scripts can read `storage.local`, and the defence is that ours never
 * do (they only send messages) and page scripts cannot reach extension storage at all.
 */
export async function lockStorageToTrustedContexts(): Promise<void> {
  const local = browser.storage.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  try {
    await local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch (err) {
    console.warn('[erp-resend] storage.local access level not supported here', err);
  }
}
