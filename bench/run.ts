/**
 * `npm run bench`: the figures issues 3, 4 and 5 ask for, printed as tables. No pass/fail: numbers to watch.
 * - every built bundle's size (production build), raw and gzip -9, and the content script's total;
 * - Save button → control, median and p95 over client-side navigations in headless Chromium;
 * - API calls per poll with 1, 100 and 1,000 tracked requests (the background's poll planner);
 * - the popup's first paint with 1,000 tracked requests.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startSandbox } from '../sandbox/server';
import { buildExtension } from '../scripts/build-extension';
import { launchExtensionBrowser, type ExtensionBrowser } from '../scripts/extension-browser';
import { directoryPath, SUMMIT } from '../scripts/sandbox-pages';
import type { ErpRequest } from '../lib/api-types';
import type { TrackedRequest } from '../lib/messaging';
import { STATUSES } from '../lib/status';
import { TRACKED_VERSION, trackedKey, type TrackedMap } from '../lib/store';
import { planPoll } from '../lib/tracker';
import { recordSaveToControl } from './page-timing';

const NAVIGATIONS = Number(process.env.BENCH_NAVIGATIONS ?? 40);
const POPUP_RUNS = 15;
const CONTENT_BUDGET_BYTES = 15 * 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)])));
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

/** An extension page with one heading and no script, added to the bench build only: what any extension page costs here. */
const BLANK_PAGE = 'bench-blank.html';
const BLANK_HTML = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body><h1>ERP Resend</h1></body></html>';

interface PopupTimes {
  /** The first paint of a blank extension page: the floor under any popup. */
  blank: number[];
  /** The browser's first paint of the popup page (its header and shell). */
  shell: number[];
  /** The popup's script has run (DOMContentLoaded ended). */
  ready: number[];
  /** The background's answer with the saved queue arrived. */
  queue: number[];
  /** The first paint with the queue's items in it. */
  firstPaint: number[];
  render: number[];
}

async function popupFirstPaint(ext: ExtensionBrowser, origin: string): Promise<PopupTimes> {
  const tracked = trackedMap(1000, origin);
  const worker = await ext.serviceWorker();
  await worker.evaluate(
    ([key, value, version]) => chrome.storage.local.set({ [key]: value, [`${key}$`]: { v: version } }),
    ['tracked', tracked, TRACKED_VERSION] as const,
  );
  // A fresh worker reads the seeded storage, whatever the old one kept in memory.
  await ext.stopServiceWorker();
  await ext.serviceWorker();
  const times: PopupTimes = { blank: [], shell: [], ready: [], queue: [], firstPaint: [], render: [] };
  for (let run = 0; run < POPUP_RUNS; run += 1) {
    const blank = await ext.context.newPage();
    await blank.goto(ext.extensionUrl(BLANK_PAGE));
    await blank.waitForFunction(() => performance.getEntriesByName('first-paint').length > 0);
    times.blank.push(await blank.evaluate(() => performance.getEntriesByName('first-paint')[0]!.startTime));
    await blank.close();

    const popup: Page = await ext.openPopup();
    await popup.waitForFunction(() => document.documentElement.dataset.firstPaint !== undefined);
    const marks = await popup.evaluate(() => ({
      paint: Number(document.documentElement.dataset.firstPaint),
      queue: performance.getEntriesByName('erp-popup-queue')[0]?.startTime ?? NaN,
      shell: performance.getEntriesByName('first-paint')[0]?.startTime ?? NaN,
      ready: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? NaN,
      items: document.querySelectorAll('li').length,
    }));
    if (marks.items === 0) throw new Error('the popup painted no items');
    times.shell.push(marks.shell);
    times.ready.push(marks.ready);
    times.queue.push(marks.queue);
    times.firstPaint.push(marks.paint);
    times.render.push(marks.paint - marks.queue);
    await popup.close();
  }
  return times;
}

function table(title: string, head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(`\n${title}\n${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

async function main(): Promise<void> {
  console.log('Building the production extension for its sizes…');
  const sizes = await bundleSizes();
  table('Bundles (production build, .output/bench/chrome-mv3)', ['file', 'raw', 'gzip -9'], sizes.rows);
  console.log(`Content script total, gzip -9: ${kb(sizes.contentGzip)} (budget ${kb(CONTENT_BUDGET_BYTES)})`);

  table('API calls per poll (all requests open, one company; poll planner lib/tracker.ts)', ['tracked requests', 'API calls'], callsPerPoll());

  const sandbox = await startSandbox({ port: 0 });
  try {
    console.log('\nBuilding the sandbox extension and opening headless Chromium…');
    const dir = await buildExtension({ mode: 'sandbox', sandboxUrl: sandbox.url, outDir: '.output/bench-sandbox' });
    await writeFile(join(dir, BLANK_PAGE), BLANK_HTML);
    const ext = await launchExtensionBrowser(dir);
    try {
      const times = await saveToControl(ext, sandbox.url);
      table(`Save button appearing → control appearing (${times.length} client-side navigations)`, ['median', 'p95', 'max'], [
        [ms(percentile(times, 50)), ms(percentile(times, 95)), ms(Math.max(...times))],
      ]);
      const popup = await popupFirstPaint(ext, sandbox.url);
      table(`Popup with 1,000 tracked requests (${POPUP_RUNS} openings)`, ['measure', 'median', 'p95'], [
        ...(
          [
            ['a blank extension page: first paint (the floor)', popup.blank],
            ["the page's own first paint (header, before the queue)", popup.shell],
            ['its script has run (DOMContentLoaded)', popup.ready],
            ["the background's answer with the queue arrived", popup.queue],
            ['first paint with the queue (since the page started loading)', popup.firstPaint],
            ['queue answered → painted', popup.render],
          ] as const
        ).map(([label, values]) => [label, ms(percentile(values, 50)), ms(percentile(values, 95))]),
      ]);
    } finally {
      await ext.close();
    }
  } finally {
    await sandbox.close();
  }
}

await main();
