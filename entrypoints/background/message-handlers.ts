/**
 * What the background answers to each message of `MESSAGES`, and how a message reaches its handler: the sender
 * first (`message-guard.ts`), then the payload's schema, then the handler. Refusals reject the caller's promise.
 */
import { browser } from 'wxt/browser';
import { fail, ok, type Result, type UserError } from '@/lib/contract/errors';
import {
  MESSAGES,
  type Answer,
  type PageRequestType,
  type Payload,
  type QueueAnswer,
  type QueueState,
  type QueueView,
  type RequestType,
  type VendorView,
} from '@/lib/contract/messages';
import { jsonEqual } from '@/lib/extension/json-equal';
import { isProcoreOrigin } from '@/lib/procore/origins';
import type { DirectoryRef, PageRef } from '@/lib/procore/page-url';
import type { ApiAccess } from './api-access';
import { afterAnswer } from './after-answer';
import { toUserError } from './api/api-error';
import { isAllowed, senderOrigin, type GuardContext, type SenderInfo } from './message-guard';
import type { BulkResend } from './bulk-resend';
import type { DirectoryStatusesOf } from './directory-statuses';
import { pageOfAction, type KeptViews } from './kept-views';
import type { Poller } from './polling';
import type { Sender } from './send-exactly-once';
import type { StoredItems } from './stored-items';
import type { TabWatchers } from './tab-watchers';
import type { Tracking } from './tracking';
import type { VendorViews } from './vendor-view';

export class MessageRejected extends Error {
  constructor(type: string, why: string) {
    super(`${type} refused: ${why}`);
    this.name = 'MessageRejected';
  }
}

type Handler<K extends RequestType> = (data: Payload<K>, sender: SenderInfo) => Promise<Answer<K>>;
export type Handlers = { [K in RequestType]: Handler<K> };

export interface HandlerDeps {
  stored: StoredItems;
  api: ApiAccess;
  vendors: VendorViews;
  directoryStatuses: DirectoryStatusesOf;
  sender: Sender;
  bulk: BulkResend;
  tracking: Tracking;
  poller: Poller;
  watchers: TabWatchers;
  keptViews: KeptViews;
  /** The popup's list, requests and all; `queueState` the same without them, which it can read itself. */
  queueView: () => Promise<QueueView>;
  queueState: () => Promise<QueueState>;
  sandboxUrl: string;
}

/** Keeps the Procore origin a company was seen on, for links back to its pages. */
async function remember({ stored, sandboxUrl }: HandlerDeps, companyId: number, origin: string | null): Promise<void> {
  if (!origin || !isProcoreOrigin(origin, sandboxUrl)) return;
  await stored.companies.update((all) =>
    all[companyId]?.origin === origin ? all : { ...all, [companyId]: { origin } },
  );
}

/** The vendor's fresh view after an action that did not go as asked (409): the real state, with why. */
async function viewAfterFailure(
  deps: HandlerDeps,
  ids: { companyId: number; vendorId: number; projectId?: number },
  error: UserError,
): Promise<Result<VendorView>> {
  if (error.kind !== 'conflict') {
    await deps.tracking.noteError(error);
    return fail(error);
  }
  const view = await deps.vendors.view(ids.companyId, ids.vendorId, { refresh: true, projectId: ids.projectId });
  return view.ok ? ok({ ...view.value, notice: error }) : view;
}

/** The company of a page's Directory (a project's from the API), remembered with the page's origin. */
async function companyOfPage(deps: HandlerDeps, page: DirectoryRef, from: SenderInfo): Promise<Result<number>> {
  const company = await deps.vendors.companyOf(page);
  if (!company.ok) {
    await deps.tracking.noteError(company.error);
    return company;
  }
  await remember(deps, company.value, senderOrigin(from));
  return company;
}

/** A vendor view answered to `page`: kept, so that a worker woken next time shows it at once (`kept-views.ts`). */
async function keptAs(deps: HandlerDeps, page: PageRef, view: Result<VendorView>): Promise<Result<VendorView>> {
  if (view.ok) await deps.keptViews.keep(page, view.value);
  return view;
}

/** The vendor of a page, from the API. */
async function freshView(deps: HandlerDeps, page: PageRef, refresh: boolean, from: SenderInfo) {
  const company = await companyOfPage(deps, page, from);
  if (!company.ok) return company;
  const projectId = page.level === 'project' ? page.projectId : undefined;
  const view = await deps.vendors.view(company.value, page.vendorId, { refresh, projectId });
  if (!view.ok) await deps.tracking.noteError(view.error);
  return view;
}

/**
 * A kept view was shown: the API is asked again. If it says otherwise, the page is told (`vendorChanged`) and its next
 * ask is answered what the API said; a failure is the page's to show, so nothing of the vendor stays kept.
 */
async function checkShown(deps: HandlerDeps, page: PageRef, shown: VendorView, from: SenderInfo): Promise<void> {
  const fresh = await freshView(deps, page, false, from);
  const same = fresh.ok && jsonEqual(fresh.value, shown);
  if (fresh.ok) await deps.keptViews.keep(page, fresh.value, !same);
  else await deps.keptViews.forget([shown]);
  const tabId = from.tab?.id;
  if (!same && tabId !== undefined) {
    await deps.watchers.tell(tabId, { companyId: shown.companyId, vendorId: shown.vendorId });
  }
}

/** What a content script may ask (`from: 'page'` in `MESSAGES`). */
function pageHandlers(deps: HandlerDeps): Pick<Handlers, PageRequestType> {
  const { api, vendors, tracking, sandboxUrl } = deps;

  return {
    async getVendor({ page, refresh }, from) {
      const kept = refresh ? null : await deps.keptViews.get(page);
      if (!kept) return keptAs(deps, page, await freshView(deps, page, refresh, from));
      // The page asks again because it was told: what it is answered now was checked a moment ago.
      if (kept.told) await deps.keptViews.keep(page, kept.view);
      else {
        afterAnswer('a kept vendor view was not checked again', () => checkShown(deps, page, kept.view, from));
      }
      return ok(kept.view);
    },

    async getDirectoryStatuses({ page, vendorIds }, from) {
      const company = await companyOfPage(deps, page, from);
      if (!company.ok) return company;
      const statuses = await deps.directoryStatuses(company.value, vendorIds);
      if (!statuses.ok) await tracking.noteError(statuses.error);
      return statuses;
    },

    async send({ companyId, vendorId, origin, projectId }, from) {
      const fromPage = senderOrigin(from);
      const isPage = fromPage !== null && isProcoreOrigin(fromPage, sandboxUrl);
      // A content script may only send for its own origin; any sender only for a Procore origin (the link back).
      if (!isProcoreOrigin(origin, sandboxUrl) || (isPage && fromPage !== new URL(origin).origin)) {
        throw new MessageRejected('send', 'origin is not a Procore page');
      }
      const linkOrigin = new URL(origin).origin;
      await remember(deps, companyId, linkOrigin);
      const sent = await deps.sender.send({ companyId, vendorId, origin: linkOrigin });
      const page = pageOfAction({ companyId, vendorId, projectId });
      if (!sent.ok)
        return keptAs(deps, page, await viewAfterFailure(deps, { companyId, vendorId, projectId }, sent.error));
      return keptAs(deps, page, await vendors.view(companyId, vendorId, { refresh: false, projectId }));
    },

    async retrieve({ companyId, vendorId, requestId, projectId }) {
      const client = await api.current();
      if (!client.ok) return client;
      const page = pageOfAction({ companyId, vendorId, projectId });
      try {
        await tracking.record(companyId, [await client.value.retrieveRequest(companyId, requestId)]);
      } catch (err) {
        return keptAs(deps, page, await viewAfterFailure(deps, { companyId, vendorId, projectId }, toUserError(err)));
      }
      return keptAs(deps, page, await vendors.view(companyId, vendorId, { refresh: false, projectId }));
    },

    async watch({ companyId, vendorId }, from) {
      if (from.tab?.id !== undefined) await deps.watchers.watch(from.tab.id, companyId, vendorId);
    },

    async openOptions() {
      await browser.runtime.openOptionsPage();
    },
  };
}

/** What only the extension's own pages may ask. */
function extensionHandlers(deps: HandlerDeps): Omit<Handlers, PageRequestType> {
  return {
    async getQueue({ refresh, requests }) {
      if (refresh) await deps.poller.poll();
      const view: QueueAnswer = requests ? await deps.queueView() : { ...(await deps.queueState()), requests: null };
      // Told once: the popup that asked shows it, and keeps showing it while it is open.
      if (view.droppedForSpace) await deps.stored.poll.update((s) => ({ ...s, droppedForSpace: null }));
      return view;
    },

    async setQueueFilter({ whose }) {
      await deps.stored.queueFilter.set(whose);
    },

    planBulkResend: ({ vendors }) => deps.bulk.plan(vendors),
    startBulkResend: ({ id }) => deps.bulk.start(id),
    getBulkResend: () => deps.stored.bulkResend.get(),
    clearBulkResend: ({ id }) => deps.bulk.clear(id),

    async testConnection({ baseUrl, token }) {
      const client = await deps.api.forSettings(baseUrl, token);
      if (!client.ok) return client;
      try {
        return ok(await client.value.me());
      } catch (err) {
        return fail(toUserError(err));
      }
    },
  };
}

export const createHandlers = (deps: HandlerDeps): Handlers => ({ ...pageHandlers(deps), ...extensionHandlers(deps) });

export const guardContext = (sandboxUrl: string): GuardContext => ({
  extensionId: browser.runtime.id,
  extensionBaseUrl: browser.runtime.getURL('/'),
  sandboxUrl,
});

/** Every message: sender first, then the payload's shape, then the handler. */
export function dispatch(handlers: Handlers, guard: GuardContext) {
  return async <K extends RequestType>(type: K, data: unknown, sender: SenderInfo): Promise<Answer<K>> => {
    if (!isAllowed(type, sender, guard)) throw new MessageRejected(type, 'sender not allowed');
    const parsed = MESSAGES[type].input.safeParse(data);
    if (!parsed.success) throw new MessageRejected(type, 'invalid payload');
    return (handlers[type] as unknown as Handler<K>)(parsed.data as Payload<K>, sender);
  };
}
