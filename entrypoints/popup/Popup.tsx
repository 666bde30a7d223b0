/**
 * The admin's queue: sections with counts, a search box, and an action per item, over `use-queue.ts`'s state. The
 * list itself is built in `lib/erp/queue.ts`; everything else comes from the background through messages.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { errorText, t, tCount } from '@/lib/extension/i18n';
import type { CompanySkip, QueueView } from '@/lib/contract/messages';
import { sendMessage } from '@/lib/contract/messaging';
import { ofWhom, WHOSE, type Whose } from '@/lib/erp/whose';
import { countItems, groupQueue, type FirstScreen, type QueueSection as Section } from '@/lib/erp/queue';
import { BulkResend } from './BulkResend';
import { isSignedOut, Notice } from './Notice';
import { QueueSection } from './QueueSection';
import { createTimeFormatter, type TimeFormatter } from './relative-time';
import { useBulkResend } from './use-bulk-resend';
import { useQueue } from './use-queue';

export interface PopupProps {
  /** The browser's UI language, for times and numbers. */
  locale: string;
  clock?: () => number;
  /** The stored first screen, its read started before anything else (`loadFirstScreen`); none by default. */
  firstScreen?: Promise<FirstScreen | null>;
  /** Called once, when the stored first screen has been read (and is about to be painted). */
  onFirstScreen?: () => void;
  /** Called once, when the whole list (every saved status) is asked for. */
  onQueueAsked?: () => void;
  /** Called once, when the background's first answer (every saved status) arrives. */
  onFirstQueue?: () => void;
}

/** How long the popup says that damaged saved statuses were rebuilt. */
const REPAIRED_NOTICE_MS = 24 * 3600_000;
const NO_FIRST_SCREEN = Promise.resolve(null);

/** The clicked button leaves with its item's old section: the focus goes to the company's link in its new one. */
function useFocusAfterReload(view: QueueView | null) {
  const main = useRef<HTMLElement>(null);
  const pending = useRef<string | null>(null);
  useLayoutEffect(() => {
    const vendor = pending.current;
    if (vendor && view) {
      pending.current = null;
      main.current?.querySelector<HTMLElement>(`[data-vendor="${vendor}"]`)?.focus();
    }
  }, [view]);
  return { main, focusLater: (vendor: string) => void (pending.current = vendor) };
}

function Header({
  updated,
  refreshing,
  refresh,
}: {
  updated: string;
  refreshing: boolean;
  refresh: () => Promise<void>;
}) {
  return (
    <header class="header">
      <h1>{t('extName')}</h1>
      <div class="toolbar">
        <p class="updated">{updated}</p>
        <button type="button" class="button" aria-busy={refreshing ? 'true' : 'false'} onClick={() => void refresh()}>
          {refreshing && <span class="spinner" aria-hidden="true" />}
          {t(refreshing ? 'popupRefreshing' : 'popupRefresh')}
        </button>
      </div>
    </header>
  );
}

function Search({ query, setQuery }: { query: string; setQuery: (query: string) => void }) {
  return (
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
  );
}

/** "Everyone / Sent by me": two radio buttons, remembered by the background. */
function WhoseFilter({ whose, setWhose }: { whose: Whose; setWhose: (whose: Whose) => void }) {
  return (
    <fieldset class="whose">
      <legend class="visually-hidden">{t('popupWhoseLegend')}</legend>
      {WHOSE.map((value) => (
        <label key={value} class="whose-option">
          <input type="radio" name="whose" value={value} checked={whose === value} onChange={() => setWhose(value)} />
          {t(value === 'everyone' ? 'popupWhoseEveryone' : 'popupWhoseMine')}
        </label>
      ))}
    </fieldset>
  );
}

/** One line per company whose last poll left something out. */
function Skipped({ skipped }: { skipped: readonly CompanySkip[] }) {
  return (
    <>
      {skipped.map(({ companyId, error, foreign }) => (
        <div key={companyId} class="notice">
          <p>
            {error
              ? t('popupCompanyUnreachable', [String(companyId), errorText(error)])
              : t('popupForeignSkipped', [String(companyId), String(foreign)])}
          </p>
        </div>
      ))}
    </>
  );
}

/** What the worker told once, damaged statuses rebuilt, and companies left out. */
function Notices({
  dropped,
  repaired,
  skipped,
  time,
}: {
  dropped: QueueView['droppedForSpace'];
  repaired: string | null;
  skipped: readonly CompanySkip[];
  time: TimeFormatter;
}) {
  return (
    <>
      {dropped && (
        <div class="notice">
          <p>{tCount('popupDroppedForSpace', dropped.count)}</p>
        </div>
      )}
      <Skipped skipped={skipped} />
      {repaired && (
        <div class="notice">
          <p>{t('popupRepaired', time.ago(repaired))}</p>
        </div>
      )}
    </>
  );
}

/** The companies a bulk re-send takes: the rejected, failed and retrieved ones in view (filter and search). */
const resendTargets = (sections: readonly Section[]) =>
  sections
    .filter((section) => section.id === 'attention' || section.id === 'retrieved')
    .flatMap((section) => section.items)
    .map(({ companyId, request }) => ({ companyId, vendorId: request.item_id }));

/** The filter as the background remembers it, changed at once on screen and saved behind. */
function useWhose(remembered: Whose | undefined) {
  const [chosen, setChosen] = useState<Whose | null>(null);
  const whose = chosen ?? remembered ?? 'everyone';
  const setWhose = useCallback((next: Whose) => {
    setChosen(next);
    void sendMessage('setQueueFilter', { whose: next }).catch(() => undefined);
  }, []);
  return [whose, setWhose] as const;
}

export function Popup({
  locale,
  clock = Date.now,
  firstScreen = NO_FIRST_SCREEN,
  onFirstScreen,
  onQueueAsked,
  onFirstQueue,
}: PopupProps) {
  const queue = useQueue({ clock, firstScreen, onFirstScreen, onQueueAsked, onFirstQueue });
  const { view, first, now } = queue;
  const [query, setQuery] = useState('');
  const { main, focusLater } = useFocusAfterReload(view);
  const onDone = useCallback(
    (message: string, vendor: string) => {
      focusLater(vendor);
      queue.reload(message);
    },
    [queue.reload],
  );

  const time = useMemo(() => createTimeFormatter(locale, now, t('popupJustNow')), [locale, now]);
  const shown = view ?? first;
  const [whose, setWhose] = useWhose(view?.whose ?? first?.whose);
  // Searching needs every item: until the worker's list arrives, the first screen shows unfiltered.
  const sections = useMemo(
    () =>
      view ? groupQueue(ofWhom(view.requests, whose, view.me), query) : first?.whose === whose ? first.sections : [],
    [view, first, query, whose],
  );
  const withItems = sections.filter((section) => section.count > 0);
  const bulkDone = useCallback(() => queue.reload(t('bulkDoneTitle')), [queue.reload]);
  const bulk = useBulkResend(view !== null, bulkDone);
  const empty = view ? view.requests.length === 0 : countItems(sections) === 0;
  const error = shown?.error ?? null;
  const repaired = view?.repairedAt && now - Date.parse(view.repairedAt) < REPAIRED_NOTICE_MS ? view.repairedAt : null;

  return (
    <main class="popup" ref={main}>
      <Header
        updated={shown?.lastUpdated ? t('popupLastUpdated', time.ago(shown.lastUpdated)) : t('popupNeverUpdated')}
        refreshing={queue.refreshing}
        refresh={queue.refresh}
      />
      <p class="visually-hidden" role="status">
        {queue.announcement}
      </p>
      {queue.unanswered && (
        <div class="notice notice-error">
          <p>{errorText({ kind: 'no_answer' })}</p>
        </div>
      )}
      {error && <Notice error={error} />}
      <Notices dropped={queue.dropped} repaired={repaired} skipped={view?.skipped ?? []} time={time} />
      {shown === null ? (
        !queue.unanswered && <p class="placeholder">{t('popupLoading')}</p>
      ) : empty ? (
        !isSignedOut(error) && <p class="placeholder">{t('popupEmpty')}</p>
      ) : (
        <>
          <Search query={query} setQuery={setQuery} />
          <WhoseFilter whose={whose} setWhose={setWhose} />
          <BulkResend state={bulk} targets={view ? resendTargets(sections) : []} />
          {withItems.length === 0 ? (
            <p class="placeholder">{query.trim() ? t('popupNoMatch', query.trim()) : t('popupNoneMine')}</p>
          ) : (
            withItems.map((section) => (
              <QueueSection key={section.id} section={section} time={time} checker={queue.checker} onDone={onDone} />
            ))
          )}
        </>
      )}
    </main>
  );
}
