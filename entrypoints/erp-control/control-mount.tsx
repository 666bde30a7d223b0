/**
 * The control in the page: its shadow host, made once on the first vendor edit page, kept before the form's Save
 * button by `placement.ts`, styled like the button beside Save, and rendering the current page session.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { neighbourButton } from '@/lib/procore/selectors';
import { ErpControl } from './control/ErpControl';
import css from './control/control.css?inline';
import { copyButtonLook } from './native-look';
import type { PageSession } from './page-session';
import { createPlacement, type Placement } from './placement';
import { createShadowHost } from './shadow-host';

export interface ControlMount {
  /** The Save button the control stands before, while it does. */
  readonly anchor: HTMLElement | null;
  /** Renders this session's control (remounted, by key, for another vendor). */
  show(session: PageSession): void;
  /** Puts the control back before Save if the page moved or dropped it; true when it mounted. */
  sync(): boolean;
  remove(): void;
}

export function createControlMount(ctx: ContentScriptContext): ControlMount {
  let placement: Placement | null = null;
  let container: HTMLElement | null = null;
  let current: PageSession | null = null;

  const renderControl = () => {
    if (container?.isConnected && current)
      render(<ErpControl key={JSON.stringify(current.page)} session={current} />, container);
  };

  /** The host is made once, on the first vendor edit page, and then mounted and removed synchronously. */
  const ensurePlacement = (): Placement => {
    if (placement) return placement;
    const shadow = createShadowHost(ctx, css);
    container = shadow.container;
    placement = createPlacement(document, {
      element: shadow.host,
      mount: (anchor) => {
        anchor.before(shadow.host);
        copyButtonLook(shadow.host, neighbourButton(anchor));
        renderControl();
      },
      remove: () => {
        render(null, shadow.container);
        shadow.host.remove();
      },
    });
    return placement;
  };

  return {
    get anchor() {
      return placement?.anchor ?? null;
    },
    show(session) {
      current = session;
      ensurePlacement();
      renderControl();
    },
    sync: () => placement?.sync() ?? false,
    remove() {
      current = null;
      placement?.remove();
    },
  };
}
