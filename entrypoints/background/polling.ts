/**
 * Polling open requests: one repeating alarm while some tracked request is open, none otherwise. Below Chrome's
 * 30-second alarm floor (test builds) a timer chain also runs while the worker is alive. One poll is `planPoll`'s list
 * calls, within the hourly budget; a 401 stops polling until the settings change.
 */
import { browser } from 'wxt/browser';
import type { Result, UserError } from '@/lib/contract/errors';
import type { TrackedMap, TrackedRequest } from '@/lib/contract/tracked-request';
import { effectivePollSeconds, MIN_POLL_SECONDS, type Settings } from '@/lib/extension/settings';
import type { ApiClient, ListResult } from './api/client';
import type { RateGate } from './api/rate-gate';
import { toUserError } from './api/api-error';
import { nextCursor, planPoll, recordCalls, withinBudget, type PollCall } from './poll-plan';
import type { Companies, CompanyCursor, PollState, StoredItems } from './stored-items';
import { hasOpen, mergeRequests } from './tracked-requests';

export const POLL_ALARM = 'erp-status-poll';

export interface PollerDeps {
  stored: StoredItems;
  api: () => Promise<Result<ApiClient>>;
  settings: () => Promise<Settings>;
  /** After every poll that changed something. */
  onChanged: (changed: TrackedRequest[]) => Promise<void>;
  pollOverride: number;
  /** The client's rate-limit gate: polls wait while it says so, and fit what it says is left. */
  gate: Pick<RateGate, 'pollsShouldWait' | 'budget'>;
  now?: () => number;
}

export interface Poller {
  /** One poll now; calls made while one runs join it. `all` also asks companies whose requests are all finished. */
  poll(opts?: { all?: boolean }): Promise<void>;
  /** Starts or stops the alarm (and the short-period timer) to match whether anything is open. */
  schedule(): Promise<void>;
  /**
   * Every HTTP request sent (polls and each page of their lists, vendor pages, sends, retries), recorded for the
   * hourly budget at the next poll.
   */
  countCalls(count: number): void;
}

type Outcome = { call: PollCall; answer: ListResult } | { call: PollCall; error: UserError };

const ask = async (client: ApiClient, call: PollCall): Promise<Outcome> => {
  try {
    const filters = { updatedSince: call.updatedSince };
    return { call, answer: await client.listRequests(call.companyId, filters, call.etag, 'poll') };
  } catch (err) {
    return { call, error: toUserError(err) };
  }
};

/** The answers merged into the tracked map: updates of what is tracked, and new requests of vendors already tracked. */
function mergeOutcomes(
  tracked: TrackedMap,
  outcomes: Outcome[],
  companies: Companies,
  changed: TrackedRequest[],
): TrackedMap {
  return outcomes.reduce<TrackedMap>((acc, o) => {
    if (!('answer' in o)) return acc;
    const origin = companies[o.call.companyId]?.origin ?? '';
    const merged = mergeRequests(acc, {
      companyId: o.call.companyId,
      origin,
      requests: o.answer.requests,
      adopt: 'known',
    });
    changed.push(...merged.changed);
    return merged.next;
  }, tracked);
}

/** The poll state after a poll that started at `startedAt`: new cursors, the calls counted, the last update or error. */
function afterPoll(state: PollState, outcomes: Outcome[], startedAt: string, calls: number, now: number): PollState {
  const errors = outcomes.flatMap((o) => ('error' in o ? [o.error] : []));
  const cursors: Record<string, CompanyCursor> = { ...state.cursors };
  for (const o of outcomes) if ('answer' in o) cursors[o.call.companyId] = nextCursor(o.call, startedAt, o.answer);
  return {
    ...state,
    cursors,
    calls: recordCalls(state.calls, now, calls),
    lastUpdated: errors.length ? state.lastUpdated : startedAt,
    lastError: errors[0] ?? null,
    authError: errors.find((e) => e.kind === 'auth') ?? null,
  };
}

export function createPoller(deps: PollerDeps): Poller {
  const { stored, api, settings, onChanged, pollOverride, gate, now = Date.now } = deps;
  let running: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let uncounted = 0;

  const stopTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const schedule = async (): Promise<void> => {
    const [tracked, state, current] = await Promise.all([stored.tracked.get(), stored.poll.get(), settings()]);
    if (!hasOpen(tracked) || state.authError) {
      stopTimer();
      await browser.alarms.clear(POLL_ALARM);
      return;
    }
    const seconds = effectivePollSeconds(current, pollOverride);
    const minutes = seconds / 60;
    const alarm = await browser.alarms.get(POLL_ALARM);
    if (alarm?.periodInMinutes !== minutes)
      browser.alarms.create(POLL_ALARM, { delayInMinutes: minutes, periodInMinutes: minutes });
    if (seconds < MIN_POLL_SECONDS && timer === null) {
      timer = setTimeout(() => {
        timer = null;
        void poll().then(schedule);
      }, seconds * 1000);
    }
  };

  const run = async (all: boolean): Promise<void> => {
    const state = await stored.poll.get();
    if (state.authError || gate.pollsShouldWait()) return;
    const client = await api();
    if (!client.ok) {
      await stored.poll.update((s) => ({ ...s, lastError: client.error }));
      return;
    }
    const startedAt = new Date(now()).toISOString();
    const planned = planPoll(await stored.tracked.get(), state.cursors, { all });
    const plan = withinBudget(planned, state.calls, now(), gate.budget());
    const outcomes = await Promise.all(plan.map((call) => ask(client.value, call)));
    const companies = await stored.companies.get();
    const changed: TrackedRequest[] = [];
    await stored.tracked.update((tracked) => mergeOutcomes(tracked, outcomes, companies, changed));
    const calls = uncounted;
    uncounted = 0;
    const next = await stored.poll.update((s) => afterPoll(s, outcomes, startedAt, calls, now()));
    if (changed.length || next.authError) await onChanged(changed);
  };

  const poll = (opts: { all?: boolean } = {}): Promise<void> => {
    running ??= run(opts.all ?? false).finally(() => {
      running = null;
    });
    return running;
  };

  return {
    poll,
    schedule,
    countCalls(count) {
      uncounted += count;
    },
  };
}
