/**
 * Keeps exactly one control in the vendor form, whatever the page does. Where Procore's own ERP control is there, the
 * extension's stands in its place and Procore's is hidden (not removed) while the extension can act, and shown again
 * as it was when it cannot or when the control goes; elsewhere the control stands right before Save. It appears when
 * Save appears, comes back once when a re-render drops it, moves when its place is replaced, and goes when Save goes.
 */
import {
  CONTROL_TAG,
  findProcoreErpControl,
  findSaveButton,
  neighbourButton,
  type ProcoreErpControl,
} from '@/lib/procore/selectors';
import { createProcoreStandIn, HIDDEN_ATTRIBUTE, showAsItWas } from './procore-stand-in';

/** The control's shadow host (`shadow-host.ts`), mounted and removed by its owner (`control-mount.tsx`). */
export interface ControlHost {
  readonly element: HTMLElement;
  /** Mounts the host right before `anchor`, looking like `look` (the button it stands beside or in for). */
  mount(anchor: HTMLElement, look: HTMLElement): void;
  remove(): void;
}

export interface Placement {
  /** What the control is mounted before (Procore's ERP control, or Save), while it is. */
  readonly anchor: HTMLElement | null;
  /** Cheap when nothing moved (the common case on every DOM mutation). Returns true when it mounted. */
  sync(): boolean;
  remove(): void;
}

/** Said once per text: a Procore ERP button in a language this extension does not read. */
const saidUnreadable = new Set<string>();

function sayUnreadable(native: ProcoreErpControl): void {
  if (saidUnreadable.has(native.text)) return;
  saidUnreadable.add(native.text);
  console.info(`ERP Resend: left Procore's own ERP button "${native.text}" alone: not English or Spanish.`);
}

/**
 * `standsIn`: whether the extension can act now (set up and connected); when it cannot, Procore's own control stays
 * in sight and works as before.
 */
export function createPlacement(doc: Document, host: ControlHost, standsIn: () => boolean = () => true): Placement {
  let anchor: HTMLElement | null = null;
  const procore = createProcoreStandIn();

  /** Procore's control in Save's form, when it is one this extension reads. */
  const readable = (save: HTMLElement): ProcoreErpControl | null => {
    const native = findProcoreErpControl(save);
    if (native && !native.recognised) sayUnreadable(native);
    return native?.recognised ? native : null;
  };

  // Kept while the control still sits right before what it was put before (even if Save's text changes for a moment,
  // "Saving…"), Procore's control is hidden exactly while the extension can act, and no Procore control has appeared
  // since beside Save.
  const placed = () => {
    if (anchor === null || !anchor.isConnected || host.element.nextElementSibling !== anchor) return false;
    if (anchor === procore.block) return procore.hidden === standsIn();
    return readable(anchor) === null;
  };

  const remove = () => {
    anchor = null;
    procore.restore();
    if (host.element.isConnected) host.remove();
  };

  return {
    get anchor() {
      return anchor;
    },
    remove,
    sync() {
      if (placed()) return false;
      const save = findSaveButton(doc);
      if (!save) {
        remove();
        return false;
      }
      const native = readable(save);
      if (native?.block !== procore.block) procore.restore();
      anchor = native?.block ?? save;
      const look = native?.button ?? neighbourButton(save);
      if (!placed()) {
        // A control left by an older copy of this script (the extension was reloaded) is not ours to keep, nor is
        // a Procore control it hid.
        for (const stale of Array.from(doc.querySelectorAll(CONTROL_TAG))) {
          if (stale !== host.element) stale.remove();
        }
        for (const hidden of Array.from(doc.querySelectorAll<HTMLElement>(`[${HIDDEN_ATTRIBUTE}]`))) {
          if (hidden !== procore.block) showAsItWas(hidden);
        }
        if (host.element.isConnected) host.remove();
        // The look is read before Procore's control is hidden: a hidden button has no size to copy.
        host.mount(anchor, look);
      }
      if (native) procore.standIn(native.block, standsIn());
      return true;
    },
  };
}
