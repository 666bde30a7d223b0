/** The whole flow as an admin sees it — send, approve, reject, retrieve, re-send — on the page and in the popup. */
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import {
  acceptOnApproverPage,
  approverPath,
  companyVendorPath,
  erpControl,
  rejectOnApproverPage,
  SUMMIT,
  VENDORS,
} from '../../scripts/sandbox-pages';
import { eventually, test } from './browser';

const { acme, ridge, pioneer, keystone } = VENDORS;

async function sendFromPage(page: Page): Promise<void> {
  const control = erpControl(page);
  await control.send.click();
  await eventually(() => control.status.innerText()).toContain('Waiting for approval');
}

/** Sends Acme Concrete from its edit page, then opens the approver's page beside it. */
async function sendAcmeAndOpenApprover(open: (path: string) => Promise<Page>): Promise<{ page: Page; approver: Page }> {
  const page = await open(companyVendorPath(SUMMIT, acme.id));
  await erpControl(page).send.waitFor();
  await sendFromPage(page);
  return { page, approver: await open(approverPath(SUMMIT)) };
}

describe('sending from the vendor edit page', () => {
  test('Send to ERP creates one request and shows "Waiting for approval" with Retrieve', async ({ open, sandbox }) => {
    const page = await open(companyVendorPath(SUMMIT, acme.id));
    const control = erpControl(page);
    await control.send.waitFor();
    expect(await control.send.isEnabled()).toBe(true);

    await sendFromPage(page);

    await control.retrieve.waitFor();
    expect(await control.send.count()).toBe(0);
    const created = await sandbox.created();
    expect(created.map((request) => request.item_id)).toEqual([acme.id]);
  });

  test('approving on the approver page shows "Synced to ERP" and the ERP vendor ID, in the page and the popup', async ({
    ext,
    open,
  }) => {
    const { page, approver } = await sendAcmeAndOpenApprover(open);
    await acceptOnApproverPage(approver, acme.name, 'V-2001');

    // The edit page was left open: it updates by itself.
    const status = erpControl(page).status;
    await eventually(() => status.innerText()).toMatch(/Synced to ERP[\s\S]*V-2001/);
    expect(await erpControl(page).anyAction.count()).toBe(0);

    const popup = await ext.openPopup();
    const item = popup.getByRole('listitem').filter({ hasText: acme.name });
    await eventually(() => item.innerText()).toMatch(/Synced to ERP[\s\S]*V-2001|V-2001[\s\S]*Synced to ERP/);
    const link = item.getByRole('link').first();
    expect(await link.getAttribute('href')).toContain(companyVendorPath(SUMMIT, acme.id));
  });

  test('rejecting with a comment shows "Rejected", the approver and the comment, and offers Re-send', async ({
    open,
  }) => {
    const { page, approver } = await sendAcmeAndOpenApprover(open);
    await rejectOnApproverPage(approver, acme.name, 'Add the W-9 before sending');

    const control = erpControl(page);
    await eventually(() => control.status.innerText()).toContain('Rejected');
    const text = await control.status.innerText();
    expect(text).toContain('Avery Approver');
    expect(text).toContain('Add the W-9 before sending');
    await control.resend.waitFor();
  });

  test('a seeded rejection shows its approver and comment', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, ridge.id));
    const control = erpControl(page);
    await eventually(() => control.status.innerText()).toContain('Rejected');
    const text = await control.status.innerText();
    expect(text).toContain('Avery Approver');
    expect(text).toContain('Tax ID missing on W-9');
    await control.resend.waitFor();
  });

  test('Retrieve from ERP takes a waiting request back: "Retrieved", then Re-send sends again', async ({
    open,
    sandbox,
  }) => {
    const page = await open(companyVendorPath(SUMMIT, pioneer.id));
    const control = erpControl(page);
    await eventually(() => control.status.innerText()).toContain('Waiting for approval');

    await control.retrieve.click();
    await eventually(() => control.status.innerText()).toContain('Retrieved');
    await control.resend.waitFor();
    expect(await control.retrieve.count()).toBe(0);

    await control.resend.click();
    await eventually(() => control.status.innerText()).toContain('Waiting for approval');
    expect((await sandbox.created()).map((request) => request.item_id)).toEqual([pioneer.id]);
  });

  test('Re-send to ERP after a rejection creates a new request', async ({ open, sandbox }) => {
    const page = await open(companyVendorPath(SUMMIT, ridge.id));
    const control = erpControl(page);
    await control.resend.click();
    await eventually(() => control.status.innerText()).toContain('Waiting for approval');
    await control.retrieve.waitFor();
    expect((await sandbox.created()).map((request) => request.item_id)).toEqual([ridge.id]);
  });

  test('a synced vendor shows "Synced to ERP" with its ERP vendor ID and no button', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, keystone.id));
    const control = erpControl(page);
    await eventually(() => control.status.innerText()).toMatch(/Synced to ERP[\s\S]*V-1007/);
    expect(await control.anyAction.count()).toBe(0);
  });

  test('an ERP vendor ID already in use makes the export fail, with the error, and offers Re-send', async ({
    open,
  }) => {
    const { page, approver } = await sendAcmeAndOpenApprover(open);
    await acceptOnApproverPage(approver, acme.name, 'V-1007');

    const control = erpControl(page);
    await eventually(() => control.status.innerText()).toContain('Export failed');
    expect(await control.status.innerText()).toContain('ERP vendor ID V-1007 is already in use');
    await control.resend.waitFor();
  });

  test('a rejection comment that looks like HTML shows as text and never runs', async ({ open }) => {
    const { page, approver } = await sendAcmeAndOpenApprover(open);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const comment = '<img src=x onerror=alert(1)>';
    await rejectOnApproverPage(approver, acme.name, comment);

    const control = erpControl(page);
    await eventually(() => control.status.innerText()).toContain(comment);
    // Role locators pierce the shadow root; CSS locators do too.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
