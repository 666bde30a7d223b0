/**
 * Starts the popup in a page: language, title, styles, and the timing marks the bench reads.
 *
 * Bench contract, as performance marks (milliseconds since the popup page started loading): `QUEUE_MARK` when the
 * background's saved statuses arrive, `RENDERED_MARK` when they are in the DOM, `FIRST_PAINT_MARK` after the next paint,
 * also written to `<html data-first-paint="ms">`. First paint minus the queue mark is the popup's own rendering cost.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { Popup } from './Popup';
import './popup.css';

export const QUEUE_MARK = 'erp-popup-queue';
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
  render(<Popup locale={locale} onFirstQueue={() => performance.mark(QUEUE_MARK)} onFirstRender={markFirstPaint} />, root);
}
