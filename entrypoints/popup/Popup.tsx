/**
 * The admin's queue (issue 5.1): saved statuses at once, then a refresh from the API; sections with counts, a search
 * box, and an action per item. The first screen is painted from the copy the background keeps in storage
 * (`lib/first-screen.ts`); everything else comes from the background through `lib/messaging.ts`.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FirstScreen } from '@/lib/erp/first-screen';
import { t } from '@/lib/extension/i18n';
import { sendMessage, type QueueView } from '@/lib/contract/messages';
import { countItems, groupQueue } from '@/lib/erp/queue';
import { createTimeFormatter } from '@/entrypoints/popup/relative-time';
import { isSignedOut, Notice, problemText } from './Notice';
import { whenFirstScreenPainted } from './when-painted';
import { QueueSection } from './QueueSection';
import { createVendorChecker, type VendorChecker } from './resend-check';

export interface PopupProps {
  /** The browser's UI language, for times and numbers. */
  locale: string;
  clock?: () => number;
  /** The stored first screen, its read started before anything else (`loadFirstScreen`); none by default. */
  firstScreen?: Promise<FirstScreen | null>;
  /** Called once, when the stored first screen has been read (and is about to be painted). */
  onFirstScreen?: () => void;
  /** Called once, when the background's first answer (every saved status) arrives. */
  onFirstQueue?: () => void;
}

/** Relative times move on while the popup stays open. */
const TICK_MS = 30_000;
/** How long the popup says that damaged saved statuses were rebuilt. */
const REPAIRED_NOTICE_MS = 24 * 3600_000;

/** Counted as the heading counts: one per company, its newest request. */
const needingAttention = (view: QueueView): number =>
  groupQueue(view.requests).find((section) => section.id === 'attention')?.count ?? 0;

const NO_FIRST_SCREEN = Promise.resolve(null);

export function Popup({ locale, clock = Date.now, firstScreen = NO_FIRST_SCREEN, onFirstScreen, onFirstQueue }: PopupProps) {
  const [view, setView] = useState<QueueView | null>(null);
  /** Shown only until `view` arrives. */
  const [first, setFirst] = useState<FirstScreen | null>(null);
  const [unanswered, setUnanswered] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [query, setQuery] = useState('');
  const [now, setNow] = useState(clock);
  const [checker, setChecker] = useState<VendorChecker | null>(null);
  const inFlight = useRef(false);
  const refreshed = useRef(false);
  /** The clicked button leaves with its item's old section: the focus goes to the company's link in its new one. */
  const focusAfterReload = useRef<string | null>(null);
  const main = useRef<HTMLElement>(null);

  const load = useCallback(async (refresh: boolean, onAnswer?: () => void): Promise<QueueView | null> => {
    try {
      const next = await sendMessage('getQueue', { refresh });
      onAnswer?.();
      setView(next);
      setUnanswered(false);
      return next;
    } catch {
      setUnanswered(true);
      return null;
    } finally {
      setNow(clock());
    }
  }, [clock]);

  const refresh = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setRefreshing(true);
    const next = await load(true);
    inFlight.current = false;
    setRefreshing(false);
    setChecker(() => createVendorChecker());
    if (!next) setAnnouncement(t('popupNoAnswer'));
    else setAnnouncement(next.error ? problemText(next.error) : t('popupRefreshed', String(needingAttention(next))));
  }, [load]);

  const onDone = useCallback(
    (message: string, vendor: string) => {
      setAnnouncement(message);
      focusAfterReload.current = vendor;
      void load(false).then(() => setChecker(() => createVendorChecker()));
    },
    [load],
  );

  const loadSaved = () =>
    void load(false, onFirstQueue).then((saved) => {
      if (!saved) void refresh();
    });

  // A layout effect: the answer is waited for from before the "Loading" placeholder is painted, not a frame later.
  useLayoutEffect(() => {
    // The stored first screen (its read started with the page) is painted first; without one (none saved yet, or
    // unreadable), the worker is asked now.
    void firstScreen.then((screen) => {
      if (!screen) return loadSaved();
      onFirstScreen?.();
      setFirst(screen);
    });
    const timer = setInterval(() => setNow(clock()), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  useLayoutEffect(() => {
    const vendor = focusAfterReload.current;
    if (vendor && view) {
      focusAfterReload.current = null;
      main.current?.querySelector<HTMLElement>(`[data-vendor="${vendor}"]`)?.focus();
    }
  }, [view]);

  // Effects run after the browser paints. The worker's whole list is asked for once the first screen is on screen: its
  // answer (1,000 requests to copy and read) would otherwise hold that paint back.
  useEffect(() => {
    if (!first) return;
    if (countItems(first.sections) === 0) loadSaved();
    else whenFirstScreenPainted(loadSaved);
  }, [first]);

  // The saved statuses are on screen before any refresh work starts.
  useEffect(() => {
    if (view && !refreshed.current) {
      refreshed.current = true;
      void refresh();
    }
  }, [view]);

  const time = useMemo(() => createTimeFormatter(locale, now, t('popupJustNow')), [locale, now]);
  const shown = view ?? first;
  // Searching needs every item: until the worker's list arrives, the first screen shows unfiltered.
  const all = useMemo(() => (view ? groupQueue(view.requests, query) : (first?.sections ?? [])), [view, first, query]);
  const sections = all.filter((section) => section.count > 0);
  const empty = view ? view.requests.length === 0 : countItems(all) === 0;
  const error = shown?.error ?? null;

  return (
    <main class="popup" ref={main}>
      <header class="header">
        <h1>{t('extName')}</h1>
        <div class="toolbar">
          <p class="updated">
            {shown?.lastUpdated ? t('popupLastUpdated', time.ago(shown.lastUpdated)) : t('popupNeverUpdated')}
          </p>
          <button type="button" class="button" aria-busy={refreshing ? 'true' : 'false'} onClick={() => void refresh()}>
            {refreshing && <span class="spinner" aria-hidden="true" />}
            {t(refreshing ? 'popupRefreshing' : 'popupRefresh')}
          </button>
        </div>
      </header>
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
      {unanswered && (
        <div class="notice notice-error">
          <p>{t('popupNoAnswer')}</p>
        </div>
      )}
      {error && <Notice error={error} />}
      {view?.repairedAt && now - Date.parse(view.repairedAt) < REPAIRED_NOTICE_MS && (
        <div class="notice">
          <p>{t('popupRepaired', time.ago(view.repairedAt))}</p>
        </div>
      )}
      {shown === null ? (
        !unanswered && <p class="placeholder">{t('popupLoading')}</p>
      ) : empty ? (
        !isSignedOut(error) && <p class="placeholder">{t('popupEmpty')}</p>
      ) : (
        <>
          <div class="search">
            <label for="search" class="visually-hidden">
              {t('popupSearchLabel')}
            </label>
            <input
              id="search"
              type="search"
              placeholder={t('popupSearchLabel')}
              autocomplete="off"
              value={query}
              onInput={(event) => setQuery(event.currentTarget.value)}
            />
          </div>
          {sections.length === 0 ? (
            <p class="placeholder">{t('popupNoMatch', query.trim())}</p>
          ) : (
            sections.map((section) => (
              <QueueSection key={section.id} section={section} time={time} checker={checker} onDone={onDone} />
            ))
          )}
        </>
      )}
    </main>
  );
}
