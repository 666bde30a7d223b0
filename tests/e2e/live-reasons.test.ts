/**
 * Reasons follow what is typed right now, unsaved edits block sending until saved, the control
 * refetches after the page saves, and History lists every earlier request.
 */
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { companyVendorPath, erpControl, HARBOR, saveButton, SUMMIT, VENDORS } from '../../scripts/sandbox-pages';
import { eventually, test } from './browser';

/** The tooltip's text as it is now (opened by focus, which keeps it open while typing elsewhere is not needed). */
async function currentReasons(page: Page): Promise<string> {
  const control = erpControl(page);
  await control.help.focus();
  return control.tooltip.innerText();
}

describe('live reasons', () => {
  test('the name reason changes as the admin types, and goes away once saved short enough', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, VENDORS.longName.id));
    const control = erpControl(page);
    await control.help.waitFor();
    expect(await currentReasons(page)).toContain('Name is 64 characters; Viewpoint Vista allows 60');

    const name = page.getByLabel('Name', { exact: true });
    await name.fill('x'.repeat(61));
    await eventually(() => currentReasons(page)).toContain('Name is 61 characters; Viewpoint Vista allows 60');
    expect(await currentReasons(page)).toContain('Save your changes first');

    await name.fill('Northwind Mechanical');
    await eventually(() => currentReasons(page)).not.toContain('characters;');
    expect(await currentReasons(page)).toContain('Save your changes first');

    await saveButton(page).click();
    await eventually(() => control.send.isEnabled()).toBe(true);
    expect(await control.help.count()).toBe(0);
  });

  test('typing a problem into a ready vendor disables sending with every reason at once', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, VENDORS.acme.id));
    const control = erpControl(page);
    await eventually(() => control.send.isEnabled()).toBe(true);

    await page.getByLabel('Address', { exact: true }).fill('A'.repeat(51));
    await page.getByLabel('ZIP Code', { exact: true }).fill('9O210');
    await page.getByLabel('City', { exact: true }).fill('');
    await eventually(() => control.send.isDisabled()).toBe(true);
    const reasons = await currentReasons(page);
    expect(reasons).toContain('ZIP Code must be a number');
    // City and Address rules word themselves in Summit's metadata (`%{length}` filled in); the measure follows.
    expect(reasons).toContain('City: City must be present.');
    expect(reasons).toContain(
      'Address: Address is too long. Maximum 50 characters per line. Line 1 now has 51 characters.',
    );
    expect(reasons).toContain('Save your changes first');
  });

  test('an unsaved edit alone blocks sending until the page saves; then the control refetches the vendor', async ({
    open,
    sandbox,
  }) => {
    const page = await open(companyVendorPath(SUMMIT, VENDORS.acme.id));
    const control = erpControl(page);
    await eventually(() => control.send.isEnabled()).toBe(true);

    await page.getByLabel('Email Address', { exact: true }).fill('billing@acme.example');
    await eventually(() => control.send.isDisabled()).toBe(true);
    expect(await currentReasons(page)).toContain('Save your changes first');

    const vendorFetches = async () =>
      (await sandbox.extensionCalls()).filter(
        (entry) => entry.method === 'GET' && entry.path === `/rest/v1.0/vendors/${VENDORS.acme.id}`,
      ).length;
    const before = await vendorFetches();
    await saveButton(page).click();
    await eventually(() => control.send.isEnabled()).toBe(true);
    await eventually(vendorFetches).toBeGreaterThan(before);
  });

  test('without an API rule for the name, the published limit applies and says where it comes from', async ({
    open,
  }) => {
    const page = await open(companyVendorPath(HARBOR, VENDORS.harborElectric.id));
    const control = erpControl(page);
    await control.help.waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Harbor Electric and Lighting Supply Co');
    await eventually(() => currentReasons(page)).toContain(
      "Name is 38 characters; Sage 300 CRE allows 30 (Procore's published limit for Sage 300 CRE)",
    );
  });
});

describe('history', () => {
  test('a collapsed History lists every earlier request, with who decided and the comments', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, VENDORS.ridge.id));
    const control = erpControl(page);
    await eventually(() => control.status.innerText()).toContain('Rejected');

    const earlier = page.getByText('Address incomplete');
    expect(await earlier.isVisible()).toBe(false);
    await page.getByText(/^History\b/).click();
    await earlier.waitFor({ state: 'visible' });
    await page
      .getByText(/Tax ID missing on W-9/)
      .last()
      .waitFor({ state: 'visible' });
  });
});
