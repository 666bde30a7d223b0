/**
 * The accounting approver of the soak: every second or so, one waiting request of a random soak company is
 * accepted (exported a few seconds later), rejected with a comment, or accepted under an ERP vendor ID another vendor
 * has, so that its export fails. A request the admin retrieved meanwhile answers 409, as in Procore: skipped.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { SandboxControl } from '../sandbox-control';
import { SOAK_COMPANIES, takenErpVendorId } from './population';
import type { Random } from './random';

export interface Decisions {
  accepted: number;
  rejected: number;
  /** Accepted under a taken ERP vendor ID: the export fails. */
  failing: number;
  /** Taken back by the admin before the approver got to it. */
  conflicts: number;
}

async function decideOne(sandbox: SandboxControl, random: Random, decisions: Decisions): Promise<void> {
  const companyId = random.pick(SOAK_COMPANIES);
  const waiting = await sandbox.requests(companyId, 'pending_acceptance');
  if (waiting.length === 0) return;
  const request = random.pick(waiting);
  const draw = random.next();
  const [decision, body, counted] =
    draw < 0.4
      ? (['accept', { vendor_type: 'subcontractor', erp_vendor_id: `R-${request.id}` }, 'accepted'] as const)
      : draw < 0.75
        ? (['reject', { comment: `Soak rejection of request ${request.id}` }, 'rejected'] as const)
        : (['accept', { vendor_type: 'supplier', erp_vendor_id: takenErpVendorId(companyId) }, 'failing'] as const);
  try {
    await sandbox.decide(companyId, request.id, decision, body);
    decisions[counted] += 1;
  } catch (error) {
    if (!String(error).includes('HTTP 409')) throw error;
    decisions.conflicts += 1;
  }
}

export async function runApprover(sandbox: SandboxControl, random: Random, deadline: number): Promise<Decisions> {
  const decisions: Decisions = { accepted: 0, rejected: 0, failing: 0, conflicts: 0 };
  while (Date.now() < deadline) {
    await decideOne(sandbox, random, decisions);
    await sleep(random.between(500, 1_500));
  }
  return decisions;
}
