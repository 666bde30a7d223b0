/**
 * One vendor edit page's state: what the background says about the vendor, what the form shows, and the admin's
 * actions. A new session per page; a disposed session ignores late answers, so a navigation never shows the
 * previous vendor. Closures rather than classes: their private names then minify, which the content script's budget
 * needs.
 */
import { orNoAnswer, type Result } from '@/lib/contract/errors';
import type { Answer, PageRequestType, Payload, VendorIds, VendorView } from '@/lib/contract/messages';
import type { Action } from '@/lib/erp/status';
import { serverReasons } from '@/lib/erp/why-unavailable';
import type { FormValues } from '@/lib/procore/form-reader';
import type { PageRef } from '@/lib/procore/page-url';
import { controlModel, INITIAL_STATE, type ControlSession, type ControlState } from './control/control-model';

/** Asks the background (`lib/contract/page-messaging.ts`); injected so tests can stand in for it. */
export type AskBackground = <K extends PageRequestType>(type: K, data: Payload<K>) => Promise<Answer<K>>;

/** After the page's own Save, the refetches wait 250 ms, then twice as long each time, up to 4 s (about 8 s in all). */
export const FIRST_REFETCH_MS = 250;
export const LAST_REFETCH_MS = 4000;
/** How long a button that changed its action ignores clicks. */
export const SETTLE_MS = 400;

export interface PageSession extends ControlSession {
  readonly page: PageRef;
  /**
   * The background says this vendor's record changed elsewhere (another tab, the popup, a poll): read it again if it
   * is this page's. The company's settings and the admin's permission did not change with it: they are not refetched.
   */
  changedElsewhere(ids: VendorIds): void;
  /** Ask the background for the vendor; only the newest of overlapping loads is shown. */
  load(refresh: boolean): Promise<VendorView | null>;
  readForm(form: FormValues): void;
  /** The page saved the form: refetch with backoff until the saved vendor shows a new `updated_at`. */
  afterPageSave(): Promise<void>;
  dispose(): void;
}

type Update = (patch: Partial<ControlState>) => void;

/** The state and its subscribers. A button that just changed its action is held (`settling`) for a moment. */
function sessionState(session: { state: ControlState }, isDisposed: () => boolean) {
  const listeners = new Set<(state: ControlState) => void>();
  let shown: Action | null = null;
  const update: Update = (patch) => {
    if (isDisposed()) return;
    session.state = { ...session.state, ...patch };
    // The button just turned into another action (Send → Retrieve after a send or another tab's push): a click
    // already on its way, such as a double click's second, must not act on the new one. Hold it briefly.
    const action = controlModel(session.state)?.action ?? null;
    if (shown && action && action !== shown) {
      session.state = { ...session.state, settling: true };
      setTimeout(() => update({ settling: false }), SETTLE_MS);
    }
    shown = action;
    for (const listener of listeners) listener(session.state);
  };
  return { listeners, update };
}

/**
 * Send, re-send or retrieve, only for a trusted click or key press of the admin, once at a time, and never while
 * the reasons say sending is unavailable. A 409 answers with the real state and a notice saying why.
 */
function actions(session: PageSession, ask: AskBackground, update: Update, origin: string) {
  return async (action: Action, trusted: boolean): Promise<void> => {
    const { view, busy, settling } = session.state;
    if (!trusted || busy || settling || !view) return;
    if (action !== 'retrieve' && controlModel(session.state)?.disabled) return;
    update({ busy: action === 'retrieve' ? 'retrieve' : 'send', error: null, failed: null });
    const { page } = session;
    const ids = {
      companyId: view.companyId,
      vendorId: view.vendorId,
      ...(page.level === 'project' ? { projectId: page.projectId } : {}),
    };
    const requestId = view.latest?.id;
    const result: Result<VendorView> = await orNoAnswer(
      action === 'retrieve' && requestId !== undefined
        ? ask('retrieve', { ...ids, requestId })
        : ask('send', { ...ids, origin }),
    );
    if (result.ok) {
      update({ view: result.value, busy: null, serverReasons: [], error: result.value.notice ?? null });
      return;
    }
    const { error } = result;
    update({
      busy: null,
      error,
      failed: action,
      serverReasons: error.kind === 'validation' ? serverReasons(error) : [],
    });
    // 409: someone else changed it (another tab, the approver); show the real state.
    if (error.kind === 'conflict') await session.load(true);
  };
}

/** After the page's own Save: refetch until the saved vendor changed; the server's 422 was about the record before. */
function refetchAfterSave(
  session: PageSession,
  update: Update,
  sleep: (ms: number) => Promise<void>,
  isDisposed: () => boolean,
) {
  let refetching = false;
  return async (): Promise<void> => {
    // The Save click and the form's submit both report one save.
    if (refetching) return;
    refetching = true;
    const before = session.state.view?.vendor.updated_at;
    try {
      for (let delay = FIRST_REFETCH_MS; delay <= LAST_REFETCH_MS; delay *= 2) {
        await sleep(delay);
        if (isDisposed()) return;
        const view = await session.load(true);
        if (view && view.vendor.updated_at !== before) {
          const { error } = session.state;
          update(
            error?.kind === 'validation' ? { serverReasons: [], error: null, failed: null } : { serverReasons: [] },
          );
          return;
        }
      }
    } finally {
      refetching = false;
    }
  };
}

/** `origin` is the Procore origin the page is on, for the link back in notifications. */
export function createPageSession(
  page: PageRef,
  ask: AskBackground,
  sleep: (ms: number) => Promise<void>,
  origin: string,
): PageSession {
  let disposed = false;
  let watching = false;
  let loads = 0;
  const isDisposed = () => disposed;

  const load = async (refresh: boolean): Promise<VendorView | null> => {
    const current = ++loads;
    const result = await orNoAnswer(ask('getVendor', { page, refresh }));
    if (disposed || current !== loads) return null;
    if (!result.ok) {
      update({ error: result.error, failed: 'load' });
      return null;
    }
    const view = result.value;
    update(session.state.failed === 'load' ? { view, error: null, failed: null } : { view });
    if (!watching) {
      watching = true;
      ask('watch', { companyId: view.companyId, vendorId: view.vendorId }).catch(() => (watching = false));
    }
    return view;
  };

  const session = { page, state: INITIAL_STATE } as PageSession;
  const { listeners, update } = sessionState(session, isDisposed);
  const act = actions(session, ask, update, origin);
  return Object.assign(session, {
    subscribe(listener: (state: ControlState) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    changedElsewhere({ companyId, vendorId }: VendorIds) {
      const { view } = session.state;
      if (view?.companyId === companyId && view.vendorId === vendorId) void load(false);
    },
    load,
    readForm(form: FormValues) {
      // Fields are read in page order, so equal forms serialize equally.
      if (JSON.stringify(form) !== JSON.stringify(session.state.form)) update({ form });
    },
    act,
    /** "Try again" repeats what failed. */
    retry(trusted: boolean) {
      const { failed } = session.state;
      return failed === 'load' ? load(true) : failed ? act(failed, trusted) : Promise.resolve();
    },
    afterPageSave: refetchAfterSave(session, update, sleep, isDisposed),
    openOptions: () => void ask('openOptions', {}).catch(() => update({ error: { kind: 'no_answer' } })),
    dispose() {
      disposed = true;
      listeners.clear();
    },
  });
}
