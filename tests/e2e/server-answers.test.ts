/**
 * What the server knows wins. A 409 (someone sent it behind the extension's back) shows the
 * real state with a notice and creates nothing twice; a 422 shows the server's field errors as reasons; stored data
 * that is corrupt is rebuilt from the API without a crash.
 */
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser } from 'webextension-polyfill';
import { companyVendorPath, erpControl, saveButton, SUMMIT, tooltipText, VENDORS } from '../../scripts/sandbox-pages';
import { eventually, sandboxUrl, test } from './browser';

declare const chrome: Browser;

const { acme, pioneer, ridge } = VENDORS;

/** Calls the sandbox's API as another admin would, outside the extension. */
async function apiCall(
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<number> {
  const response = await fetch(`${sandboxUrl()}/rest/v1.0${path}`, {
    method,
    headers: { authorization: 'Bearer sandbox-token', 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return response.status;
}

const notice = (page: Page) => page.getByRole('alert');

describe('the server disagrees with the page', () => {
  test('409: sent behind the extension\'s back, Send shows "Waiting for approval" with a notice, nothing created twice', async ({
    open,
    sandbox,
  }) => {
    const page = await open(companyVendorPath(SUMMIT, acme.id));
    const control = erpControl(page);
    await eventually(() => control.send.isEnabled()).toBe(true);

    const status = await apiCall(
      'POST',
      `/companies/${SUMMIT}/erp/requests`,
      { item_type: 'vendor', item_id: acme.id },
      {
        'Idempotency-Key': 'another-admin-1',
      },
    );
    expect(status).toBe(201);
    await control.send.click();

    await eventually(() => control.status.innerText()).toContain('Waiting for approval');
    await eventually(() => notice(page).innerText()).toMatch(/changed in the meantime/);
    await control.retrieve.waitFor();
    expect((await sandbox.created()).map((request) => request.item_id)).toEqual([acme.id]);
  });

  test('422: a field another user emptied after the page loaded shows as a reason from the server, until fixed and saved', async ({
    open,
    sandbox,
  }) => {
    const page = await open(companyVendorPath(SUMMIT, acme.id));
    const control = erpControl(page);
    await eventually(() => control.send.isEnabled()).toBe(true);

    expect(await apiCall('PATCH', `/vendors/${acme.id}?company_id=${SUMMIT}`, { vendor: { city: '' } })).toBe(200);
    await control.send.click();

    await control.help.waitFor();
    expect(await tooltipText(page)).toMatch(/City must be present/);
    expect(await control.send.isDisabled()).toBe(true);
    await eventually(() => notice(page).innerText()).toMatch(/refused the record/);
    expect(await sandbox.created()).toEqual([]);

    // Fixed and saved on the page, the server's old objection goes away and the vendor can be sent.
    await page.getByLabel('City', { exact: true }).fill('Boulder');
    await saveButton(page).click();
    await eventually(() => control.send.isEnabled()).toBe(true);
    expect(await notice(page).count()).toBe(0);
    await control.send.click();
    await eventually(() => control.status.innerText()).toContain('Waiting for approval');
    expect((await sandbox.created()).map((request) => request.item_id)).toEqual([acme.id]);
  });
});

describe('corrupt stored data', () => {
  test('garbage in the tracked requests is rebuilt from the API: the popup lists them after a refresh and says so', async ({
    ext,
    open,
  }) => {
    for (const vendor of [pioneer, ridge]) {
      const page = await open(companyVendorPath(SUMMIT, vendor.id));
      await eventually(() => erpControl(page).status.innerText()).toMatch(/Waiting for approval|Rejected/);
    }
    const worker = await ext.serviceWorker();
    await worker.evaluate(() => chrome.storage.local.set({ tracked: '{"not": json at all', tracked$: { v: 'x' } }));

    const popup = await ext.openPopup();
    const errors: string[] = [];
    popup.on('pageerror', (error) => errors.push(error.message));
    await popup.getByRole('button', { name: /^(Refresh|Refreshing…)$/ }).click();
    await popup.getByRole('button', { name: 'Refresh', exact: true }).waitFor();
    await popup.reload();
    for (const vendor of [pioneer, ridge]) {
      await popup.getByRole('listitem').filter({ hasText: vendor.name }).waitFor();
    }
    await popup.getByText(/^Saved statuses were damaged and were rebuilt from Procore/).waitFor();
    expect(errors).toEqual([]);
  });
});
