/** How far a bulk re-send is, for the popup's progress and summary and the background's notification. zod-free. */
import type { BulkJob } from '../contract/bulk-resend';

export interface BulkProgress {
  /** Sent or failed. */
  done: number;
  total: number;
  sent: number;
  failed: number;
  skipped: number;
}

export function bulkProgress(job: BulkJob): BulkProgress {
  const sent = job.items.filter((item) => item.state === 'sent').length;
  const failed = job.items.filter((item) => item.state === 'failed').length;
  return { done: sent + failed, total: job.items.length, sent, failed, skipped: job.skipped.length };
}

export type BulkPhase = 'planned' | 'running' | 'finished';

export const bulkPhase = (job: BulkJob): BulkPhase =>
  job.finishedAt ? 'finished' : job.startedAt ? 'running' : 'planned';
