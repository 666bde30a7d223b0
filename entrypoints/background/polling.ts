/**
 * Polling open requests (issue 4.3): one repeating alarm while some tracked request is open, none otherwise.
 * Below Chrome's 30-second alarm floor (test builds) a timer chain also runs while the worker is alive.
 * One poll is `planPoll`'s list calls, within the hourly budget; a 401 stops polling until the settings change.
 */
import { browser } from 'wxt/browser';
import type { ApiClient, ListResult } from './api/client';
import { toUserError } from './api/user-error';
import type { Result, UserError } from '../../lib/contract/errors';
import { effectivePollSeconds, MIN_POLL_SECONDS, type Settings } from '../../lib/extension/settings';
import type { CompanyCursor, Store, TrackedMap } from './storage/stored-items';
import type { TrackedRequest } from '../../lib/contract/messages';
import { hasOpen, mergeRequests, nextCursor, planPoll, recordCalls, withinBudget, type PollCall } from './tracked-requests';

export const POLL_ALARM = 'erp-status-poll';

export interface PollerDeps {
  store: Store;
  api: () => Promise<Result<ApiClient>>;
  settings: () => Promise<Settings>;
  /** After every poll that changed something. */
  onChanged: (changed: TrackedRequest[]) => Promise<void>;
  pollOverride: number;
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

export function createPoller({ store, api, settings, onChanged, pollOverride, now = Date.now }: PollerDeps): Poller {
  let running: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let uncounted = 0;

  const stopTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const schedule = async (): Promise<void> => {
    const [tracked, state, current] = await Promise.all([store.tracked.get(), store.poll.get(), settings()]);
    if (!hasOpen(tracked) || state.authError) {
      stopTimer();
      await browser.alarms.clear(POLL_ALARM);
      return;
    }
    const seconds = effectivePollSeconds(current, pollOverride);
    const minutes = seconds / 60;
    const alarm = await browser.alarms.get(POLL_ALARM);
    if (alarm?.periodInMinutes !== minutes) browser.alarms.create(POLL_ALARM, { delayInMinutes: minutes, periodInMinutes: minutes });
    if (seconds < MIN_POLL_SECONDS && timer === null) {
      timer = setTimeout(() => {
        timer = null;
        void poll().then(schedule);
      }, seconds * 1000);
    }
  };

  const ask = async (client: ApiClient, call: PollCall): Promise<Outcome> => {
    try {
      return { call, answer: await client.listRequests(call.companyId, { updatedSince: call.updatedSince }, call.etag) };
    } catch (err) {
      return { call, error: toUserError(err) };
    }
  };

  const run = async (all: boolean): Promise<void> => {
    const state = await store.poll.get();
    if (state.authError) return;
    const client = await api();
    if (!client.ok) {
      await store.poll.update((s) => ({ ...s, lastError: client.error }));
      return;
    }
    const startedAt = new Date(now()).toISOString();
    const plan = withinBudget(planPoll(await store.tracked.get(), state.cursors, { all }), state.calls, now());
    const outcomes = await Promise.all(plan.map((call) => ask(client.value, call)));
    const companies = await store.companies.get();

    const changed: TrackedRequest[] = [];
    await store.tracked.update((tracked) =>
      outcomes.reduce<TrackedMap>((acc, o) => {
        if (!('answer' in o)) return acc;
        const origin = companies[o.call.companyId]?.origin ?? '';
        const merged = mergeRequests(acc, { companyId: o.call.companyId, origin, requests: o.answer.requests, adopt: 'known' });
        changed.push(...merged.changed);
        return merged.next;
      }, tracked),
    );

    const errors = outcomes.flatMap((o) => ('error' in o ? [o.error] : []));
    const authError = errors.find((e) => e.kind === 'auth') ?? null;
    const calls = uncounted;
    uncounted = 0;
    await store.poll.update((s) => {
      const cursors: Record<string, CompanyCursor> = { ...s.cursors };
      for (const o of outcomes) if ('answer' in o) cursors[o.call.companyId] = nextCursor(o.call, startedAt, o.answer);
      return {
        ...s,
        cursors,
        calls: recordCalls(s.calls, now(), calls),
        lastUpdated: errors.length ? s.lastUpdated : startedAt,
        lastError: errors[0] ?? null,
        authError,
      };
    });
    if (changed.length || authError) await onChanged(changed);
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
