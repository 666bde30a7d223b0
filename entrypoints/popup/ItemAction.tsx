/**
 * An item's button: Re-send to ERP (rejected, failed, retrieved; enabled only when the saved vendor passes the export
 * rules, otherwise the reasons, as on the page) or Retrieve from ERP (waiting for approval). Shows progress while the
 * background works and a sentence when it fails. The rules are checked once the item comes into view.
 */
import type { RefObject } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ReasonList } from '@/components/ReasonList';
import { orNoAnswer, type UserError } from '@/lib/contract/errors';
import { sendMessage } from '@/lib/contract/messaging';
import type { TrackedRequest } from '@/lib/contract/tracked-request';
import { errorText, t } from '@/lib/extension/i18n';
import { serverReasons, type Reason } from '@/lib/erp/why-unavailable';
import type { ResendCheck, VendorChecker } from './resend-check';
import { whenVisible } from './when-visible';

export interface ItemActionProps {
  tracked: TrackedRequest;
  action: 'resend' | 'retrieve';
  /** Null until the queue has been refreshed, so the checks read fresh vendors. */
  checker: VendorChecker | null;
  /** The request changed: reload the queue and announce `message`. */
  onDone: (message: string) => void;
}

type Failure = { text: string; reasons: Reason[] };

const failureOf = (error: UserError): Failure => ({ text: errorText(error), reasons: serverReasons(error) });

/** True once the element has come into view (it stays true). */
function useSeen(ref: RefObject<HTMLElement | null>, wanted: boolean): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    if (!wanted || seen || !ref.current) return;
    return whenVisible(ref.current, () => setSeen(true));
  }, [wanted, seen]);
  return seen;
}

function useResendCheck(tracked: TrackedRequest, checker: VendorChecker | null, wanted: boolean): ResendCheck | null {
  const [check, setCheck] = useState<ResendCheck | null>(null);
  const { companyId } = tracked;
  const vendorId = tracked.request.item_id;
  useEffect(() => {
    setCheck(null);
    if (!wanted || !checker) return;
    let current = true;
    void checker(companyId, vendorId).then((answer) => current && setCheck(answer));
    return () => {
      current = false;
    };
  }, [checker, companyId, vendorId, wanted]);
  return check;
}

export function ItemAction({ tracked, action, checker, onDone }: ItemActionProps) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const seen = useSeen(container, action === 'resend');
  const check = useResendCheck(tracked, checker, action === 'resend' && seen);
  const describedBy = useId();
  const { request, companyId, origin } = tracked;

  if (action === 'resend' && check?.ok && !check.resendable) return null;

  let blocked: { text: string | null; reasons: Reason[] } | null = null;
  if (action === 'resend') {
    if (!check) blocked = { text: t('popupChecking'), reasons: [] };
    else if (!check.ok) blocked = { text: errorText(check.error), reasons: [] };
    else if (check.reasons.length > 0) blocked = { text: t('reasonsHeading'), reasons: check.reasons };
  }
  const note = failure ?? blocked;
  const unavailable = busy || blocked !== null;

  const run = async (): Promise<void> => {
    if (unavailable) return;
    setBusy(true);
    setFailure(null);
    const result = await orNoAnswer(
      action === 'resend'
        ? sendMessage('send', { companyId, vendorId: request.item_id, origin })
        : sendMessage('retrieve', { companyId, vendorId: request.item_id, requestId: request.id }),
    );
    setBusy(false);
    if (result.ok) onDone(t(action === 'resend' ? 'popupResent' : 'popupRetrieved', request.item_name));
    else setFailure(failureOf(result.error));
  };

  const label =
    action === 'resend' ? t(busy ? 'actionSending' : 'actionResend') : t(busy ? 'actionRetrieving' : 'actionRetrieve');
  return (
    <div class="item-action" ref={container}>
      <button
        type="button"
        class={action === 'resend' ? 'button button-primary' : 'button'}
        aria-disabled={unavailable ? 'true' : undefined}
        aria-busy={busy ? 'true' : undefined}
        aria-describedby={note ? describedBy : undefined}
        onClick={() => void run()}
      >
        {busy && <span class="spinner" aria-hidden="true" />}
        {label}
      </button>
      {note && (
        <div
          id={describedBy}
          class={failure ? 'item-note item-note-error' : 'item-note'}
          role={failure ? 'alert' : undefined}
        >
          {note.text && <p>{note.text}</p>}
          {note.reasons.length > 0 && <ReasonList reasons={note.reasons} />}
        </div>
      )}
    </div>
  );
}
