/**
 * Whether a rejected, failed or retrieved company can be re-sent from the popup, and why not: the saved vendor checked
 * against the export rules, as the page does (nothing typed, nothing unsaved). A popup with 50 such items asks the
 * background a few at a time, so opening it never fires a burst of API calls.
 */
import { orNoAnswer, type UserError } from '@/lib/contract/errors';
import { sendMessage } from '@/lib/contract/messaging';
import { actionFor } from '@/lib/erp/status';
import { savedVendorReasons, type Reason } from '@/lib/erp/why-unavailable';

export type ResendCheck =
  /** `resendable` is false when the vendor has moved on since (re-sent from the page, synced): no button then. */
  { ok: true; resendable: boolean; reasons: Reason[] } | { ok: false; error: UserError };

export type VendorChecker = (companyId: number, vendorId: number) => Promise<ResendCheck>;

async function checkVendor(companyId: number, vendorId: number): Promise<ResendCheck> {
  const result = await orNoAnswer(
    sendMessage('getVendor', { page: { level: 'company', companyId, vendorId }, refresh: false }),
  );
  if (!result.ok) return result;
  const { vendor, settings, permission, latest } = result.value;
  return {
    ok: true,
    resendable: actionFor(latest?.status ?? null, vendor.synced_to_erp) === 'resend',
    reasons: savedVendorReasons({ vendor, settings, permission }),
  };
}

/** A checker that runs at most `concurrency` checks at once and answers each vendor once. */
export function createVendorChecker(concurrency = 3): VendorChecker {
  const answers = new Map<string, Promise<ResendCheck>>();
  const waiting: (() => void)[] = [];
  let running = 0;

  const slot = async (): Promise<void> => {
    if (running < concurrency) {
      running++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  return (companyId, vendorId) => {
    const key = `${companyId}/${vendorId}`;
    let answer = answers.get(key);
    if (!answer) {
      answer = slot()
        .then(() => checkVendor(companyId, vendorId))
        .finally(release);
      answers.set(key, answer);
    }
    return answer;
  };
}
