/**
 * `npm run bench`: the extension's speed and size figures, printed as tables, with one summary table that puts the
 * goal beside each figure. No pass/fail and no test fails on a time: numbers to watch, timings compared as ratios
 * measured in the same run, because the machine is shared.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSandbox } from '../sandbox/server';
import { buildExtension } from '../scripts/build-extension';
import { launchExtensionBrowser, type ExtensionBrowser } from '../scripts/extension-browser';
import { totalGzipBytes } from '../scripts/parsed-extension-scripts';
import { companyVendorPath, SUMMIT, VENDORS } from '../scripts/sandbox-pages';
import { knownCompanies, planPoll } from '../entrypoints/background/poll-plan';
import { coldStarts, writeEmptyExtension, type ColdStarts } from './cold-start';
import { directoryStatusTimings, type DirectoryTimings } from './directory-statuses';
import { scriptsParsedOnOtherPage } from './page-weight';
import {
  BLANK_HTML,
  BLANK_PAGE,
  COLD_POPUP_SIZE,
  POPUP_RUNS,
  popupFirstPaint,
  SCRIPTED_FILES,
  seedTracked,
  type PopupOpening,
  type PopupRuns,
} from './popup';
import { firstEntrySaveToControl, warmSaveToControl } from './save-to-control';
import { SCALE, scaleFigures, STORAGE_QUOTA_BYTES } from './scale';
import { bundleSizes, gzipOf, type Sizes } from './sizes';
import { kb, median, ms, p95, table } from './stats';
import { trackedMap } from './tracked-seed';

const NAVIGATIONS = Number(process.env.BENCH_NAVIGATIONS ?? 40);
const FIRST_ENTRIES = 20;
const WAKE_UPS = 20;
const POPUP_SIZES = [10, 1000, 10_000];

const DIRECTORY_RUNS = 20;
const DIRECTORY_GOAL_MS = 200;

const LOADER_BUDGET = 2048;
const CONTROL_BUDGET = 12 * 1024;

/** List calls of a poll once every company has its cursor: one per company, whatever the number of requests. */
function callsPerPoll(): string[][] {
  return [1, 100, 1000, 10_000].map((count) => {
    const tracked = trackedMap(count, 'https://app.procore.com', { allOpen: true });
    const companies = knownCompanies({}, tracked);
    const cursors = Object.fromEntries(companies.map((id) => [id, { since: new Date().toISOString(), etag: null }]));
    return [String(count), String(planPoll(companies, cursors, Date.now()).length)];
  });
}

/** How long each opening of the popup waited for its whole list. */
const wait = (openings: PopupOpening[]) => openings.map((opening) => opening.wholeQueue - opening.queueAsked);

interface BrowserFigures {
  parsedOnOtherPage: number;
  warm: number[];
  firstEntry: number[];
  wake: ColdStarts;
  popup: PopupRuns;
  directory: DirectoryTimings;
}

async function browserFigures(ext: ExtensionBrowser, baseUrl: string, dir: string, emptyId: string) {
  const parsed = await scriptsParsedOnOtherPage(ext, baseUrl, [emptyId]);
  table(
    'Extension scripts parsed by a Procore page that is not the Directory (ERP Integrations), gzip -9',
    ['script', 'gzip -9'],
    parsed.map((script) => [new URL(script.url).pathname, kb(script.gzipBytes)]),
  );
  const warm = await warmSaveToControl(ext, baseUrl, NAVIGATIONS);
  const firstEntry = await firstEntrySaveToControl(ext, baseUrl, FIRST_ENTRIES);
  await seedTracked(ext, baseUrl, 1000);
  const page = { level: 'company', companyId: SUMMIT, vendorId: VENDORS.acme.id };
  const vendorUrl = `${baseUrl}${companyVendorPath(SUMMIT, VENDORS.acme.id)}`;
  const wake = await coldStarts(ext, emptyId, vendorUrl, page, WAKE_UPS);
  const popup = await popupFirstPaint(ext, dir, baseUrl, POPUP_SIZES);
  // With the popup's largest queue still stored: 10,000 tracked requests.
  const directory = await directoryStatusTimings(ext, baseUrl, DIRECTORY_RUNS);
  return {
    parsedOnOtherPage: totalGzipBytes(parsed),
    warm,
    firstEntry,
    wake,
    popup,
    directory,
  } satisfies BrowserFigures;
}

function printDetails(figures: BrowserFigures): void {
  const row = (label: string, values: number[]) => [label, ms(median(values)), ms(p95(values))];
  table(
    'Save button appearing → control appearing (client-side navigation)',
    ['measure', 'median', 'p95'],
    [
      row(`warm: the control already loaded in the tab (${figures.warm.length} navigations)`, figures.warm),
      row(`first entry: a new tab's first vendor edit page (${figures.firstEntry.length} tabs)`, figures.firstEntry),
    ],
  );
  const { wake } = figures;
  table(
    `Worker woken from stopped, message → answer (${WAKE_UPS} wake-ups each, 1,000 tracked requests)`,
    ['message', 'median', 'p95'],
    [
      row("page's getVendor (ERP Resend)", wake.getVendor),
      row('the same from the page to an empty worker', wake.emptyFromPage),
      row("popup's getQueue, the requests left out (ERP Resend)", wake.getQueue),
      row('the same from an extension page to an empty worker', wake.emptyFromExtensionPage),
    ],
  );
  const { popup } = figures;
  const of = (size: number, key: 'queuePaint' | 'ready' | 'wholeQueue', page: 'popup' | 'static' = 'popup') =>
    popup[page].get(size)!.map((opening) => opening[key]);
  table(
    `The popup, opened as by the toolbar button, ${POPUP_RUNS} openings each; ms since it started loading`,
    ['measure', 'median', 'p95'],
    [
      row(
        'a blank popup (one heading, no script): first paint',
        popup.blank.map((o) => o.firstPaint),
      ),
      row(
        'the same with a one-line module script: first paint',
        popup.scripted.map((o) => o.firstPaint),
      ),
      ...POPUP_SIZES.flatMap((size) => [
        row(`${size}: the first screen as a page with no script (the floor)`, of(size, 'queuePaint', 'static')),
        row(`${size}: first paint with the queue (Element Timing)`, of(size, 'queuePaint')),
        row(`${size}: the whole list arrived`, of(size, 'wholeQueue')),
        row(`${size}: the whole list, asked → arrived`, wait(popup.popup.get(size)!)),
      ]),
      row(
        `${COLD_POPUP_SIZE}: the whole list, asked → arrived, the worker stopped before each opening`,
        wait(popup.cold),
      ),
    ],
  );
}

const quotaShare = (bytes: number) => `${kb(bytes)} (${((100 * bytes) / STORAGE_QUOTA_BYTES).toFixed(1)} %)`;

function printDirectory({ directory }: BrowserFigures): void {
  const row = (label: string, values: number[]) => [label, ms(median(values)), ms(p95(values))];
  table(
    "The Directory list's rows drawn → every status tag shown (10,000 tracked requests), ms",
    ['measure', 'median', 'p95'],
    [
      row(`first visit, the worker stopped before each (${directory.coldVisit.length} visits)`, directory.coldVisit),
      row(`a visit, the worker running (${directory.warmVisit.length} visits)`, directory.warmVisit),
      row('a page of the list not seen yet (1 turn)', [directory.unseenPage]),
      row(`back and forth to pages seen (${directory.seenPage.length} turns)`, directory.seenPage),
    ],
  );
  const scale = scaleFigures();
  const share = (bytes: number) => `${quotaShare(bytes)} of the quota`;
  table(
    `A company with ${SCALE.requests.toLocaleString('en')} requests over ${SCALE.vendors.toLocaleString('en')} vendors`,
    ['figure', 'value'],
    [
      ['list calls per poll', String(scale.listCallsPerPoll)],
      ['stored, every request', share(scale.storedBytes)],
      [`stored after pruning (${scale.kept} requests kept)`, share(scale.keptBytes)],
      ['companies in the popup', String(scale.vendorsShown)],
    ],
  );
}

function printSummary(sizes: Sizes, figures: BrowserFigures): void {
  const loader = gzipOf(sizes, /^content-scripts\/erp\.js$/);
  const control = gzipOf(sizes, /^erp-control\.js$/);
  const { wake, popup } = figures;
  const ratio = (a: number[], b: number[]) =>
    `${(median(a) / median(b)).toFixed(2)}× (${ms(median(a))} / ${ms(median(b))})`;
  const coldWait = wait(popup.cold);
  const popupRows = POPUP_SIZES.filter((size) => size >= 1000).flatMap((size) => {
    const own = popup.popup.get(size)!.map((o) => o.queuePaint);
    const floor = popup.static.get(size)!.map((o) => o.queuePaint);
    return [
      [`popup first paint / its floor, median, ${size} requests`, ratio(own, floor), '≤ 1.05×'],
      [`popup first paint p95 − floor p95, ${size} requests`, ms(p95(own) - p95(floor)), '≤ 16 ms'],
    ];
  });
  table(
    'Summary: each figure beside its goal',
    ['figure', 'measured', 'goal'],
    [
      [
        'extension script parsed on a non-Directory Procore page',
        `${figures.parsedOnOtherPage} B`,
        `≤ ${LOADER_BUDGET} B`,
      ],
      ['the loader file (content-scripts/erp.js)', `${loader} B`, `≤ ${LOADER_BUDGET} B`],
      ["the control's chunk (erp-control.js)", kb(control), `≤ ${kb(CONTROL_BUDGET)}`],
      ['Save → control, warm, p95', ms(p95(figures.warm)), '≤ 16 ms'],
      ['Save → control, first entry of a tab, p95', ms(p95(figures.firstEntry)), '≤ 50 ms'],
      ['cold getVendor / empty worker, median', ratio(wake.getVendor, wake.emptyFromPage), '≤ 1.5×'],
      [
        'cold getVendor / empty worker, p95',
        `${(p95(wake.getVendor) / p95(wake.emptyFromPage)).toFixed(2)}×`,
        '≤ 1.5×',
      ],
      ['cold getQueue / empty worker, median', ratio(wake.getQueue, wake.emptyFromExtensionPage), '≤ 1.5×'],
      [
        'cold getQueue / empty worker, p95',
        `${(p95(wake.getQueue) / p95(wake.emptyFromExtensionPage)).toFixed(2)}×`,
        '≤ 1.5×',
      ],
      [
        `the popup's whole list, the worker stopped (${COLD_POPUP_SIZE} requests), asked → arrived, median`,
        `${ms(median(coldWait))} (${(median(coldWait) / median(wake.emptyFromExtensionPage)).toFixed(2)}× the empty worker's answer)`,
        '',
      ],
      ...popupRows,
      [
        'API calls per poll, 1 / 100 / 1,000 / 10,000 tracked, one company',
        callsPerPoll()
          .map((r) => r[1])
          .join(' / '),
        '1 / 1 / 1 / 1',
      ],
      ...directoryRows(figures.directory),
    ],
  );
}

function directoryRows(directory: DirectoryTimings): string[][] {
  const scale = scaleFigures();
  const goal = `≤ ${DIRECTORY_GOAL_MS} ms`;
  return [
    ['Directory rows → statuses, first visit (worker stopped), p95', ms(p95(directory.coldVisit)), goal],
    ['Directory rows → statuses, a visit, p95', ms(p95(directory.warmVisit)), goal],
    ['Directory rows → statuses, a page not seen yet', ms(directory.unseenPage), goal],
    ['Directory rows → statuses, a page seen, p95', ms(p95(directory.seenPage)), goal],
    [
      `stored after pruning, ${SCALE.requests.toLocaleString('en')} requests over ${SCALE.vendors.toLocaleString('en')} vendors`,
      quotaShare(scale.keptBytes),
      '≤ 25 % of 10 MiB',
    ],
  ];
}

async function main(): Promise<void> {
  console.log('Building the production extension for its sizes…');
  const sizes = await bundleSizes();
  table('Bundles (production build, .output/bench/chrome-mv3)', ['file', 'raw', 'gzip -9'], sizes.rows);

  const sandbox = await startSandbox({ port: 0 });
  try {
    console.log('\nBuilding the sandbox extension and opening headless Chromium…');
    const dir = await buildExtension({ mode: 'sandbox', sandboxUrl: sandbox.url, outDir: '.output/bench-sandbox' });
    await writeFile(join(dir, BLANK_PAGE), BLANK_HTML);
    for (const [name, body] of Object.entries(SCRIPTED_FILES)) await writeFile(join(dir, name), body);
    const emptyDir = await writeEmptyExtension('.output/bench-empty', sandbox.url);
    const ext = await launchExtensionBrowser(dir, { alsoLoad: [emptyDir] });
    try {
      const empty = ext.context.serviceWorkers().find((worker) => worker.url().endsWith('/empty-worker.js'));
      if (!empty) throw new Error('the empty extension did not start');
      const figures = await browserFigures(ext, sandbox.url, dir, new URL(empty.url()).host);
      printDetails(figures);
      printDirectory(figures);
      printSummary(sizes, figures);
    } finally {
      await ext.close();
    }
  } finally {
    await sandbox.close();
  }
}

await main();
