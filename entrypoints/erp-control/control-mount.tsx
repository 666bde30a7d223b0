/**
 * The control in the page: its shadow host, made once on the first vendor edit page, kept in Procore's ERP control's
 * place or before the form's Save button by `placement.ts`, styled like the button it stands in for or beside, and
 * rendering the current page session. Procore's own control is hidden only while the session can act.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ErpControl } from './control/ErpControl';
import { notConnected } from './control/control-model';
import tones from '@/components/status-tones.css?inline';
import css from './control/control.css?inline';
import { copyButtonLook } from './native-look';
import type { PageSession } from './page-session';
import { createPlacement, type Placement } from './placement';
import { createShadowHost } from './shadow-host';

export interface ControlMount {
  /** What the control stands before (Procore's ERP control, or Save), while it does. */
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
  let unsubscribe: (() => void) | null = null;

  // The extension reloaded, updated or disabled: the control goes, and Procore's own comes back as it was.
  ctx.onInvalidated(() => {
    unsubscribe?.();
    placement?.remove();
  });

  const renderControl = () => {
    if (container?.isConnected && current)
      render(<ErpControl key={JSON.stringify(current.page)} session={current} />, container);
  };

  /** The host is made once, on the first vendor edit page, and then mounted and removed synchronously. */
  const ensurePlacement = (): Placement => {
    if (placement) return placement;
    const shadow = createShadowHost(ctx, tones + css);
    container = shadow.container;
    placement = createPlacement(
      document,
      {
        element: shadow.host,
        mount: (anchor, look) => {
          anchor.before(shadow.host);
          copyButtonLook(shadow.host, look);
          renderControl();
        },
        remove: () => {
          render(null, shadow.container);
          shadow.host.remove();
        },
      },
      () => current !== null && !notConnected(current.state),
    );
    return placement;
  };

  return {
    get anchor() {
      return placement?.anchor ?? null;
    },
    show(session) {
      current = session;
      unsubscribe?.();
      // Connected or not decides whether Procore's own control is in sight: placed again when that changes, not on
      // every keystroke's state.
      let connected = !notConnected(session.state);
      unsubscribe = session.subscribe((state) => {
        if (connected === !notConnected(state)) return;
        connected = !connected;
        placement?.sync();
      });
      ensurePlacement();
      renderControl();
    },
    sync: () => placement?.sync() ?? false,
    remove() {
      unsubscribe?.();
      unsubscribe = null;
      current = null;
      placement?.remove();
    },
  };
}
