/**
 * `npm run soak`: minutes of faults with a full queue, the way a week of real use looks, in headless Chromium
 * against the sandbox. Ten companies with 1,000 tracked requests; the sandbox fails calls at set rates; an approver
 * decides at random; the service worker is stopped about every 20 s; two admins click Send, Re-send and Retrieve on
 * random vendors, sometimes twice, sometimes in two tabs. Then the faults stop, the extension settles, and a table
 * says whether anything was lost or repeated (exit code 1 if so). `SOAK_SECONDS` (default 180) bounds the clicking,
 * `SOAK_SEED` repeats a run's choices.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { startSandbox } from '../../sandbox/server';
import { STORED } from '../../lib/extension/storage-items';
import type { TrackedMap } from '../../lib/contract/tracked-request';
import { trackedKey } from '../../lib/contract/keys';
import { table } from '../../bench/stats';
import { buildExtension } from '../build-extension';
import { launchExtensionBrowser, type ExtensionBrowser } from '../extension-browser';
import { readStoredItem, writeStoredItems } from '../extension-storage';
import { sandboxControl, type SandboxControl } from '../sandbox-control';
import { runAdmin } from './admin';
import { runApprover, type Decisions } from './approver';
import { watchBrowser, type BrowserWatch } from './browser-watch';
import { soakChecks, staleIn } from './checks';
import { companiesOf, SOAK_COMPANIES, soakSeed, trackedOf } from './population';
import { seededRandom, type Random } from './random';
import type { FinalRequest, Intent, SoakRecords } from './records';

/** A whole number from the environment, or the default; anything else stops the soak before it starts, saying why. */
function wholeNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (Number.isSafeInteger(value) && value >= min) return value;
  process.stderr.write(`soak: ${name} must be a whole number, at least ${min} (got "${raw}")\n`);
  process.exit(2);
}

const SECONDS = wholeNumber('SOAK_SECONDS', 180, 10);
const SEED = wholeNumber('SOAK_SEED', Date.now() % 4_294_967_296, 0);
const ADMINS = 3;
const POLL_SECONDS = 15;
const SYNC_DELAY_MS = 3_000;
const RATE_LIMIT = 3_600;
const STOP_EVERY_MS = 20_000;
const SETTLE_MS = 90_000;

/** The faults of a bad week, at set rates: each API call of the extension draws once, so the rates add up. */
const FAULTS = [
  { rate: 0.1, status: 503 },
  { rate: 0.05, status: 429, retryAfter: 2 },
  { rate: 0.05, drop: 'after' as const },
  { rate: 0.02, malformed: true },
  { rate: 0.05, delayMs: 2_000 },
];

const say = (line: string) => process.stdout.write(`soak: ${line}\n`);

/** Stops the service worker about every 20 s, as Chrome does to an idle one, until the deadline. */
async function stopWorkerNowAndThen(ext: ExtensionBrowser, random: Random, deadline: number) {
  const stops: SoakRecords['stops'] = [];
  for (;;) {
    await sleep(STOP_EVERY_MS + random.between(-5_000, 5_000));
    if (Date.now() >= deadline) return stops;
    const from = Date.now();
    await ext.stopServiceWorker();
    stops.push({ from, to: Date.now() });
  }
}

async function finalRequests(sandbox: SandboxControl): Promise<FinalRequest[]> {
  const lists = await Promise.all(SOAK_COMPANIES.map((companyId) => sandbox.requests(companyId)));
  return lists.flatMap((list, i) =>
    list.map((r) => ({
      id: r.id,
      companyId: SOAK_COMPANIES[i]!,
      itemId: r.item_id,
      status: r.status,
      createdAt: Date.parse(String(r.created_at)),
    })),
  );
}

const storedTracked = async (ext: ExtensionBrowser) =>
  ((await readStoredItem(ext, STORED.tracked)) ?? {}) as TrackedMap;

/** With the faults off: until no send is left in flight and storage holds every status the sandbox has. */
async function settle(ext: ExtensionBrowser, sandbox: SandboxControl): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < SETTLE_MS) {
    const [final, stored, sends] = await Promise.all([
      finalRequests(sandbox),
      storedTracked(ext),
      readStoredItem(ext, STORED.sends),
    ]);
    if (staleIn(stored, final).length === 0 && Object.keys(sends ?? {}).length === 0) break;
    await sleep(1_000);
  }
  return Date.now() - started;
}

/**
 * The worker's heap with the whole queue in it, so that start and end compare alike: a worker just woken has read
 * nothing yet. Read once the popup has the worker's whole list (its `QUEUE_MARK`, `entrypoints/popup/mount.tsx`).
 */
async function heapWithQueueLoaded(ext: ExtensionBrowser, watch: BrowserWatch): Promise<number | null> {
  const popup = await ext.openPopup();
  try {
    await popup.waitForFunction(() => performance.getEntriesByName('erp-popup-queue').length > 0);
    return await watch.workerHeap();
  } finally {
    await popup.close();
  }
}

interface Actors {
  intents: Intent[];
  decisions: Decisions;
  stops: SoakRecords['stops'];
}

async function act(ext: ExtensionBrowser, sandbox: SandboxControl, random: Random, deadline: number): Promise<Actors> {
  const intents: Intent[] = [];
  const busy = new Set<string>();
  const progress = setInterval(() => {
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    say(`${left} s left, ${intents.length} clicks so far`);
  }, 30_000);
  try {
    const admins = Array.from({ length: ADMINS }, () =>
      runAdmin({ context: ext.context, sandbox, random, busy, intents }, deadline),
    );
    const [decisions, stops] = await Promise.all([
      runApprover(sandbox, random, deadline),
      stopWorkerNowAndThen(ext, random, deadline),
      ...admins,
    ]);
    return { intents, decisions, stops };
  } finally {
    clearInterval(progress);
  }
}

async function soak(
  ext: ExtensionBrowser,
  watch: BrowserWatch,
  sandbox: SandboxControl,
  db: ReturnType<typeof soakSeed>,
) {
  const random = seededRandom(SEED);
  await writeStoredItems(ext, [
    [STORED.tracked, trackedOf(db, sandbox.url)],
    [STORED.companies, companiesOf(sandbox.url)],
  ]);
  for (let tries = 1; ; tries += 1) {
    await ext.stopServiceWorker();
    await ext.serviceWorker();
    if (await watch.wrapped()) break;
    if (tries === 3) throw new Error('the notification counter did not get into the restarted worker');
  }
  const heapStart = await heapWithQueueLoaded(ext, watch);
  const startedAt = Date.now();
  for (const fault of FAULTS) await sandbox.fault(fault);
  say(`clicking for ${SECONDS} s with faults on (seed ${SEED})`);
  const actors = await act(ext, sandbox, random, startedAt + SECONDS * 1000);
  await sandbox.clearFaults();
  say('faults off; waiting for the extension to settle');
  const settledIn = await settle(ext, sandbox);
  const created = (await sandbox.created()).map((r) => ({
    id: r.id,
    companyId: Number(r.company_id),
    itemId: r.item_id,
    createdAt: Date.parse(String(r.created_at)),
  }));
  const records: SoakRecords = {
    startedAt,
    endedAt: Date.now(),
    intents: actors.intents,
    created,
    final: await finalRequests(sandbox),
    seeded: new Map(db.requests.map((r) => [trackedKey(r.companyId, r.id), r.status])),
    log: await sandbox.log(),
    workerCalls: watch.calls,
    stored: await storedTracked(ext),
    notifications: watch.notifications,
    errors: watch.errors,
    heap: { start: heapStart, end: await heapWithQueueLoaded(ext, watch) },
    stops: actors.stops,
    rateLimit: RATE_LIMIT,
  };
  return { records, actors, settledIn, warnings: watch.warnings };
}

function faultCounts(log: SoakRecords['log']): string {
  const calls = log.filter((entry) => !entry.fromPage);
  const kinds: [string, (f: NonNullable<(typeof calls)[number]['fault']>) => boolean][] = [
    ['5xx', (f) => (f.status ?? 0) >= 500],
    ['429', (f) => f.status === 429],
    ['dropped after acting', (f) => f.drop === 'after'],
    ['malformed', (f) => f.malformed === true],
    ['2 s answers', (f) => (f.delayMs ?? 0) > 0],
  ];
  const counts = kinds.map(([name, is]) => `${calls.filter((e) => e.fault && is(e.fault)).length} ${name}`);
  return `${calls.length} calls: ${counts.join(', ')}`;
}

function printWhatHappened(result: Awaited<ReturnType<typeof soak>>): void {
  const { records, actors, settledIn } = result;
  const count = (action: Intent['action'], way?: Intent['way']) =>
    String(actors.intents.filter((i) => i.action === action && (way === undefined || i.way === way)).length);
  const d = actors.decisions;
  table(
    `What the soak did (${SECONDS} s, seed ${SEED})`,
    ['what', 'figure'],
    [
      [
        'send and re-send clicks: once / double / two tabs',
        ['once', 'double', 'two-tabs'].map((w) => count('send', w as Intent['way'])).join(' / '),
      ],
      ['retrieve clicks', count('retrieve')],
      [
        'clicks made, with clicks again after an error',
        String(actors.intents.reduce((n, i) => n + i.clicks.length, 0)),
      ],
      [
        'approver: accepted / rejected / export failing / already retrieved',
        `${d.accepted} / ${d.rejected} / ${d.failing} / ${d.conflicts}`,
      ],
      ['service worker stops', String(actors.stops.length)],
      ['faults the sandbox answered with', faultCounts(records.log)],
      ['settling after the faults stopped', `${(settledIn / 1000).toFixed(1)} s`],
      ['console warnings (worker and pages)', String(result.warnings.length)],
    ],
  );
  for (const text of [...new Set(result.warnings.map((w) => `${w.where}: ${w.text.split('\n')[0]}`))].slice(0, 5))
    console.log(`  ${text}`);
}

const db = soakSeed();
const server = await startSandbox({
  port: 0,
  syncDelayMs: SYNC_DELAY_MS,
  rateLimitPerHour: RATE_LIMIT,
  seed: () => structuredClone(db),
  random: seededRandom(SEED ^ 0x5eed).next,
});
let failed: boolean;
try {
  say('building the sandbox extension');
  const outDir = '.output/soak';
  const dir = await buildExtension({ mode: 'sandbox', sandboxUrl: server.url, pollSeconds: POLL_SECONDS, outDir });
  const ext = await launchExtensionBrowser(dir, { devtools: true });
  try {
    const watch = await watchBrowser(await ext.devtoolsEndpoint(), ext.extensionId);
    const result = await soak(ext, watch, sandboxControl(server.url), db);
    await watch.close();
    printWhatHappened(result);
    const rows = soakChecks(result.records);
    table(
      'Soak checks',
      ['check', 'figure', 'goal', 'met'],
      rows.map((row) => [row.check, row.figure, row.goal, row.ok ? 'yes' : 'NO']),
    );
    for (const row of rows.filter((r) => !r.ok)) {
      console.log(`\n${row.check}:`);
      for (const line of row.details ?? []) console.log(`  ${line}`);
    }
    failed = rows.some((row) => !row.ok);
  } finally {
    await ext.close();
  }
} finally {
  await server.close();
}
say(failed ? 'something was lost or repeated' : 'nothing lost, nothing repeated');
process.exit(failed ? 1 : 0);
