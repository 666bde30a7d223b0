/** One tracked company: its name as a link to its edit page, its status in words, what matters about it, and its action. */
import type { TrackedRequest } from '@/lib/contract/tracked-request';
import { statusLabel, t } from '@/lib/extension/i18n';
import { openEditPage } from '@/lib/extension/open-edit-page';
import { requestDetails } from '@/lib/erp/request-words';
import { actionFor, isOpen, STATUS_TONE } from '@/lib/erp/status';
import { vendorEditUrl } from '@/lib/procore/page-url';
import { ItemAction } from './ItemAction';
import type { TimeFormatter } from './relative-time';
import type { VendorChecker } from './resend-check';

export interface QueueItemProps {
  tracked: TrackedRequest;
  time: TimeFormatter;
  checker: VendorChecker | null;
  /** `vendor` is the `data-vendor` of the item's link, to put the focus back on it once the queue has reloaded. */
  onDone: (message: string, vendor: string) => void;
}

/** A plain click reuses an open tab; a middle or modified click keeps the browser's own behaviour. */
function openInTab(event: MouseEvent, href: string): void {
  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  void openEditPage(href);
}

/** When it happened, in the popup's own words; what matters about it comes from `requestDetails`, as everywhere. */
function when({ request }: TrackedRequest, time: TimeFormatter): string {
  const decided = request.decided_at ?? request.updated_at;
  switch (request.status) {
    case 'rejected':
      return t('popupRejectedBy', [request.decided_by?.name ?? t('popupSomeone'), time.ago(decided)]);
    case 'failed':
      return t('popupFailedAt', time.ago(request.updated_at));
    case 'pending_acceptance':
    case 'accepted':
      return t('popupWaitingFor', [time.since(request.created_at), request.sent_by.name]);
    case 'synced':
      return t('popupSyncedAt', time.ago(decided));
    case 'retrieved':
      return t('popupRetrievedAt', time.ago(request.updated_at));
  }
}

function Detail({ tracked, time }: Pick<QueueItemProps, 'tracked' | 'time'>) {
  const details = requestDetails(tracked.request);
  // A waiting request's line already says who sent it.
  const sender = isOpen(tracked.request.status) ? null : <p>{t('popupSentBy', tracked.request.sent_by.name)}</p>;
  // The ERP vendor ID reads before the sync time; the comment and the errors after their line, quoted.
  if (tracked.request.status === 'synced') {
    return (
      <>
        {details.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <p>{when(tracked, time)}</p>
        {sender}
      </>
    );
  }
  return (
    <>
      <p>{when(tracked, time)}</p>
      {details.map((line) => (
        <p key={line} class="item-quote">
          {line}
        </p>
      ))}
      {sender}
    </>
  );
}

export function QueueItem({ tracked, time, checker, onDone }: QueueItemProps) {
  const { request } = tracked;
  const href = vendorEditUrl(tracked.origin, tracked.companyId, request.item_id);
  const action = actionFor(request.status, false);
  const vendor = `${tracked.companyId}/${request.item_id}`;
  return (
    <li class="item">
      <div class="item-head">
        <a
          class="item-name"
          data-vendor={vendor}
          href={href}
          target="_blank"
          rel="noopener"
          onClick={(event) => openInTab(event, href)}
        >
          {request.item_name}
        </a>
        <span class={`status status-${STATUS_TONE[request.status]}`}>
          <span class="status-icon" aria-hidden="true" />
          {statusLabel(request.status)}
        </span>
      </div>
      <div class="item-detail">
        <Detail tracked={tracked} time={time} />
      </div>
      {(action === 'resend' || action === 'retrieve') && (
        <ItemAction tracked={tracked} action={action} checker={checker} onDone={(message) => onDone(message, vendor)} />
      )}
    </li>
  );
}
