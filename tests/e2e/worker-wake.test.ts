/**
 * A vendor page answered by a worker just woken (Chrome stops an idle worker after 30 s): the control shows the
 * vendor as last seen at once, without waiting for the API, and then what the API says now.
 */
import { describe, expect } from 'vitest';
import { companyVendorPath, erpControl, SUMMIT, VENDORS } from '../../scripts/sandbox-pages';
import { eventually, test } from './browser';

const { acme } = VENDORS;
/** Every API call of the extension is held this long: whatever the control shows before, it did not get from the API. */
const HELD_MS = 4000;

describe('a vendor page opened while the worker is stopped', () => {
  test('shows the vendor as last seen at once, then the decision the approver made meanwhile', async ({
    ext,
    open,
    sandbox,
  }) => {
    const first = await open(companyVendorPath(SUMMIT, acme.id));
    const control = erpControl(first);
    await control.send.click();
    await eventually(() => control.status.innerText()).toContain('Waiting for approval');
    const [sent] = await sandbox.created();

    // The API answers late from now on; the approver rejects; the worker stops, as it does when idle.
    await sandbox.fault({ match: '/rest/', count: 100, delayMs: HELD_MS });
    await sandbox.decide(SUMMIT, sent!.id, 'reject', { comment: 'Tax ID missing' });
    await ext.stopServiceWorker();

    const again = erpControl(await open(companyVendorPath(SUMMIT, acme.id)));
    await eventually(() => again.status.innerText()).toContain('Waiting for approval');
    expect(await again.retrieve.isVisible()).toBe(true);
    await eventually(() => again.status.innerText(), 3 * HELD_MS).toContain('Rejected');
    expect(await again.status.innerText()).toContain('Tax ID missing');
    await again.resend.waitFor();
    expect((await sandbox.created()).length).toBe(1);
  });

  test('shows the vendor as last seen, then the failure when the API no longer takes the token', async ({
    ext,
    open,
    sandbox,
  }) => {
    const first = await open(companyVendorPath(SUMMIT, acme.id));
    await erpControl(first).send.waitFor();
    await first.close();
    await sandbox.fault({ match: '/rest/', count: 100, delayMs: HELD_MS, status: 401 });
    await ext.stopServiceWorker();

    const page = await open(companyVendorPath(SUMMIT, acme.id));
    await erpControl(page).send.waitFor();
    // The page is told, asks again, and the API's 401 is what it shows, with the way to the options.
    await eventually(() => page.getByRole('alert').innerText(), 3 * HELD_MS).toContain('refused the token');
    await page.getByRole('button', { name: 'Open options' }).waitFor();
  });
});
