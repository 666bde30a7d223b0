/**
 * Keeps exactly one control right before the vendor form's Save button, whatever the page does: it appears when Save
 * appears, comes back once when a re-render drops it, moves when Save is replaced, and goes when Save goes.
 */
import { CONTROL_TAG, findSaveButton } from '@/lib/procore/selectors';

/** The control's shadow host (`shadow-host.ts`), mounted and removed by its owner (`control-mount.tsx`). */
export interface ControlHost {
  readonly element: HTMLElement;
  mount(anchor: HTMLElement): void;
  remove(): void;
}

export interface Placement {
  /** The Save button the control is mounted before, while it is. */
  readonly anchor: HTMLElement | null;
  /** Cheap when nothing moved (the common case on every DOM mutation). Returns true when it mounted. */
  sync(): boolean;
  remove(): void;
}

export function createPlacement(doc: Document, host: ControlHost): Placement {
  let anchor: HTMLElement | null = null;

  // Kept while the control still sits right before the button it was put before, even if the button's text changes
  // for a moment ("Saving…").
  const placed = () => anchor !== null && anchor.isConnected && host.element.nextElementSibling === anchor;

  const remove = () => {
    anchor = null;
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
      anchor = save;
      if (placed()) return false;
      // A control left by an older copy of this script (the extension was reloaded) is not ours to keep.
      for (const stale of Array.from(doc.querySelectorAll(CONTROL_TAG))) {
        if (stale !== host.element) stale.remove();
      }
      if (host.element.isConnected) host.remove();
      host.mount(save);
      return true;
    },
  };
}
