/**
 * The "?" beside a disabled send button and its tooltip listing every reason. The tooltip lives in the top layer
 * (popover) so no `overflow: hidden` ancestor clips it, and it flips and shifts to stay inside the viewport.
 * A class component (Preact's hooks module would cost a kB of the control's budget), its members `#private`, which
 * the minifier shortens.
 */
import { Component, createRef } from 'preact';
import { ReasonList } from '@/components/ReasonList';
import { t } from '@/lib/extension/i18n';
import type { Reason } from '@/lib/erp/why-unavailable';
import { tooltipPosition } from '@/components/tooltip-position';

/** Time to move the pointer from the "?" onto the tooltip (it stays open while hovered). */
const LEAVE_DELAY_MS = 150;

interface Props {
  id: string;
  reasons: Reason[];
}

export class HelpTip extends Component<Props, { open: boolean }> {
  override state = { open: false };
  #button = createRef<HTMLButtonElement>();
  #tip = createRef<HTMLDivElement>();
  #leaving: ReturnType<typeof setTimeout> | undefined;

  #show = () => {
    clearTimeout(this.#leaving);
    this.setState({ open: true });
  };

  #hide = () => {
    clearTimeout(this.#leaving);
    this.setState({ open: false });
  };

  #hideSoon = () => {
    clearTimeout(this.#leaving);
    this.#leaving = setTimeout(this.#hide, LEAVE_DELAY_MS);
  };

  /** Escape closes it wherever the focus is, as WCAG 1.4.13 asks of content shown on hover. */
  #onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') this.#hide();
  };

  #listen(on: boolean) {
    const method = on ? 'addEventListener' : 'removeEventListener';
    document[method]('keydown', this.#onKey as EventListener, true);
    // It is fixed in the top layer: it follows its button when anything scrolls or the window changes size.
    window[method]('scroll', this.#place, true);
    window[method]('resize', this.#place);
  }

  #place = () => {
    const anchor = this.#button.current;
    const floating = this.#tip.current;
    if (!anchor || !floating) return;
    const { x, y } = tooltipPosition(anchor.getBoundingClientRect(), floating.getBoundingClientRect(), {
      width: document.documentElement.clientWidth,
      height: document.documentElement.clientHeight,
    });
    floating.style.left = `${x}px`;
    floating.style.top = `${y}px`;
  };

  override componentDidUpdate(_: Props, previous: { open: boolean }) {
    const floating = this.#tip.current;
    const { open } = this.state;
    if (!floating || open === previous.open) {
      if (open) this.#place();
      return;
    }
    this.#listen(open);
    if (open) {
      floating.showPopover?.();
      this.#place();
    } else {
      floating.hidePopover?.();
    }
  }

  override componentWillUnmount() {
    clearTimeout(this.#leaving);
    this.#listen(false);
  }

  override render({ id, reasons }: Props) {
    // Hovering the tooltip (a descendant, though shown in the top layer) keeps it open.
    return (
      <span onMouseEnter={this.#show} onMouseLeave={this.#hideSoon}>
        <button
          ref={this.#button}
          type="button"
          class="help"
          aria-label={t('helpButton')}
          aria-describedby={id}
          onFocus={this.#show}
          onBlur={this.#hide}
        >
          ?
        </button>
        <div ref={this.#tip} id={id} role="tooltip" popover="manual" class="tip">
          <p>{t('reasonsHeading')}</p>
          <ReasonList reasons={reasons} />
        </div>
      </span>
    );
  }
}
