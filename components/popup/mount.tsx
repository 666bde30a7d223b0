/**
 * Starts the popup in a page: language, title, styles, and the timing marks the bench reads.
 *
 * Bench contract: after the first queue (saved statuses) is rendered (`RENDERED_MARK`), the next paint is marked as the
 * performance entry `FIRST_PAINT_MARK` and `<html data-first-paint="ms">` (milliseconds since the popup page started
 * loading, so it includes the background's answer to `getQueue`).
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { Popup } from './Popup';
import './popup.css';

export const FIRST_PAINT_MARK = 'erp-popup-first-paint';
/** The first queue is in the DOM (before layout and paint). */
export const RENDERED_MARK = 'erp-popup-rendered';

/** A task queued from an animation frame runs just after that frame is painted. */
function afterNextPaint(callback: () => void): void {
  requestAnimationFrame(() => setTimeout(callback, 0));
}

function markFirstPaint(): void {
  performance.mark(RENDERED_MARK);
  afterNextPaint(() => {
    const mark = performance.mark(FIRST_PAINT_MARK);
    document.documentElement.dataset.firstPaint = String(Math.round(mark.startTime));
  });
}

export function mountPopup(root: HTMLElement): void {
  const locale = browser.i18n.getUILanguage();
  document.documentElement.lang = locale;
  document.title = t('extName');
  render(<Popup locale={locale} onFirstRender={markFirstPaint} />, root);
}
