/**
 * One section of the queue: a heading with its count and the items, newest first. Only the first `PAGE_SIZE` items are
 * rendered until the admin asks for more, so a queue of 1,000 paints as fast as one of 100; and the first paint has only
 * about a screenful (`FIRST_SCREEN_ITEMS`), the rest of the page coming just after. Memoised: the refresh button's
 * progress and the live region re-render the popup, not its items.
 *
 * Each heading carries `elementtiming`: the browser then records when it was first painted (Element Timing API), which
 * is how `npm run bench` times the queue's first paint.
 */
import { memo } from './memo';
import { useEffect, useState } from 'preact/hooks';
import { t, tCount, type MessageKey } from '@/lib/extension/i18n';
import { FIRST_SCREEN_ITEMS, type QueueSection as Section, type SectionId } from '@/lib/erp/queue';
import type { TimeFormatter } from './relative-time';
import { QueueItem, type QueueItemProps } from './QueueItem';
import type { VendorChecker } from './resend-check';

export const PAGE_SIZE = 25;

const HEADING: Record<SectionId, MessageKey> = {
  attention: 'popupSectionAttention',
  waiting: 'popupSectionWaiting',
  retrieved: 'popupSectionRetrieved',
  synced: 'popupSectionSynced',
};

export interface QueueSectionProps {
  section: Section;
  time: TimeFormatter;
  checker: VendorChecker | null;
  onDone: QueueItemProps['onDone'];
}

function SectionView({ section, time, checker, onDone }: QueueSectionProps) {
  const [shown, setShown] = useState(FIRST_SCREEN_ITEMS);
  // Effects run once the first screenful is painted; the rest of the page then renders in a task of its own.
  useEffect(() => {
    const timer = setTimeout(() => setShown((n) => Math.max(n, PAGE_SIZE)), 0);
    return () => clearTimeout(timer);
  }, []);
  const headingId = `section-${section.id}`;
  const hidden = section.items.length - shown;
  return (
    <section class={`section section-${section.id}`} aria-labelledby={headingId}>
      <h2 id={headingId} elementtiming={headingId}>
        {t(HEADING[section.id], String(section.count))}
      </h2>
      <ul class="items" aria-labelledby={headingId}>
        {section.items.slice(0, shown).map((tracked) => (
          <QueueItem
            key={`${tracked.origin} ${tracked.request.id}`}
            tracked={tracked}
            time={time}
            checker={checker}
            onDone={onDone}
          />
        ))}
      </ul>
      {hidden > 0 && shown >= PAGE_SIZE && (
        <button type="button" class="button button-quiet show-more" onClick={() => setShown(shown + PAGE_SIZE)}>
          {tCount('popupShowMore', Math.min(PAGE_SIZE, hidden))}
        </button>
      )}
    </section>
  );
}

export const QueueSection = memo(SectionView);
