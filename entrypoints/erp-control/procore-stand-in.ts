/**
 * Hides Procore's own ERP control while the extension's stands in for it, and gives it back exactly as it was: the
 * element stays in the page, untouched but for its inline `display`, changed through the CSS object model (which a
 * page's Content-Security-Policy allows, unlike a written `style` attribute). The marker attribute keeps the page's
 * own inline display, so any copy of this script (one left by a reload, too) can put it back.
 */

/** Marks an element this extension hid; its value is the element's own inline display ('' for none). */
export const HIDDEN_ATTRIBUTE = 'data-erp-resend-hidden';

/** Shows an element this extension hid, with its own inline display back. */
export function showAsItWas(element: HTMLElement): void {
  const own = element.getAttribute(HIDDEN_ATTRIBUTE);
  if (own === null) return;
  element.style.display = own;
  // A style attribute that only this extension's display made is taken away with it.
  if (element.getAttribute('style')?.trim() === '') element.removeAttribute('style');
  element.removeAttribute(HIDDEN_ATTRIBUTE);
}

export interface ProcoreStandIn {
  /** The Procore control this stand-in last handled, hidden or not. */
  readonly block: HTMLElement | null;
  readonly hidden: boolean;
  /** Hides `block` when `hide`, else shows it as it was. */
  standIn(block: HTMLElement, hide: boolean): void;
  /** Shows the last block as it was, and forgets it. */
  restore(): void;
}

export function createProcoreStandIn(): ProcoreStandIn {
  let block: HTMLElement | null = null;
  const isHidden = () => block?.hasAttribute(HIDDEN_ATTRIBUTE) ?? false;

  return {
    get block() {
      return block;
    },
    get hidden() {
      return isHidden();
    },
    standIn(next, hide) {
      if (next !== block && block) showAsItWas(block);
      block = next;
      if (hide && !isHidden()) {
        next.setAttribute(HIDDEN_ATTRIBUTE, next.style.display);
        next.style.setProperty('display', 'none', 'important');
      } else if (!hide) showAsItWas(next);
    },
    restore() {
      if (block) showAsItWas(block);
      block = null;
    },
  };
}
