/**
 * Polling the company's queue: one repeating alarm while the admin works in some company, none otherwise. Below
 * Chrome's 30-second alarm floor (test builds) a timer chain also runs while the worker is alive. One poll is
 * `planPoll`'s list calls, within the hourly budget; every request of each company is tracked, whoever sent it. A 401
 * stops polling until the settings change; a company the token no longer reaches (403, 404) is noted and skipped.
 */
import { browser } from 'wxt/browser';
import type { Result, UserError } from '@/lib/contract/errors';
import type { TrackedMap, TrackedRequest } from '@/lib/contract/tracked-request';
import { effectivePollSeconds, MIN_POLL_SECONDS, type Settings } from '@/lib/extension/settings';
import type { ApiClient, ListResult } from './api/client';
import type { RateGate } from './api/rate-gate';
import { toUserError } from './api/api-error';
import { knownCompanies, nextCursor, planPoll, recordCalls, withinBudget, type PollCall } from './poll-plan';
import type { Companies, CompanyCursor, CompanyNote, PollState, StoredItems } from './stored-items';
import { mergeRequests } from './tracked-requests';

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
  /** One poll now; calls made while one runs join it. */
  poll(): Promise<void>;
  /** Starts or stops the alarm (and the short-period timer) to match whether any company is known. */
  schedule(): Promise<void>;
  /**
   * Every HTTP request sent (polls and each page of their lists, vendor pages, sends, retries), recorded for the
   * hourly budget at the next poll.
   */
  countCalls(count: number): void;
}

type Outcome = { call: PollCall; answer: ListResult } | { call: PollCall; error: UserError };

/** A company's questions, asked one after the other; one failure fails the company's poll (its cursor stays). */
const ask = async (client: ApiClient, call: PollCall): Promise<Outcome> => {
  const answer: ListResult = { requests: [], etag: null, notModified: false, foreign: 0 };
  try {
    for (const { status, updatedSince } of call.questions) {
      const listed = await client.listRequests(call.companyId, { status, updatedSince }, call.etag, 'poll');
      answer.requests.push(...listed.requests);
      answer.foreign += listed.foreign;
      answer.etag = listed.etag;
      answer.notModified = listed.notModified;
    }
    return { call, answer };
  } catch (err) {
    return { call, error: toUserError(err) };
  }
};

/** The answers merged into the tracked map: every request of each company (new ones as history, never notified). */
function mergeOutcomes(
  tracked: TrackedMap,
  outcomes: Outcome[],
  companies: Companies,
  changed: TrackedRequest[],
): TrackedMap {
  return outcomes.reduce<TrackedMap>((acc, o) => {
    if (!('answer' in o)) return acc;
    const origin = companies[o.call.companyId]?.origin ?? '';
    const merged = mergeRequests(acc, { companyId: o.call.companyId, origin, requests: o.answer.requests });
    changed.push(...merged.changed);
    return merged.next;
  }, tracked);
}

/** A company's list refused as out of the token's reach: skipped with a line, not a failed poll. */
const unreachable = (error: UserError): boolean => error.kind === 'forbidden' || error.kind === 'not_found';

/** What each company's poll left out, for the popup: kept until that company's next answer. */
function notesAfter(notes: Record<string, CompanyNote>, outcomes: Outcome[]): Record<string, CompanyNote> {
  const next = { ...notes };
  for (const o of outcomes) {
    const note: CompanyNote =
      'answer' in o
        ? { error: null, foreign: o.answer.foreign }
        : { error: unreachable(o.error) ? o.error : null, foreign: 0 };
    if (note.error || note.foreign) next[o.call.companyId] = note;
    else if ('answer' in o || !unreachable(o.error)) delete next[o.call.companyId];
  }
  return next;
}

/** The poll state after a poll that started at `startedAt`: new cursors, the calls counted, the last update or error. */
function afterPoll(state: PollState, outcomes: Outcome[], startedAt: string, calls: number, now: number): PollState {
  const errors = outcomes.flatMap((o) => ('error' in o && !unreachable(o.error) ? [o.error] : []));
  const cursors: Record<string, CompanyCursor> = { ...state.cursors };
  for (const o of outcomes) if ('answer' in o) cursors[o.call.companyId] = nextCursor(o.call, startedAt, o.answer);
  return {
    ...state,
    cursors,
    calls: recordCalls(state.calls, now, calls),
    lastUpdated: errors.length ? state.lastUpdated : startedAt,
    lastError: errors[0] ?? null,
    authError: errors.find((e) => e.kind === 'auth') ?? null,
    companyNotes: notesAfter(state.companyNotes, outcomes),
  };
}

/** The signed-in user, asked once per token: whose requests are "mine". A failure is left to the next poll. */
async function whoAmI(client: ApiClient, state: PollState): Promise<PollState['me']> {
  if (state.me) return state.me;
  try {
    const { id, name } = await client.me();
    return { id, name };
  } catch {
    return null;
  }
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
    const [tracked, companies, state, current] = await Promise.all([
      stored.tracked.get(),
      stored.companies.get(),
      stored.poll.get(),
      settings(),
    ]);
    if (knownCompanies(companies, tracked).length === 0 || state.authError) {
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

  const run = async (): Promise<void> => {
    const state = await stored.poll.get();
    if (state.authError || gate.pollsShouldWait()) return;
    const client = await api();
    if (!client.ok) {
      await stored.poll.update((s) => ({ ...s, lastError: client.error }));
      return;
    }
    const startedAt = new Date(now()).toISOString();
    const [companies, tracked] = await Promise.all([stored.companies.get(), stored.tracked.get()]);
    const planned = planPoll(knownCompanies(companies, tracked), state.cursors, now());
    const plan = withinBudget(planned, state.calls, now(), gate.budget());
    const [me, outcomes] = await Promise.all([
      whoAmI(client.value, state),
      Promise.all(plan.map((call) => ask(client.value, call))),
    ]);
    const changed: TrackedRequest[] = [];
    await stored.tracked.update((current) => mergeOutcomes(current, outcomes, companies, changed));
    const calls = uncounted;
    uncounted = 0;
    const next = await stored.poll.update((s) => ({ ...afterPoll(s, outcomes, startedAt, calls, now()), me }));
    if (changed.length || next.authError) await onChanged(changed);
  };

  const poll = (): Promise<void> => {
    running ??= run().finally(() => {
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
