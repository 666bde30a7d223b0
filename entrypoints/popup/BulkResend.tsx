/**
 * "Re-send all that pass the rules": the button for the rejected, failed and retrieved companies in view, then the
 * plan to confirm (what will be sent; what will not, with why), the progress ("3 of 7") and the summary. Every name,
 * reason and error is text.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { BulkJob } from '@/lib/contract/bulk-resend';
import { vendorKey } from '@/lib/contract/keys';
import type { VendorIds } from '@/lib/contract/messages';
import { bulkPhase, bulkProgress } from '@/lib/erp/bulk-progress';
import { errorText, t, type MessageKey } from '@/lib/extension/i18n';
import type { BulkResendState } from './use-bulk-resend';

/** The companies that will not be (or were not) sent, each with every reason. */
function SkippedList({ job, heading }: { job: BulkJob; heading: MessageKey }) {
  if (job.skipped.length === 0) return null;
  return (
    <>
      <h3>{t(heading)}</h3>
      <ul>
        {job.skipped.map((skip) => (
          <li key={vendorKey(skip.companyId, skip.vendorId)}>
            <strong>{skip.name}</strong>: {skip.reasons.join(' ')}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A heading that takes the focus when it appears, so a keyboard or screen-reader user is where the question is. */
function FocusedHeading({ text }: { text: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <h2 id="bulk-heading" tabIndex={-1} ref={heading}>
      {text}
    </h2>
  );
}

function Plan({ job, state }: { job: BulkJob; state: BulkResendState }) {
  const checked = job.items.length + job.skipped.length;
  return (
    <>
      <FocusedHeading text={t('bulkConfirmHeading', [String(job.items.length), String(checked)])} />
      {job.items.length > 0 ? (
        <>
          <h3>{t('bulkWillSend')}</h3>
          <ul>
            {job.items.map((item) => (
              <li key={vendorKey(item.companyId, item.vendorId)}>{item.name}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('bulkNothingToSend')}</p>
      )}
      <SkippedList job={job} heading="bulkWillNotSend" />
      <div class="bulk-buttons">
        {job.items.length > 0 && (
          <button type="button" class="button button-primary" onClick={() => void state.confirm()}>
            {t('bulkConfirm', String(job.items.length))}
          </button>
        )}
        <button type="button" class="button" onClick={() => void state.close()}>
          {t('bulkCancel')}
        </button>
      </div>
    </>
  );
}

function Summary({ job, state }: { job: BulkJob; state: BulkResendState }) {
  const { sent, total, failed, skipped } = bulkProgress(job);
  const failures = job.items.filter((item) => item.state === 'failed');
  return (
    <>
      <FocusedHeading text={t('bulkSummary', [String(sent), String(total), String(failed), String(skipped)])} />
      {failures.length > 0 && (
        <>
          <h3>{t('bulkFailedHeading')}</h3>
          <ul>
            {failures.map((item) => (
              <li key={vendorKey(item.companyId, item.vendorId)}>
                <strong>{item.name}</strong>: {item.note}
              </li>
            ))}
          </ul>
        </>
      )}
      <SkippedList job={job} heading="bulkSkippedHeading" />
      <div class="bulk-buttons">
        <button type="button" class="button" onClick={() => void state.close()}>
          {t('bulkDismiss')}
        </button>
      </div>
    </>
  );
}

function Progress({ job }: { job: BulkJob }) {
  const { done, total } = bulkProgress(job);
  const words = t('bulkProgress', [String(done), String(total)]);
  return (
    <>
      <p role="status">{words}</p>
      <progress max={total} value={done} aria-label={words} />
    </>
  );
}

export function BulkResend({ state, targets }: { state: BulkResendState; targets: VendorIds[] }) {
  const { job, checking, error } = state;
  if (!job) {
    if (targets.length === 0 && checking === null) return null;
    return (
      <div class="bulk">
        <button
          type="button"
          class="button"
          aria-busy={checking !== null ? 'true' : 'false'}
          onClick={() => checking === null && void state.plan(targets)}
        >
          {checking !== null ? t('bulkChecking', String(checking)) : t('bulkResendAll')}
        </button>
        {error && <p class="error">{errorText(error)}</p>}
      </div>
    );
  }
  const phase = bulkPhase(job);
  return (
    <section class="bulk" aria-labelledby={phase === 'running' ? undefined : 'bulk-heading'}>
      {phase === 'planned' && <Plan job={job} state={state} />}
      {phase === 'running' && <Progress job={job} />}
      {phase === 'finished' && <Summary job={job} state={state} />}
      {error && <p class="error">{errorText(error)}</p>}
    </section>
  );
}
