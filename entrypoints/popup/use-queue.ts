/**
 * The popup's queue as state: the stored first screen at once, then every saved status, then a refresh from the API.
 * The first screen (`first-screen-reader.ts`) is painted first; only once the browser reports it painted is the whole
 * list loaded, which (1,000 requests to read) would otherwise hold that paint back. The list's requests are read here
 * when a worker has checked their text (`tracked-reader.ts`), and asked of the worker only when none has.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ok, orNoAnswer, type Result, type UserError } from '@/lib/contract/errors';
import type { QueueView } from '@/lib/contract/messages';
import { sendMessage } from '@/lib/contract/messaging';
import { errorText, tCount } from '@/lib/extension/i18n';
import { attentionCount, countItems, type FirstScreen } from '@/lib/erp/queue';
import { problemText } from './Notice';
import { createVendorChecker, type VendorChecker } from './resend-check';
import { loadCheckedTracked } from './tracked-reader';
import { whenFirstScreenPainted } from './when-painted';

/** Relative times move on while the popup stays open. */
const TICK_MS = 30_000;
const NO_ANSWER: UserError = { kind: 'no_answer' };

export interface QueueOptions {
  clock: () => number;
  /** The stored first screen, its read started before anything else. */
  firstScreen: Promise<FirstScreen | null>;
  onFirstScreen?: () => void;
  onQueueAsked?: () => void;
  onFirstQueue?: () => void;
}

/** The time the popup's relative times are told from: moved on by every answer and every `TICK_MS`. */
function useNow(clock: () => number): readonly [number, (now: number) => void] {
  const [now, setNow] = useState<number>(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), TICK_MS);
    return () => clearInterval(timer);
  }, [clock]);
  return [now, setNow] as const;
}

/**
 * The whole list: its state from the worker, its requests from storage when a worker checked them, else from the
 * worker. Read alongside the worker's answer unless it refreshes (its poll writes them first).
 */
async function loadQueue(refresh: boolean): Promise<Result<QueueView>> {
  const read = refresh ? null : loadCheckedTracked();
  const answer = await orNoAnswer(sendMessage('getQueue', { refresh, requests: false }).then(ok));
  if (!answer.ok) return answer;
  const requests = answer.value.requests ?? (await (read ?? loadCheckedTracked()));
  if (requests) return ok({ ...answer.value, requests });
  // Only its requests are taken: what the worker tells once (`droppedForSpace`) was told in the first answer.
  const whole = await orNoAnswer(sendMessage('getQueue', { refresh: false, requests: true }).then(ok));
  return whole.ok ? ok({ ...answer.value, requests: whole.value.requests ?? [] }) : whole;
}

/** What the worker tells only once (requests dropped for space): kept for as long as the popup is open. */
function useToldOnce() {
  const [dropped, setDropped] = useState<QueueView['droppedForSpace']>(null);
  const note = useCallback((view: QueueView) => view.droppedForSpace && setDropped(view.droppedForSpace), []);
  return [dropped, note] as const;
}

/**
 * The stored first screen, shown only until the whole list arrives; `loadSaved` asks for that list once the first
 * screen is painted, or at once when there is none.
 */
function useFirstScreen(
  firstScreen: Promise<FirstScreen | null>,
  loadSaved: () => void,
  onFirstScreen?: () => void,
): FirstScreen | null {
  const [first, setFirst] = useState<FirstScreen | null>(null);
  // A layout effect: the answer is waited for from before the "Loading" placeholder is painted, not a frame later.
  useLayoutEffect(() => {
    void firstScreen.then((screen) => {
      if (!screen) return loadSaved();
      onFirstScreen?.();
      setFirst(screen);
    });
  }, []);

  // Effects run after the browser paints: the whole list is asked for once the first screen is on screen.
  useEffect(() => {
    if (!first) return;
    if (countItems(first.sections) === 0) loadSaved();
    else whenFirstScreenPainted(loadSaved);
  }, [first]);
  return first;
}

export function useQueue({ clock, firstScreen, onFirstScreen, onQueueAsked, onFirstQueue }: QueueOptions) {
  const [view, setView] = useState<QueueView | null>(null);
  const [unanswered, setUnanswered] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [now, setNow] = useNow(clock);
  const [dropped, noteToldOnce] = useToldOnce();
  const [checker, setChecker] = useState<VendorChecker | null>(null);
  const inFlight = useRef(false);
  const refreshed = useRef(false);

  const load = useCallback(
    async (refresh: boolean, onAnswer?: () => void): Promise<QueueView | null> => {
      const answer = await loadQueue(refresh);
      setNow(clock());
      setUnanswered(!answer.ok);
      if (!answer.ok) return null;
      onAnswer?.();
      noteToldOnce(answer.value);
      setView(answer.value);
      return answer.value;
    },
    [clock, noteToldOnce],
  );

  const refresh = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setRefreshing(true);
    const next = await load(true);
    inFlight.current = false;
    setRefreshing(false);
    setChecker(() => createVendorChecker());
    if (!next) setAnnouncement(errorText(NO_ANSWER));
    else
      setAnnouncement(next.error ? problemText(next.error) : tCount('popupRefreshed', attentionCount(next.requests)));
  }, [load]);

  /** An item's action changed its request: say so, and read the queue again. */
  const reload = useCallback(
    (message: string) => {
      setAnnouncement(message);
      void load(false).then(() => setChecker(() => createVendorChecker()));
    },
    [load],
  );

  const loadSaved = () => {
    onQueueAsked?.();
    void load(false, onFirstQueue).then((saved) => {
      if (!saved) void refresh();
    });
  };

  const first = useFirstScreen(firstScreen, loadSaved, onFirstScreen);

  // The saved statuses are on screen before any refresh work starts.
  useEffect(() => {
    if (view && !refreshed.current) {
      refreshed.current = true;
      void refresh();
    }
  }, [view]);

  return { view, first, unanswered, refreshing, announcement, now, checker, refresh, reload, dropped };
}
