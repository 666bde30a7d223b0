/**
 * A token the API refuses, then fixed: while it is refused nothing retries it in a loop; the moment a good one is
 * saved, polling resumes (no waiting for the next poll period), and the popup and the page say what happened meanwhile.
 */
import { describe, expect } from 'vitest';
import { companyVendorPath, erpControl, SUMMIT, VENDORS } from '../../scripts/sandbox-pages';
import { SANDBOX_TOKEN } from '../../lib/extension/settings';
import { eventually, test } from './browser';
import { setApiToken } from './options-page';

const REFUSED = 'expired-token';

describe('a token fixed after a 401', () => {
  test('polling resumes at once, the popup and the page show the news, and the refused token was not retried in a loop', async ({
    ext,
    open,
    sandbox,
  }) => {
    const page = await open(companyVendorPath(SUMMIT, VENDORS.acme.id));
    await erpControl(page).send.click();
    await eventually(() => erpControl(page).status.innerText()).toContain('Waiting for approval');
    const [request] = await sandbox.created();

    await setApiToken(ext, REFUSED);
    const popup = await ext.openPopup();
    await popup
      .getByText(/Check the API token/)
      .first()
      .waitFor();
    // The approver decides while the extension cannot see it.
    await sandbox.decide(SUMMIT, request!.id, 'reject', { comment: 'W-9 missing' });
    // Several poll periods of the test build (2 s) go by with the refused token.
    await popup.waitForTimeout(6_000);
    const refused = (await sandbox.extensionCalls()).filter((call) => call.token === REFUSED);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(2);

    await popup.close();

    const savedAt = Date.now();
    await setApiToken(ext, SANDBOX_TOKEN);
    const listedAfterSave = async () =>
      (await sandbox.extensionCalls()).find(
        (call) => call.token === SANDBOX_TOKEN && call.path.endsWith('/erp/requests') && Date.parse(call.at) >= savedAt,
      );
    await eventually(listedAfterSave).toBeTruthy();
    expect(Date.parse((await listedAfterSave())!.at) - savedAt).toBeLessThan(2_000);

    const reopened = await ext.openPopup();
    await reopened.getByText('W-9 missing').first().waitFor();
    expect(await reopened.getByText(/Check the API token/).count()).toBe(0);

    // The admin goes back to the Procore tab: it shows the rejection.
    await page.bringToFront();
    await eventually(() => erpControl(page).status.innerText()).toContain('Rejected');
  });
});
