/**
 * One vendor edit page's state: what the background says about the vendor, what the form shows, and the admin's
 * actions. A new session per page; a disposed session ignores late answers, so a navigation never shows the
 * previous vendor.
 */
import { controlModel, INITIAL_STATE, serverReasons, type ControlState, type ControlStore } from '@/entrypoints/erp.content/control/control-model';
import type { Result } from '@/lib/contract/errors';
import type { FormValues } from '@/lib/procore/form-reader';
import type { RetrieveInput, SendInput, VendorView } from '@/lib/contract/messages';
import type { PageRef } from '@/lib/procore/page-url';
import type { Action } from '@/lib/erp/status';

/** The background's answers the page needs (`lib/messaging.ts`), injected so tests can stand in for them. */
export interface ControlApi {
  getVendor(page: PageRef, refresh: boolean): Promise<Result<VendorView>>;
  send(input: SendInput): Promise<Result<VendorView>>;
  retrieve(input: RetrieveInput): Promise<Result<VendorView>>;
  watch(ids: { companyId: number; vendorId: number }): Promise<void>;
}

/** After the page's own Save, the refetches wait 250 ms, then twice as long each time, up to 4 s (about 8 s in all). */
export const FIRST_REFETCH_MS = 250;
export const LAST_REFETCH_MS = 4000;
/** How long a button that changed its action ignores clicks. */
export const SETTLE_MS = 400;

async function answer<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch {
    // A message that never reached the background (extension reloaded, worker crashed) reads as a service failure.
    return { ok: false, error: { kind: 'server' } };
  }
}

export interface VendorSession extends ControlStore {
  readonly page: PageRef;
  /**
   * The background says this vendor's record changed elsewhere (another tab, the popup, a poll): read it again if it
   * is this page's. The company's settings and the admin's permission did not change with it: they are not refetched.
   */
  changedElsewhere(ids: { companyId: number; vendorId: number }): void;
  /** Ask the background for the vendor; only the newest of overlapping loads is shown. */
  load(refresh: boolean): Promise<VendorView | null>;
  readForm(form: FormValues): void;
  /** The page saved the form: refetch with backoff until the saved vendor shows a new `updated_at`. */
  afterPageSave(): Promise<void>;
  dispose(): void;
}

/**
 * A closure rather than a class: its private names then minify, which the content script's 15 kB budget needs.
 * `origin` is the Procore origin the page is on, for the link back in notifications.
 */
export function createVendorSession(
  page: PageRef,
  api: ControlApi,
  sleep: (ms: number) => Promise<void>,
  origin: string,
): VendorSession {
  const listeners = new Set<(state: ControlState) => void>();
  let disposed = false;
  let watching = false;
  let loads = 0;
  let refetchingAfterSave = false;
  let shown: Action | null = null;

  const update = (patch: Partial<ControlState>) => {
    if (disposed) return;
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

  const load = async (refresh: boolean): Promise<VendorView | null> => {
    const current = ++loads;
    const result = await answer(() => api.getVendor(page, refresh));
    if (disposed || current !== loads) return null;
    if (!result.ok) {
      update({ error: result.error, failed: 'load' });
      return null;
    }
    const view = result.value;
    update(session.state.failed === 'load' ? { view, error: null, failed: null } : { view });
    if (!watching) {
      watching = true;
      api.watch({ companyId: view.companyId, vendorId: view.vendorId }).catch(() => (watching = false));
    }
    return view;
  };

  /**
   * Send, re-send or retrieve, only for a trusted click or key press of the admin, once at a time, and never while
   * the reasons say sending is unavailable.
   */
  const act = async (action: Action, trusted: boolean): Promise<void> => {
    const { view, busy, settling } = session.state;
    if (!trusted || busy || settling || !view) return;
    if (action !== 'retrieve' && controlModel(session.state)?.disabled) return;
    update({ busy: action === 'retrieve' ? 'retrieve' : 'send', error: null, failed: null });
    const ids = { companyId: view.companyId, vendorId: view.vendorId };
    const requestId = view.latest?.id;
    const result = await answer(() =>
      action === 'retrieve' && requestId !== undefined
        ? api.retrieve({ ...ids, requestId })
        : api.send({ ...ids, origin }),
    );
    if (result.ok) {
      // A 409 answers with the real state and a notice saying why it is not what was asked.
      update({ view: result.value, busy: null, serverReasons: [], error: result.value.notice ?? null });
      return;
    }
    const { error } = result;
    update({ busy: null, error, failed: action, serverReasons: error.kind === 'validation' ? serverReasons(error) : [] });
    // 409: someone else changed it (another tab, the approver); show the real state.
    if (error.kind === 'conflict') await load(true);
  };

  const session: VendorSession = {
    page,
    state: INITIAL_STATE,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    changedElsewhere({ companyId, vendorId }) {
      const { view } = session.state;
      if (view?.companyId === companyId && view.vendorId === vendorId) void load(false);
    },
    load,
    readForm(form) {
      // Fields are read in page order, so equal forms serialize equally.
      if (JSON.stringify(form) !== JSON.stringify(session.state.form)) update({ form });
    },
    act,
    /** "Try again" repeats what failed. */
    retry(trusted) {
      const { failed } = session.state;
      return failed === 'load' ? load(true) : failed ? act(failed, trusted) : Promise.resolve();
    },
    async afterPageSave() {
      // The Save click and the form's submit both report one save.
      if (refetchingAfterSave) return;
      refetchingAfterSave = true;
      const before = session.state.view?.vendor.updated_at;
      try {
        for (let delay = FIRST_REFETCH_MS; delay <= LAST_REFETCH_MS; delay *= 2) {
          await sleep(delay);
          if (disposed) return;
          const view = await load(true);
          if (view && view.vendor.updated_at !== before) {
            // The server's 422 was about the record before this save.
            const { error } = session.state;
            update(error?.kind === 'validation' ? { serverReasons: [], error: null, failed: null } : { serverReasons: [] });
            return;
          }
        }
      } finally {
        refetchingAfterSave = false;
      }
    },
    dispose() {
      disposed = true;
      listeners.clear();
    },
  };
  return session;
}
