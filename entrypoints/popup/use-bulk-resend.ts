/**
 * The popup's side of a bulk re-send: the job the background keeps (`lib/contract/bulk-resend.ts`), read when the
 * popup opens (a job started before it closed shows its progress or summary), followed while it runs, and the
 * admin's plan, confirm, cancel and close. The background does the work; closing the popup stops nothing.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { BulkJob } from '@/lib/contract/bulk-resend';
import { ok, orNoAnswer, type UserError } from '@/lib/contract/errors';
import type { VendorIds } from '@/lib/contract/messages';
import { sendMessage } from '@/lib/contract/messaging';
import { bulkPhase } from '@/lib/erp/bulk-progress';

/** How often a running job's progress is read. */
export const PROGRESS_MS = 400;

export interface BulkResendState {
  job: BulkJob | null;
  /** How many companies are being checked, while the plan is made. */
  checking: number | null;
  error: UserError | null;
  plan(vendors: VendorIds[]): Promise<void>;
  confirm(): Promise<void>;
  /** Cancels a plan, or closes a summary. */
  close(): Promise<void>;
}

/**
 * `ready`: the worker's queue has arrived (the job is asked for after it, never before the first screen's paint).
 * `onFinished`: the job ended while the popup watched (the queue is then read again).
 */
export function useBulkResend(ready: boolean, onFinished: () => void): BulkResendState {
  const [job, setJob] = useState<BulkJob | null>(null);
  const [checking, setChecking] = useState<number | null>(null);
  const [error, setError] = useState<UserError | null>(null);

  useEffect(() => {
    if (!ready) return;
    void sendMessage('getBulkResend', {})
      .then(setJob)
      .catch(() => undefined);
  }, [ready]);
  const running = job !== null && bulkPhase(job) === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      void sendMessage('getBulkResend', {})
        .then((next) => {
          setJob(next);
          if (!next || bulkPhase(next) !== 'running') onFinished();
        })
        .catch(() => undefined);
    }, PROGRESS_MS);
    return () => clearInterval(timer);
  }, [running, onFinished]);

  const plan = useCallback(async (vendors: VendorIds[]) => {
    setError(null);
    setChecking(vendors.length);
    const planned = await orNoAnswer(sendMessage('planBulkResend', { vendors }));
    setChecking(null);
    if (planned.ok) setJob(planned.value);
    else setError(planned.error);
  }, []);
  const confirm = useCallback(async () => {
    if (!job) return;
    const started = await orNoAnswer(sendMessage('startBulkResend', { id: job.id }).then(ok));
    if (started.ok) setJob(started.value);
    else setError(started.error);
  }, [job]);
  const close = useCallback(async () => {
    if (job) await sendMessage('clearBulkResend', { id: job.id }).catch(() => undefined);
    setJob(null);
    setError(null);
  }, [job]);
  return { job, checking, error, plan, confirm, close };
}
