/** What the in-page control shows, derived from what it knows: pure, so the wording and the enabling are unit-tested. */
import type { ErpRequest } from '@/lib/contract/api-bodies';
import type { UserError } from '@/lib/contract/errors';
import type { VendorView } from '@/lib/contract/messages';
import { actionFor, STATUS_TONE, type Action, type StatusTone } from '@/lib/erp/status';
import { computeReasons, type Reason } from '@/lib/erp/why-unavailable';
import { hasUnsavedChanges, type FormValues } from '@/lib/procore/form-reader';

export type Busy = 'send' | 'retrieve' | null;

export interface ControlState {
  /** null until the background first answers. */
  view: VendorView | null;
  /** The last failure (loading, sending or retrieving), shown with "Try again". */
  error: UserError | null;
  /** What the failed step was, so "Try again" repeats it. */
  failed: 'load' | Action | null;
  /** What the vendor form shows now. */
  form: FormValues;
  busy: Busy;
  /** The action button changed a moment ago and ignores clicks (`aria-disabled`) until the admin has seen it. */
  settling: boolean;
  /** The server's 422 field errors from the last send, shown with the other reasons until the next send. */
  serverReasons: Reason[];
}

/** What the control's view needs from its page session (`page-session.ts`). */
export interface ControlSession {
  state: ControlState;
  subscribe(listener: (state: ControlState) => void): () => void;
  act(action: Action, trusted: boolean): Promise<void>;
  retry(trusted: boolean): Promise<unknown>;
  /** Opens the extension's options page (a content script cannot; the background does). */
  openOptions(): void;
}

/** Failures that only the options page can fix: the extension cannot act, so Procore's own ERP control stays in sight. */
const NOT_CONNECTED: ReadonlySet<string> = new Set(['not_configured', 'no_permission', 'auth']);

export const notConnected = (state: Pick<ControlState, 'error'>): boolean =>
  state.error !== null && NOT_CONNECTED.has(state.error.kind);

/** Never mutated: every change makes a new state. */
export const INITIAL_STATE: ControlState = {
  view: null,
  error: null,
  failed: null,
  form: {},
  busy: null,
  settling: false,
  serverReasons: [],
};

export interface ControlModel {
  action: Action | null;
  /** Every reason sending is unavailable; only for Send and Re-send. */
  reasons: Reason[];
  disabled: boolean;
  tone: StatusTone | 'none';
  latest: ErpRequest | null;
  /** The vendor's ERP vendor ID once linked (`origin_code`). */
  erpVendorId: string | null;
}

export function controlModel(state: ControlState): ControlModel | null {
  const { view } = state;
  if (!view) return null;
  const latest = view.latest;
  const synced = view.vendor.synced_to_erp;
  const action = actionFor(latest?.status ?? null, synced);
  const sending = action === 'send' || action === 'resend';
  const reasons = sending
    ? [
        ...computeReasons({
          vendor: view.vendor,
          form: state.form,
          settings: view.settings,
          permission: view.permission,
          dirty: hasUnsavedChanges(state.form, view.vendor),
        }),
        ...state.serverReasons,
      ]
    : [];
  const tone = synced ? 'synced' : latest ? STATUS_TONE[latest.status] : 'none';
  return { action, reasons, disabled: reasons.length > 0, tone, latest, erpVendorId: view.vendor.origin_code };
}
