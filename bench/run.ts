/**
 * `npm run bench`: the extension's speed and size figures, printed as tables. No pass/fail: numbers to watch.
 * - every built bundle's size (production build), raw and gzip -9, and the content script's total;
 * - Save button → control, median and p95 over client-side navigations in headless Chromium;
 * - API calls per poll with 1, 100 and 1,000 tracked requests (the background's poll planner);
 * - the popup's first paint with 1,000 tracked requests.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startSandbox } from '../sandbox/server';
import { buildExtension } from '../scripts/build-extension';
import { launchExtensionBrowser, type ExtensionBrowser } from '../scripts/extension-browser';
import { directoryPath, SUMMIT } from '../scripts/sandbox-pages';
import type { ErpRequest } from '../lib/contract/api-bodies';
import type { TrackedMap, TrackedRequest } from '../lib/contract/tracked-request';
import { trackedKey } from '../lib/contract/keys';
import { STATUSES } from '../lib/erp/status';
import { STORED } from '../lib/extension/storage-items';
import { planPoll } from '../entrypoints/background/poll-plan';
import { recordSaveToControl } from './page-timing';

const NAVIGATIONS = Number(process.env.BENCH_NAVIGATIONS ?? 40);
const POPUP_RUNS = 20;
const CONTENT_BUDGET_BYTES = 15 * 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)])),
  );
  return nested.flat();
}

async function bundleSizes(): Promise<{ rows: string[][]; contentGzip: number }> {
  const dir = await buildExtension({ mode: 'production', outDir: '.output/bench' });
  const rows: string[][] = [];
  let contentGzip = 0;
  for (const file of (await files(dir)).filter((f) => /\.(js|css|html)$/.test(f)).sort()) {
    const body = await readFile(file);
    const gzip = gzipSync(body, { level: 9 }).length;
    const name = relative(dir, file);
    if (name.startsWith('content-scripts/')) contentGzip += gzip;
    rows.push([name, kb((await stat(file)).size), kb(gzip)]);
  }
  return { rows, contentGzip };
}

/** Directory → Edit (client-side) → back, repeatedly, over the vendors whose pages show a control. */
async function saveToControl(ext: ExtensionBrowser, baseUrl: string): Promise<number[]> {
  const page = await ext.context.newPage();
  // tsx (esbuild, keepNames) wraps inner functions in `__name(…)`; the page has no such helper, so give it one.
  await page.addInitScript({ content: `var __name = (fn) => fn; (${recordSaveToControl.toString()})();` });
  await page.goto(`${baseUrl}${directoryPath(SUMMIT)}`);
  const edits = page.getByRole('link', { name: 'Edit' });
  await edits.first().waitFor();
  const vendorCount = await edits.count();
  const results = () => page.evaluate(() => (window as unknown as { __erpBench: number[] }).__erpBench.length);
  for (let i = 0; i < NAVIGATIONS; i += 1) {
    await edits.nth(i % vendorCount).click();
    await page.waitForFunction((n) => (window as unknown as { __erpBench: number[] }).__erpBench.length > n, i);
    await page.goBack();
    await edits.first().waitFor();
  }
  const times = await page.evaluate(() => (window as unknown as { __erpBench: number[] }).__erpBench);
  if ((await results()) < NAVIGATIONS) throw new Error('some navigations were not measured');
  await page.close();
  return times;
}

function fakeRequest(id: number, now: number): ErpRequest {
  const status = STATUSES[id % STATUSES.length]!;
  const at = new Date(now - id * 60_000).toISOString();
  const decided = status !== 'pending_acceptance';
  return {
    id,
    item_type: 'vendor',
    item_id: 10_000 + id,
    item_name: `Bench Vendor ${id}`,
    status,
    created_at: at,
    updated_at: at,
    sent_by: { id: 1, name: 'Alex Admin' },
    decided_by: decided ? { id: 3, name: 'Avery Approver' } : null,
    decided_at: decided ? at : null,
    rejection_comment: status === 'rejected' ? 'Tax ID missing on W-9' : null,
    erp_vendor_id: status === 'synced' ? `V-${id}` : null,
    errors: status === 'failed' ? [`ERP vendor ID V-${id} is already in use`] : [],
  };
}

function trackedMap(count: number, origin: string, options: { allOpen?: boolean } = {}): TrackedMap {
  const now = Date.now();
  const map: TrackedMap = {};
  for (let id = 1; id <= count; id += 1) {
    const request = fakeRequest(id, now);
    if (options.allOpen) request.status = 'pending_acceptance';
    const entry: TrackedRequest = { request, companyId: SUMMIT, origin, notifiedStatus: request.status };
    map[trackedKey(SUMMIT, id)] = entry;
  }
  return map;
}

function callsPerPoll(): string[][] {
  return [1, 100, 1000].map((count) => {
    const tracked = trackedMap(count, 'https://app.procore.com', { allOpen: true });
    return [String(count), String(planPoll(tracked, {}).length)];
  });
}

/** A popup page with one heading and no script, added to the bench build only: what any popup costs here. */
const BLANK_PAGE = 'bench-blank.html';
const BLANK_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body><h1>ERP Resend</h1></body></html>';
/** The same page with a one-line module script, as every popup built by Vite has: the floor under a popup with a script. */
const SCRIPTED_PAGE = 'bench-scripted.html';
const SCRIPTED_FILES: Record<string, string> = {
  [SCRIPTED_PAGE]: BLANK_HTML.replace('</head>', '<script type="module" src="/bench-scripted.js"></script></head>'),
  'bench-scripted.js': "document.querySelector('h1').textContent = 'ERP Resend for Procore';",
};

/**
 * ERP Resend's first screen as the popup painted it, saved as a page with the popup's styles and no script: what the
 * browser alone needs to paint this content in a popup, the floor under ERP Resend's own figure.
 */
const STATIC_PAGE = 'bench-static.html';

/** One opening of the real popup (the toolbar button's window), timed from inside it. */
interface PopupOpening {
  /** The browser's first paint of the window. */
  firstPaint: number;
  /** Its script has run (DOMContentLoaded ended). */
  ready: number;
  /** The stored first screen was read (ERP Resend's popup only). */
  firstScreen: number;
  /** The first paint with the queue in it: its first section heading's Element Timing entry (pages that have one). */
  queuePaint: number;
  /** The worker's answer with every request arrived. */
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
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
}

/** Stores `count` tracked requests and restarts the worker, which then saves the popup's first screen for them. */
async function seedTracked(ext: ExtensionBrowser, origin: string, count: number): Promise<void> {
  const worker = await ext.serviceWorker();
  await worker.evaluate(
    ([key, value, version]) =>
      (globalThis as unknown as { chrome: BenchChrome }).chrome.storage.local.set({
        [key]: value,
        [`${key}$`]: { v: version },
      }),
    ['tracked', trackedMap(count, origin), STORED.tracked.version] as const,
  );
  await ext.stopServiceWorker();
  await ext.serviceWorker();
}

interface PopupRuns {
  blank: PopupOpening[];
  scripted: PopupOpening[];
  /** By the number of tracked requests. */
  popup: Map<number, PopupOpening[]>;
  /** `STATIC_PAGE`, copied from the popup, by the number of tracked requests. */
  static: Map<number, PopupOpening[]>;
}

/**
 * Opens a blank popup, a scripted one, ERP Resend's and its first screen copied as a page with no script, in turn,
 * `POPUP_RUNS` times for each queue size. `dir` is the loaded extension's folder, where the copy is written.
 */
async function popupFirstPaint(
  ext: ExtensionBrowser,
  dir: string,
  origin: string,
  sizes: number[],
): Promise<PopupRuns> {
  const driver = await ext.context.newPage();
  await driver.goto(ext.extensionUrl(BLANK_PAGE));
  // tsx (esbuild, keepNames) wraps inner functions in `__name(…)`; the page has no such helper, so give it one.
  await driver.evaluate(`var __name = (fn) => fn; globalThis.openPopupView = ${openPopupView.toString()};`);
  const runs: PopupRuns = { blank: [], scripted: [], popup: new Map(), static: new Map() };
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
  }
  await driver.evaluate(() =>
    (globalThis as unknown as { chrome: BenchChrome }).chrome.action.setPopup({ popup: 'popup.html' }),
  );
  await driver.close();
  return runs;
}

function table(title: string, head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(`\n${title}\n${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  console.log('Building the production extension for its sizes…');
  const sizes = await bundleSizes();
  table('Bundles (production build, .output/bench/chrome-mv3)', ['file', 'raw', 'gzip -9'], sizes.rows);
  console.log(`Content script total, gzip -9: ${kb(sizes.contentGzip)} (budget ${kb(CONTENT_BUDGET_BYTES)})`);

  table(
    'API calls per poll (all requests open, one company; poll planner entrypoints/background/poll-plan.ts)',
    ['tracked requests', 'API calls'],
    callsPerPoll(),
  );

  const sandbox = await startSandbox({ port: 0 });
  try {
    console.log('\nBuilding the sandbox extension and opening headless Chromium…');
    const dir = await buildExtension({ mode: 'sandbox', sandboxUrl: sandbox.url, outDir: '.output/bench-sandbox' });
    await writeFile(join(dir, BLANK_PAGE), BLANK_HTML);
    for (const [name, body] of Object.entries(SCRIPTED_FILES)) await writeFile(join(dir, name), body);
    const ext = await launchExtensionBrowser(dir);
    try {
      const times = await saveToControl(ext, sandbox.url);
      table(
        `Save button appearing → control appearing (${times.length} client-side navigations)`,
        ['median', 'p95', 'max'],
        [[ms(percentile(times, 50)), ms(percentile(times, 95)), ms(Math.max(...times))]],
      );
      const runs = await popupFirstPaint(ext, dir, sandbox.url, [10, 1000]);
      const row = (label: string, values: number[]) => [label, ms(percentile(values, 50)), ms(percentile(values, 95))];
      const of = (size: number, key: keyof PopupOpening, page: 'popup' | 'static' = 'popup') =>
        runs[page].get(size)!.map((opening) => opening[key]);
      table(
        `The popup, opened as by the toolbar button (action.openPopup), ${POPUP_RUNS} openings each; ms since it started loading`,
        ['measure', 'median', 'p95'],
        [
          row(
            'a blank popup (one heading, no script): first paint, the floor',
            runs.blank.map((opening) => opening.firstPaint),
          ),
          row(
            'the same with a one-line module script: first paint',
            runs.scripted.map((opening) => opening.firstPaint),
          ),
          row(
            "1,000: the popup's first screen as a page with no script, the floor for its content",
            of(1000, 'queuePaint', 'static'),
          ),
          row('10 tracked requests: first paint with the queue', of(10, 'queuePaint')),
          row('1,000 tracked requests: its script has run (DOMContentLoaded)', of(1000, 'ready')),
          row('1,000: the stored first screen was read', of(1000, 'firstScreen')),
          row("1,000: the popup's own first paint", of(1000, 'firstPaint')),
          row('1,000: first paint with the queue (Element Timing)', of(1000, 'queuePaint')),
          row("1,000: the worker's answer with every request arrived", of(1000, 'wholeQueue')),
        ],
      );
    } finally {
      await ext.close();
    }
  } finally {
    await sandbox.close();
  }
}

await main();
