/** One tracked company: its name as a link to its edit page, its status in words, what matters about it, and its action. */
import { t, statusLabel } from '@/lib/extension/i18n';
import type { TrackedRequest } from '@/lib/contract/messages';
import { vendorEditUrl } from '@/lib/procore/page-url';
import type { TimeFormatter } from '@/entrypoints/popup/relative-time';
import { actionFor, STATUS_TONE } from '@/lib/erp/status';
import { ItemAction } from './ItemAction';
import { openEditPage } from '@/lib/extension/open-edit-page';
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

function Detail({ tracked: { request }, time }: Pick<QueueItemProps, 'tracked' | 'time'>) {
  switch (request.status) {
    case 'rejected':
      return (
        <>
          <p>{t('popupRejectedBy', [request.decided_by?.name ?? t('popupSomeone'), time.ago(request.decided_at ?? request.updated_at)])}</p>
          {request.rejection_comment && <p class="item-quote">{t('statusComment', request.rejection_comment)}</p>}
        </>
      );
    case 'failed':
      return (
        <>
          <p>{t('popupFailedAt', time.ago(request.updated_at))}</p>
          {request.errors.length > 0 && <p class="item-quote">{t('statusErrors', request.errors.join('; '))}</p>}
        </>
      );
    case 'pending_acceptance':
    case 'accepted':
      return <p>{t('popupWaitingFor', [time.since(request.created_at), request.sent_by.name])}</p>;
    case 'synced':
      return (
        <>
          {request.erp_vendor_id && <p>{t('statusErpVendorId', request.erp_vendor_id)}</p>}
          <p>{t('popupSyncedAt', time.ago(request.decided_at ?? request.updated_at))}</p>
        </>
      );
    case 'retrieved':
      return <p>{t('popupRetrievedAt', time.ago(request.updated_at))}</p>;
  }
}

export function QueueItem({ tracked, time, checker, onDone }: QueueItemProps) {
  const { request } = tracked;
  const href = vendorEditUrl(tracked.origin, tracked.companyId, request.item_id);
  const action = actionFor(request.status, false);
  const vendor = `${tracked.companyId}/${request.item_id}`;
  return (
    <li class="item">
      <div class="item-head">
        <a class="item-name" data-vendor={vendor} href={href} target="_blank" rel="noopener" onClick={(event) => openInTab(event, href)}>
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
