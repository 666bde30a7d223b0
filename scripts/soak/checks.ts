/**
 * The soak's verdict, as pure functions of what it recorded (`records.ts`): one row per check, with the figure, the
 * goal and whether it was met. Any row not met is a loss or a repeat, and the soak exits non-zero.
 */
import { trackedKey, vendorKey } from '../../lib/contract/keys';
import type { ErpStatus } from '../../lib/erp/status';
import { NOTIFY_STATUSES } from '../../entrypoints/background/notifications';
import type { LogEntry } from '../../sandbox/faults';
import type { TrackedMap } from '../../lib/contract/tracked-request';
import type { FinalRequest, Intent, SoakRecords } from './records';

export interface CheckRow {
  check: string;
  figure: string;
  goal: string;
  ok: boolean;
  /** What went wrong, a line per case (the first few), when it was not met. */
  details?: string[];
}

const FIRST = 10;

/**
 * The gate hears of a 429 when the worker's fetch resolves, a moment after the browser received its headers: a call
 * the gate let through just before is sent within this of the answer, and is not counted as sent while closed.
 */
export const OBSERVE_GRACE_MS = 50;
/**
 * The gate's clock (`Date.now()`, whole milliseconds, and timers that may fire a millisecond early) and the network
 * events' clock differ by about this much: a call this close to the end of a wait counts as sent after it.
 */
export const CLOCK_TOLERANCE_MS = 5;

const SEND_PATH = /\/companies\/(\d+)\/erp\/requests$/;
const extensionCalls = (log: LogEntry[]) => log.filter((entry) => !entry.fromPage);

/** Each send intent with the time until the next intent on the same vendor: what it created, it created in there. */
function sendWindows(intents: Intent[]): { intent: Intent; until: number }[] {
  const sorted = [...intents].sort((a, b) => a.startedAt - b.startedAt);
  return sorted
    .map((intent, i) => {
      const next = sorted
        .slice(i + 1)
        .find((later) => vendorKey(later.companyId, later.vendorId) === vendorKey(intent.companyId, intent.vendorId));
      return { intent, until: next?.startedAt ?? Infinity };
    })
    .filter(({ intent }) => intent.action === 'send');
}

/** The vendor a logged send was for (its body's `item_id`), with its company, or null for any other call. */
export function sendOf(entry: LogEntry): { companyId: number; vendorId: number } | null {
  const match = entry.method === 'POST' ? SEND_PATH.exec(entry.path) : null;
  if (!match) return null;
  try {
    const body = JSON.parse(entry.body ?? '') as { item_id?: unknown };
    return typeof body.item_id === 'number' ? { companyId: Number(match[1]), vendorId: body.item_id } : null;
  } catch {
    return null;
  }
}

function describeSend(intent: Intent, created: number[], posts: LogEntry[]): string {
  const at = (iso: string) => `+${Date.parse(iso) - intent.startedAt} ms`;
  const attempts = posts.map((p) => `${p.idempotencyKey?.slice(0, 8)} ${at(p.at)} → ${p.status || 'dropped'}`);
  return (
    `vendor ${intent.vendorId} (${intent.way}, clicks ${intent.clicks.map((c) => `${c.kind} +${c.at - intent.startedAt}`).join(', ')} ms): created [${created.join(', ')}]; ` +
    `POSTs ${attempts.join('; ')}`
  );
}

export function sendChecks(records: SoakRecords): CheckRow[] {
  const windows = sendWindows(records.intents);
  const inWindow = (companyId: number, vendorId: number, at: number) =>
    windows.find(
      ({ intent, until }) =>
        intent.companyId === companyId && intent.vendorId === vendorId && at >= intent.startedAt && at < until,
    );
  const createdBy = new Map<Intent, number[]>();
  const unattributed: number[] = [];
  for (const request of records.created) {
    const window = inWindow(request.companyId, request.itemId, request.createdAt);
    if (window) createdBy.set(window.intent, [...(createdBy.get(window.intent) ?? []), request.id]);
    else unattributed.push(request.id);
  }
  const postsBy = new Map<Intent, LogEntry[]>();
  for (const entry of extensionCalls(records.log)) {
    const send = sendOf(entry);
    const window = send && inWindow(send.companyId, send.vendorId, Date.parse(entry.at));
    if (window) postsBy.set(window.intent, [...(postsBy.get(window.intent) ?? []), entry]);
  }
  const keysOf = (intent: Intent) => new Set(postsBy.get(intent)?.map((entry) => entry.idempotencyKey));
  const missing = windows.filter(({ intent }) => !createdBy.has(intent)).length;
  const twice = [...createdBy.values()].filter((ids) => ids.length > 1).length + unattributed.length;
  const deliberate = (intent: Intent) => intent.clicks.filter((click) => click.kind !== 'double').length;
  const manyKeys = windows.filter(({ intent }) => keysOf(intent).size > Math.max(1, deliberate(intent))).length;
  const details = [
    ...windows
      .filter(
        ({ intent }) =>
          (createdBy.get(intent)?.length ?? 0) !== 1 || keysOf(intent).size > Math.max(1, deliberate(intent)),
      )
      .slice(0, FIRST)
      .map(({ intent }) => describeSend(intent, createdBy.get(intent) ?? [], postsBy.get(intent) ?? [])),
    ...(unattributed.length ? [`created outside any click: requests ${unattributed.join(', ')}`] : []),
  ];
  const posts = extensionCalls(records.log).filter((entry) => sendOf(entry)).length;
  return [
    {
      check: 'send clicks → requests the sandbox created',
      figure: `${windows.length} clicks, ${records.created.length} created, ${missing} missing, ${twice} twice`,
      goal: 'equal, none twice',
      ok: missing === 0 && twice === 0 && records.created.length === windows.length,
      details,
    },
    {
      check: 'Idempotency-Keys per click',
      figure: `${posts} POSTs; ${manyKeys} clicks whose attempts had more than one key`,
      goal: 'one key per click',
      ok: manyKeys === 0,
      details,
    },
  ];
}

/** Requests whose status changed in the run (or that the run created), with the status each ended in. */
function changedInRun(records: SoakRecords) {
  return records.final.filter(
    (request) =>
      request.createdAt >= records.startedAt ||
      records.seeded.get(trackedKey(request.companyId, request.id)) !== request.status,
  );
}

/** The sandbox's requests whose status the extension's storage does not hold (missing, or another status). */
export const staleIn = (stored: TrackedMap, final: FinalRequest[]): FinalRequest[] =>
  final.filter((request) => stored[trackedKey(request.companyId, request.id)]?.request.status !== request.status);

export function statusChecks(records: SoakRecords): CheckRow[] {
  const stale = staleIn(records.stored, records.final);
  const changed = changedInRun(records);
  const shown = new Map<string, number>();
  for (const id of records.notifications) shown.set(id, (shown.get(id) ?? 0) + 1);
  const repeated = [...shown.values()].filter((n) => n > 1).length;
  const due = changed.filter((request) => NOTIFY_STATUSES.has(request.status as ErpStatus));
  const unshown = due.filter(
    (request) => !shown.has(`erp:${request.companyId}:${request.itemId}:${request.id}:${request.status}`),
  );
  const missing = unshown.length;
  return [
    {
      check: 'status changes → what storage holds',
      figure: `${changed.length} changed or created, ${stale.length} of ${records.final.length} missing or stale`,
      goal: 'none missing',
      ok: stale.length === 0,
      details: stale.slice(0, FIRST).map((request) => {
        const held = records.stored[trackedKey(request.companyId, request.id)]?.request;
        return `request ${request.id} (company ${request.companyId}): sandbox ${request.status}, storage ${held ? `${held.status} as of ${held.updated_at}` : 'none'}`;
      }),
    },
    {
      check: 'notifications per change',
      figure: `${records.notifications.length} shown for ${due.length} changes, ${missing} missing, ${repeated} repeated`,
      goal: 'exactly one',
      ok: missing === 0 && repeated === 0,
      details: [
        ...unshown.slice(0, FIRST).map((r) => `request ${r.id} (company ${r.companyId}): none for ${r.status}`),
        ...[...shown]
          .filter(([, n]) => n > 1)
          .slice(0, FIRST)
          .map(([id, n]) => `${id}: ${n} times`),
      ],
    },
  ];
}

/**
 * A 429 answered while the worker was being stopped may never have reached it (nor been kept for its successor):
 * the gate cannot have closed for it. Those are counted apart.
 */
export const STOP_MARGIN_MS = 250;

/**
 * Whether the gate held: what the worker sent (its own times, not the server's: a call can reach the server later
 * than the worker sent it) between a 429 reaching it and that 429's Retry-After.
 */
function closedGate(records: SoakRecords): CheckRow {
  const limited = records.workerCalls.filter((c) => c.status === 429 && c.retryAfter !== undefined);
  const unheard = (at: number) =>
    records.stops.some(({ from, to }) => at >= from - STOP_MARGIN_MS && at <= to + STOP_MARGIN_MS);
  const closed = limited
    .filter((c) => !unheard(c.answeredAt!))
    .map((c) => ({
      from: c.answeredAt! + OBSERVE_GRACE_MS,
      until: c.answeredAt! + c.retryAfter! * 1000 - CLOCK_TOLERANCE_MS,
    }));
  const early = records.workerCalls.flatMap((c) => {
    const gate = closed.find(({ from, until }) => c.sentAt >= from && c.sentAt < until);
    const after = gate && (c.sentAt - gate.from + OBSERVE_GRACE_MS).toFixed(1);
    return gate ? [`${c.method} ${new URL(c.url).pathname} sent ${after} ms after a 429 came back`] : [];
  });
  return {
    check: "calls sent while the gate was closed (after a 429's Retry-After)",
    figure: `${early.length} (after ${closed.length} 429s; ${limited.length - closed.length} more while the worker stopped)`,
    goal: '0',
    ok: early.length === 0,
    details: early.slice(0, FIRST),
  };
}

export function gateChecks(records: SoakRecords): CheckRow[] {
  const calls = extensionCalls(records.log);
  const overBudget = calls.filter((entry) => entry.status === 429 && entry.fault === null).length;
  const minutes = (records.endedAt - records.startedAt) / 60_000;
  const pace = Math.round(calls.length / Math.max(minutes / 60, 1 / 3600));
  return [
    {
      check: 'API calls vs the budget',
      figure: `${calls.length} in ${minutes.toFixed(1)} min (${pace}/h pace), limit ${records.rateLimit}/h, ${overBudget} over it`,
      goal: 'none over the budget',
      ok: overBudget === 0,
    },
    closedGate(records),
  ];
}

const mb = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1_048_576).toFixed(1)} MB`);

export function soakChecks(records: SoakRecords): CheckRow[] {
  const inWorker = records.errors.filter((e) => e.where === 'worker').length;
  const inPages = records.errors.length - inWorker;
  return [
    ...sendChecks(records),
    ...statusChecks(records),
    {
      check: 'unhandled errors and rejections, console errors',
      figure: `worker ${inWorker}, pages ${inPages}`,
      goal: '0',
      ok: records.errors.length === 0,
      details: records.errors.slice(0, FIRST).map((e) => `${e.where}: ${e.text.split('\n')[0]}`),
    },
    ...gateChecks(records),
    {
      check: "the worker's JavaScript heap, start → end",
      figure: `${mb(records.heap.start)} → ${mb(records.heap.end)}`,
      goal: 'printed',
      ok: true,
    },
  ];
}
