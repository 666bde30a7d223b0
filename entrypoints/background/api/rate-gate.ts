/**
 * One gate for every call the background makes to the integration API (polls and each page of their lists, vendor
 * pages, sends, retrieves, retries, the options page's Test). Procore limits a token per hour and per 10-second spike
 * window, and says which is nearer in `X-Rate-Limit-Limit / -Remaining / -Reset` on every answer. So:
 * - after a 429 nothing leaves until `Retry-After` (else `X-Rate-Limit-Reset`) has passed; the calls held then go in
 *   order of what waits on them: sends, then pages, then polls, each kind first come first served;
 * - a window the server reports spent (`Remaining: 0` before its reset) holds every call until the reset;
 * - polls wait while what is left of the reported window is below a reserve, so a page or a send still gets through;
 * - at most `SPIKE_CALLS` leave in any 10 seconds, so a burst (ten vendor tabs opened at once) is spread, not failed;
 *   polls take no more than `SPIKE_CALLS - SPIKE_RESERVE` of them, so a page or a send never waits behind polls.
 * A 429's wait is kept (`held`) so that a worker stopped and woken meanwhile waits it out too. The clock and timer are
 * passed in: the unit tests run it on a fake clock.
 */
import { numberHeader, serverDelay } from './retry';

export type CallKind = 'send' | 'page' | 'poll';
const PRIORITY: Record<CallKind, number> = { send: 0, page: 1, poll: 2 };

export const SPIKE_WINDOW_MS = 10_000;
/** Procore's guide gives 25 per spike window as its example; a little under it. */
export const SPIKE_CALLS = 20;
/** Calls of a 10-second window that polls leave to pages and sends. */
export const SPIKE_RESERVE = 5;
/** Below this share of the reported window (and at least `MIN_RESERVE` calls), polls wait for its reset. */
const POLL_RESERVE_SHARE = 0.1;
const MIN_RESERVE = 5;
/** A 429 that names no wait closes the gate this long. */
export const UNNAMED_WAIT_MS = 5_000;

export interface Budget {
  limit: number;
  remaining: number;
  /** Epoch ms when the reported window resets. */
  resetAt: number;
}

export interface GateClock {
  now(): number;
  /** Calls back after `ms` (a `setTimeout`). */
  after(ms: number, callback: () => void): void;
}

export interface RateGate {
  /** Resolves when a call of this kind may leave. */
  pass(kind: CallKind): Promise<void>;
  /** Every answer, for its rate-limit headers (and a 429's wait). */
  observe(status: number, headers: Headers): void;
  /** The window as the server last reported it, counted down by the calls passed since; null before any report. */
  budget(): Budget | null;
  /** Polls should not start now: the gate is closed, or the reported window is down to its reserve. */
  pollsShouldWait(): boolean;
}

/** Where the gate keeps until when it is closed, across worker restarts. */
export interface HeldUntil {
  load(): Promise<number>;
  save(until: number): Promise<void>;
}

export interface GateOptions {
  clock?: GateClock;
  held?: HeldUntil;
}

const realClock: GateClock = { now: Date.now, after: (ms, callback) => void setTimeout(callback, ms) };

function reportedBudget(headers: Headers): Budget | null {
  const limit = numberHeader(headers, 'x-rate-limit-limit');
  const remaining = numberHeader(headers, 'x-rate-limit-remaining');
  const reset = numberHeader(headers, 'x-rate-limit-reset');
  return limit === null || remaining === null || reset === null ? null : { limit, remaining, resetAt: reset * 1000 };
}

export function createRateGate({ clock = realClock, held }: GateOptions = {}): RateGate {
  const waiting: { kind: CallKind; order: number; go: () => void }[] = [];
  const passed: number[] = [];
  let order = 0;
  let closedUntil = 0;
  let budget: Budget | null = null;
  let wakeAt = Infinity;
  // Read when the first call comes, not when the worker starts: most wake-ups meet no 429.
  let loaded: Promise<void> | null = null;
  const load = () =>
    (loaded ??= (held?.load() ?? Promise.resolve(0)).then(
      (until) => void (closedUntil = Math.max(closedUntil, until)),
      () => undefined,
    ));

  const liveBudget = (now: number) => (budget && now < budget.resetAt ? budget : null);
  /** When the next call of this kind may leave: now, or the first moment every limit allows one. */
  const openAt = (now: number, kind: CallKind): number => {
    const spent = liveBudget(now)?.remaining === 0 ? budget!.resetAt : 0;
    while (passed.length && passed[0]! <= now - SPIKE_WINDOW_MS) passed.shift();
    const allowed = kind === 'poll' ? SPIKE_CALLS - SPIKE_RESERVE : SPIKE_CALLS;
    const spike = passed.length >= allowed ? passed[passed.length - allowed]! + SPIKE_WINDOW_MS : 0;
    return Math.max(now, closedUntil, spent, spike);
  };

  const pump = () => {
    for (;;) {
      if (!waiting.length) return;
      const now = clock.now();
      waiting.sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.order - b.order);
      const at = openAt(now, waiting[0]!.kind);
      if (at > now) return wakeAt > at ? schedule(at - now, at) : undefined;
      const next = waiting.shift()!;
      passed.push(now);
      if (liveBudget(now)) budget = { ...budget!, remaining: Math.max(0, budget!.remaining - 1) };
      next.go();
    }
  };
  const schedule = (ms: number, at: number) => {
    wakeAt = at;
    clock.after(ms, () => {
      wakeAt = Infinity;
      pump();
    });
  };

  return {
    async pass(kind) {
      await load();
      return new Promise<void>((go) => {
        waiting.push({ kind, order: order++, go });
        pump();
      });
    },
    observe(status, headers) {
      const now = clock.now();
      const reported = reportedBudget(headers);
      if (reported) budget = reported;
      if (status === 429) {
        closedUntil = Math.max(closedUntil, now + (serverDelay(headers, now) ?? UNNAMED_WAIT_MS));
        void held
          ?.save(closedUntil)
          .catch((err: unknown) => console.warn('[erp-resend] the 429 wait was not kept', err));
      }
      pump();
    },
    budget: () => liveBudget(clock.now()),
    pollsShouldWait() {
      const now = clock.now();
      const live = liveBudget(now);
      const reserve = live ? Math.max(MIN_RESERVE, Math.ceil(live.limit * POLL_RESERVE_SHARE)) : 0;
      return now < closedUntil || (live !== null && live.remaining < reserve);
    },
  };
}
