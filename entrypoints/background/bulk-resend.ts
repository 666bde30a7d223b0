/**
 * Re-sending several companies at once, as the background's job, so it finishes when the popup closes and resumes
 * when the worker is started again. Planned first: each company's saved vendor is checked against the export rules
 * (as the page checks it), and the plan lists what will be sent and what will not, with why; nothing leaves until
 * the admin confirms. Then one company after another, each through the same exactly-once send as a click (its own
 * Idempotency-Key, kept across a stopped worker), each step stored; at the end the badge is counted again and a
 * notification says how it went.
 */
import type { BulkItem, BulkJob, BulkSkip } from '@/lib/contract/bulk-resend';
import { ok, type Result } from '@/lib/contract/errors';
import { vendorKey } from '@/lib/contract/keys';
import type { VendorIds } from '@/lib/contract/messages';
import type { TrackedMap, TrackedRequest } from '@/lib/contract/tracked-request';
import { bulkPhase } from '@/lib/erp/bulk-progress';
import { latestByVendor } from '@/lib/erp/latest-request';
import { actionFor, isOpen } from '@/lib/erp/status';
import { savedVendorReasons } from '@/lib/erp/why-unavailable';
import { reasonText } from '@/lib/erp/why-unavailable-text';
import type { CheckedItem } from '@/lib/extension/checked-item';
import { errorText, t } from '@/lib/extension/i18n';
import type { Sender } from './send-exactly-once';
import type { VendorViews } from './vendor-view';

export interface BulkResendDeps {
  job: CheckedItem<BulkJob | null>;
  tracked: () => Promise<TrackedMap>;
  vendors: VendorViews;
  sender: Sender;
  /** The job is done: count the badge again, tell the admin. */
  onFinished: (job: BulkJob) => Promise<void>;
  newId?: () => string;
  now?: () => number;
}

export interface BulkResend {
  /** Checks each vendor and stores the plan; a job still running is answered instead. */
  plan(vendors: VendorIds[]): Promise<Result<BulkJob>>;
  /** Starts the planned job `id` (a second start, or of another plan, does nothing) and answers it. */
  start(id: string): Promise<BulkJob | null>;
  /** Forgets a plan not started or a job finished; a running one is left to finish. */
  clear(id: string): Promise<void>;
  /** Runs what a stopped worker left of a started job; the one run of this worker when it already runs. */
  resume(): Promise<void>;
}

/** One company of the plan: to be sent, or skipped with every reason. */
async function check(
  vendors: VendorViews,
  entry: TrackedRequest | undefined,
  ids: VendorIds,
): Promise<BulkItem | BulkSkip> {
  const skip = (name: string, reasons: string[]): BulkSkip => ({ ...ids, name, reasons });
  if (!entry || actionFor(entry.request.status, false) !== 'resend')
    return skip(entry?.request.item_name ?? '', [t('bulkMovedOn')]);
  const saved = await vendors.saved(ids.companyId, ids.vendorId);
  if (!saved.ok) return skip(entry.request.item_name, [errorText(saved.error)]);
  const { vendor } = saved.value;
  if (vendor.synced_to_erp) return skip(vendor.name, [t('bulkMovedOn')]);
  const reasons = savedVendorReasons(saved.value);
  if (reasons.length > 0) return skip(vendor.name, reasons.map(reasonText));
  return { ...ids, name: vendor.name, origin: entry.origin, replaces: entry.request.id, state: 'queued', note: null };
}

/** One step of the job at a time: the next company sent, or the job finished. */
function stepper(deps: BulkResendDeps, iso: () => string) {
  const { job, sender } = deps;
  const setItem = (id: string, item: BulkItem, change: Partial<BulkItem>) =>
    job.update((current) =>
      current?.id !== id
        ? current
        : {
            ...current,
            items: current.items.map((i) =>
              i.companyId === item.companyId && i.vendorId === item.vendorId ? { ...i, ...change } : i,
            ),
          },
    );

  /** One step: the next company sent, or the job finished. False once there is nothing left to do. */
  async function step(): Promise<boolean> {
    const current = await job.get();
    if (!current || bulkPhase(current) !== 'running') return false;
    const next = current.items.find((item) => item.state === 'queued' || item.state === 'sending');
    if (!next) {
      const finished = { ...current, finishedAt: iso() };
      await job.set(finished);
      await deps.onFinished(finished);
      return false;
    }
    if (next.state === 'sending') {
      // Left mid-send by a stopped worker, whose start finished the send with its key if it could: already sent when
      // the vendor's latest request is a new one.
      const latest = latestByVendor(Object.values(await deps.tracked())).get(vendorKey(next.companyId, next.vendorId));
      if (latest && latest.request.id !== next.replaces && isOpen(latest.request.status)) {
        await setItem(current.id, next, { state: 'sent' });
        return true;
      }
    }
    await setItem(current.id, next, { state: 'sending' });
    const sent = await sender.send({ companyId: next.companyId, vendorId: next.vendorId, origin: next.origin });
    await setItem(current.id, next, sent.ok ? { state: 'sent' } : { state: 'failed', note: errorText(sent.error) });
    return true;
  }

  return step;
}

export function createBulkResend(deps: BulkResendDeps): BulkResend {
  const { job, vendors, now = Date.now, newId = () => crypto.randomUUID() } = deps;
  let running: Promise<void> | null = null;
  const iso = () => new Date(now()).toISOString();

  const step = stepper(deps, iso);

  const resume = (): Promise<void> => {
    running ??= (async () => {
      while (await step());
    })().finally(() => (running = null));
    return running;
  };

  return {
    async plan(wanted) {
      const current = await job.get();
      if (current && bulkPhase(current) === 'running') return ok(current);
      const latest = latestByVendor(Object.values(await deps.tracked()));
      const checked: (BulkItem | BulkSkip)[] = [];
      // One company at a time: a long queue spreads its checks instead of bursting into the rate limit.
      for (const ids of wanted)
        checked.push(await check(vendors, latest.get(vendorKey(ids.companyId, ids.vendorId)), ids));
      const planned: BulkJob = {
        id: newId(),
        plannedAt: iso(),
        startedAt: null,
        finishedAt: null,
        items: checked.filter((c): c is BulkItem => 'state' in c),
        skipped: checked.filter((c): c is BulkSkip => 'reasons' in c),
      };
      await job.set(planned);
      return ok(planned);
    },
    async start(id) {
      let started: BulkJob | null = null;
      await job.update((current) => {
        if (current?.id !== id || bulkPhase(current) !== 'planned') return current;
        started =
          current.items.length > 0
            ? { ...current, startedAt: iso() }
            : { ...current, startedAt: iso(), finishedAt: iso() };
        return started;
      });
      if (started) void resume().catch((err: unknown) => console.error('[erp-resend] the bulk re-send stopped', err));
      return job.get();
    },
    async clear(id) {
      await job.update((current) => (current?.id === id && bulkPhase(current) !== 'running' ? null : current));
    },
    resume,
  };
}
