/**
 * Starts the popup in a page: language, title, styles, and the timing marks the bench reads.
 *
 * Bench contract, as performance marks (milliseconds since the popup page started loading): `FIRST_SCREEN_MARK` when
 * the stored first screen has been read, `QUEUE_ASKED_MARK` when the whole list is asked for, `QUEUE_MARK` when it
 * has arrived. When the queue is painted comes from the browser itself: the section headings carry `elementtiming`
 * (see `QueueSection.tsx`).
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { loadFirstScreen } from './first-screen-reader';
import { t } from '@/lib/extension/i18n';
import { Popup } from './Popup';
import './popup.css';

export const FIRST_SCREEN_MARK = 'erp-popup-first-screen';
export const QUEUE_ASKED_MARK = 'erp-popup-queue-asked';
export const QUEUE_MARK = 'erp-popup-queue';

export function mountPopup(root: HTMLElement): void {
  // First, so that the storage answers while the rest of the page is set up.
  const firstScreen = loadFirstScreen();
  const locale = browser.i18n.getUILanguage();
  document.documentElement.lang = locale;
  document.title = t('extName');
  render(
    <Popup
      locale={locale}
      firstScreen={firstScreen}
      onFirstScreen={() => performance.mark(FIRST_SCREEN_MARK)}
      onQueueAsked={() => performance.mark(QUEUE_ASKED_MARK)}
      onFirstQueue={() => performance.mark(QUEUE_MARK)}
    />,
    root,
  );
}
