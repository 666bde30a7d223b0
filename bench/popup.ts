/**
 * The popup's first paint, opened as the toolbar button opens it (`action.openPopup`), timed from inside it: beside a
 * blank popup, one with a one-line script, and the popup's own first screen saved as a page with no script (the floor
 * for its content), for each number of tracked requests.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExtensionBrowser } from '../scripts/extension-browser';
import { STORED } from '../lib/extension/storage-items';
import { writeStoredItems } from '../scripts/extension-storage';
import { trackedMap } from './tracked-seed';

export const POPUP_RUNS = 20;

/** A popup page with one heading and no script, added to the bench build only: what any popup costs here. */
export const BLANK_PAGE = 'bench-blank.html';
export const BLANK_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body><h1>ERP Resend</h1></body></html>';
/** The same page with a one-line module script, as every popup built by Vite has: the floor under a popup with a script. */
const SCRIPTED_PAGE = 'bench-scripted.html';
export const SCRIPTED_FILES: Record<string, string> = {
  [SCRIPTED_PAGE]: BLANK_HTML.replace('</head>', '<script type="module" src="/bench-scripted.js"></script></head>'),
  'bench-scripted.js': "document.querySelector('h1').textContent = 'ERP Resend for Procore';",
};

/**
 * ERP Resend's first screen as the popup painted it, saved as a page with the popup's styles and no script: what the
 * browser alone needs to paint this content in a popup, the floor under ERP Resend's own figure.
 */
const STATIC_PAGE = 'bench-static.html';

/** One opening of the real popup (the toolbar button's window), timed from inside it. */
export interface PopupOpening {
  /** The browser's first paint of the window. */
  firstPaint: number;
  /** Its script has run (DOMContentLoaded ended). */
  ready: number;
  /** The stored first screen was read (ERP Resend's popup only). */
  firstScreen: number;
  /** The first paint with the queue in it: its first section heading's Element Timing entry (pages that have one). */
  queuePaint: number;
  /** The whole list was asked for (once the first screen was painted). */
  queueAsked: number;
  /** The whole list has arrived: the worker's answer, and the requests read from storage or sent by the worker. */
  wholeQueue: number;
  items: number;
}

/**
 * Installed in the bench's extension page by `popupFirstPaint`: opens the action's popup showing `path`, as the
 * toolbar button does (`action.openPopup`), once no other popup is open, and resolves with its window when `ready`.
 */
async function openPopupView(
  path: string,
  ready: (view: Window & typeof globalThis) => boolean,
): Promise<Window & typeof globalThis> {
  const api = (globalThis as unknown as { chrome: BenchChrome }).chrome;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  while (api.extension.getViews({ type: 'popup' }).length > 0) await sleep(10);
  await api.action.setPopup({ popup: path });
  await api.action.openPopup();
  const started = Date.now();
  for (;;) {
    const view = api.extension.getViews({ type: 'popup' })[0];
    if (view && ready(view)) return view;
    if (Date.now() - started > 10_000) throw new Error(`the popup ${path} did not paint`);
    await sleep(10);
  }
}

interface BenchPage {
  openPopupView: typeof openPopupView;
}

/**
 * Runs in an extension page: opens the action's popup showing `path`, as the toolbar button does
 * (`action.openPopup`), waits until it has painted (and, for ERP Resend's popup, received the worker's whole list),
 * reads its timings from its own window, and closes it.
 */
async function openAndTimePopup(path: string): Promise<PopupOpening> {
  const ours = path === 'popup.html';
  const popup = await (globalThis as unknown as BenchPage).openPopupView(
    path,
    (view) =>
      view.performance.getEntriesByName('first-paint').length > 0 &&
      (!ours || view.performance.getEntriesByName('erp-popup-queue').length > 0),
  );
  const mark = (name: string) => popup.performance.getEntriesByName(name)[0]?.startTime ?? NaN;
  const queuePaint = popup.document.querySelector('[elementtiming]')
    ? await new Promise<number>((resolve) => {
        new popup.PerformanceObserver((list, observer) => {
          const times = list
            .getEntries()
            .map((entry) => (entry as PerformanceEntry & { renderTime: number }).renderTime);
          if (times.length === 0) return;
          observer.disconnect();
          resolve(Math.min(...times));
        }).observe({ type: 'element', buffered: true });
      })
    : NaN;
  const navigation = popup.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  const opening = {
    firstPaint: mark('first-paint'),
    ready: navigation.domContentLoadedEventEnd,
    firstScreen: mark('erp-popup-first-screen'),
    queuePaint,
    queueAsked: mark('erp-popup-queue-asked'),
    wholeQueue: mark('erp-popup-queue'),
    items: popup.document.querySelectorAll('li').length,
  };
  popup.close();
  return opening;
}

/**
 * Runs in an extension page: opens ERP Resend's popup and copies its content the moment its first screen is painted
 * (the worker's whole list is asked for only after that paint), with its style sheets, as a page of its own.
 */
async function copyFirstScreen(): Promise<{ html: string; items: number }> {
  const popup = await (globalThis as unknown as BenchPage).openPopupView(
    'popup.html',
    (view) => view.document.querySelector('[elementtiming]') !== null,
  );
  await new Promise((resolve) => new popup.PerformanceObserver(resolve).observe({ type: 'element', buffered: true }));
  const { document } = popup;
  const styles = [...document.querySelectorAll('link[rel=stylesheet]')].map((link) => link.outerHTML).join('');
  const copy = {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>static</title>${styles}</head><body>${document.body.innerHTML}</body></html>`,
    items: document.querySelectorAll('li').length,
  };
  popup.close();
  return copy;
}

interface BenchChrome {
  action: { setPopup(details: { popup: string }): Promise<void>; openPopup(): Promise<void> };
  extension: { getViews(filter: { type: 'popup' }): (Window & typeof globalThis)[] };
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>> };
  };
}

/**
 * Stores `count` tracked requests and restarts the worker, which then saves the popup's first screen for them;
 * resolves once it has.
 */
export async function seedTracked(ext: ExtensionBrowser, origin: string, count: number): Promise<void> {
  // Evaluated in the worker: each function names the worker's `chrome` itself.
  const firstScreen = async () =>
    JSON.stringify(
      await (
        await ext.serviceWorker()
      ).evaluate(() => (globalThis as unknown as { chrome: BenchChrome }).chrome.storage.local.get('firstScreen')),
    );
  const before = await firstScreen();
  await writeStoredItems(ext, [[STORED.tracked, trackedMap(count, origin)]]);
  await ext.stopServiceWorker();
  const deadline = Date.now() + 30_000;
  while ((await firstScreen()) === before) {
    if (Date.now() > deadline) throw new Error(`the worker did not save the first screen for ${count} requests`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

export interface PopupRuns {
  blank: PopupOpening[];
  scripted: PopupOpening[];
  /** By the number of tracked requests. */
  popup: Map<number, PopupOpening[]>;
  /** `STATIC_PAGE`, copied from the popup, by the number of tracked requests. */
  static: Map<number, PopupOpening[]>;
  /** ERP Resend's popup opened with the worker stopped, `COLD_POPUP_SIZE` requests tracked. */
  cold: PopupOpening[];
}

/** The queue size of the openings with the worker stopped. */
export const COLD_POPUP_SIZE = 1000;

/**
 * Opens a blank popup, a scripted one, ERP Resend's and its first screen copied as a page with no script, in turn,
 * `POPUP_RUNS` times for each queue size; then, for `COLD_POPUP_SIZE`, ERP Resend's `POPUP_RUNS` times more with the
 * worker stopped before each. `dir` is the loaded extension's folder, where the copy is written.
 */
export async function popupFirstPaint(
  ext: ExtensionBrowser,
  dir: string,
  origin: string,
  sizes: number[],
): Promise<PopupRuns> {
  const driver = await ext.context.newPage();
  await driver.goto(ext.extensionUrl(BLANK_PAGE));
  // tsx (esbuild, keepNames) wraps inner functions in `__name(…)`; the page has no such helper, so give it one.
  await driver.evaluate(`var __name = (fn) => fn; globalThis.openPopupView = ${openPopupView.toString()};`);
  const runs: PopupRuns = { blank: [], scripted: [], popup: new Map(), static: new Map(), cold: [] };
  for (const size of sizes) {
    await seedTracked(ext, origin, size);
    const copy = await driver.evaluate(copyFirstScreen);
    if (copy.items === 0) throw new Error('the copied first screen has no items');
    await writeFile(join(dir, STATIC_PAGE), copy.html);
    const openings: PopupOpening[] = [];
    const statics: PopupOpening[] = [];
    for (let run = 0; run < POPUP_RUNS; run += 1) {
      runs.blank.push(await driver.evaluate(openAndTimePopup, BLANK_PAGE));
      runs.scripted.push(await driver.evaluate(openAndTimePopup, SCRIPTED_PAGE));
      statics.push(await driver.evaluate(openAndTimePopup, STATIC_PAGE));
      const opening = await driver.evaluate(openAndTimePopup, 'popup.html');
      if (opening.items === 0) throw new Error('the popup painted no items');
      openings.push(opening);
    }
    runs.popup.set(size, openings);
    runs.static.set(size, statics);
    if (size !== COLD_POPUP_SIZE) continue;
    for (let run = 0; run < POPUP_RUNS; run += 1) {
      await ext.stopServiceWorker();
      runs.cold.push(await driver.evaluate(openAndTimePopup, 'popup.html'));
    }
  }
  await driver.evaluate(() =>
    (globalThis as unknown as { chrome: BenchChrome }).chrome.action.setPopup({ popup: 'popup.html' }),
  );
  await driver.close();
  return runs;
}
