/**
 * Every reason sending is unavailable disables the button, shows the "?" help,
 * and explains itself in a tooltip (hover and focus) that also describes the button.
 */
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import {
  accessibleDescription,
  companyVendorPath,
  EASTSIDE_PROJECT,
  erpControl,
  HARBOR,
  projectVendorPath,
  RIVERSIDE_PROJECT,
  SUMMIT,
  tooltipText,
  VENDORS,
} from '../../scripts/sandbox-pages';
import { eventually, test } from './browser';
import { setApiToken } from './options-page';

/**
 * Waits for the disabled Send button and its help, then checks that both the tooltip (opened by keyboard focus) and
 * the button's accessible description say `reason`.
 */
async function expectUnavailableBecause(page: Page, reason: RegExp): Promise<void> {
  const control = erpControl(page);
  await control.send.waitFor();
  await eventually(() => control.send.isDisabled()).toBe(true);
  await control.help.waitFor();
  expect(await tooltipText(page)).toMatch(reason);
  expect(await accessibleDescription(control.send)).toMatch(reason);
}

const LONG_NAME = /Name is 64 characters; Viewpoint Vista allows 60/;

describe('why sending is unavailable', () => {
  test('a vendor ready to send has an enabled button and no help', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, VENDORS.acme.id));
    const control = erpControl(page);
    await control.send.waitFor();
    await eventually(() => control.send.isEnabled()).toBe(true);
    expect(await control.help.count()).toBe(0);
  });

  test('not a Directory Admin (the sandbox-viewer token)', async ({ ext, open }) => {
    await setApiToken(ext, 'sandbox-viewer');
    const page = await open(companyVendorPath(SUMMIT, VENDORS.acme.id));
    await expectUnavailableBecause(page, /Admin permission on the Directory tool/);
  });

  test("Admin on the company's Directory but not on this project's: the project page says so", async ({ open }) => {
    const onProject = await open(projectVendorPath(EASTSIDE_PROJECT, VENDORS.acme.id));
    await expectUnavailableBecause(onProject, /Admin permission on the Directory tool/);
    const onCompany = await open(companyVendorPath(SUMMIT, VENDORS.acme.id));
    await eventually(() => erpControl(onCompany).send.isEnabled()).toBe(true);
  });

  test('name longer than the ERP allows, with the numbers', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, VENDORS.longName.id));
    await expectUnavailableBecause(page, LONG_NAME);
  });

  test('a required field is empty', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, VENDORS.blankAddress.id));
    await expectUnavailableBecause(page, /Address is empty/);
  });

  test('the company is inactive', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, VENDORS.dormant.id));
    await expectUnavailableBecause(page, /inactive/i);
  });

  test("the company's ERP data is not synced yet", async ({ open }) => {
    const page = await open(companyVendorPath(HARBOR, VENDORS.harborElectric.id));
    await expectUnavailableBecause(page, /ERP data has not been synced/);
  });

  test('the tooltip opens on hover and closes on Escape', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, VENDORS.dormant.id));
    const control = erpControl(page);
    await control.help.hover();
    await control.tooltip.waitFor({ state: 'visible' });
    await control.help.focus();
    await page.keyboard.press('Escape');
    await control.tooltip.waitFor({ state: 'hidden' });
  });

  test('the tooltip stays open when focus comes from a text field scrolled by a long value', async ({ open }) => {
    // Leaving a long text field resets its scroll: that scroll is not the page moving, so it must not close the tooltip.
    const page = await open(companyVendorPath(SUMMIT, VENDORS.acme.id));
    const control = erpControl(page);
    await control.send.waitFor();
    await page.getByLabel('Address', { exact: true }).fill('A'.repeat(80));
    await control.help.waitFor();
    await control.help.focus();
    await control.tooltip.waitFor({ state: 'visible' });
    expect(await control.tooltip.innerText()).toMatch(/Line 1 now has 80 characters/);
  });

  test('every reason at once', async ({ ext, open }) => {
    await setApiToken(ext, 'sandbox-viewer');
    const page = await open(companyVendorPath(SUMMIT, VENDORS.longName.id));
    await expectUnavailableBecause(page, /Admin permission/);
    await expectUnavailableBecause(page, LONG_NAME);
  });
});

describe('project-level edit page', () => {
  test('finds its company through the project and shows the same control', async ({ open, sandbox }) => {
    const page = await open(projectVendorPath(RIVERSIDE_PROJECT, VENDORS.acme.id));
    const control = erpControl(page);
    await control.send.waitFor();
    await control.send.click();
    await eventually(() => control.status.innerText()).toContain('Waiting for approval');
    const log = await sandbox.log();
    expect(
      log.some((entry) => entry.method === 'GET' && entry.path === `/rest/v1.0/projects/${RIVERSIDE_PROJECT}`),
    ).toBe(true);
    expect((await sandbox.created()).map((request) => request.item_id)).toEqual([VENDORS.acme.id]);
  });

  test('shows reasons as on the company page', async ({ open }) => {
    const page = await open(projectVendorPath(RIVERSIDE_PROJECT, VENDORS.longName.id));
    await expectUnavailableBecause(page, LONG_NAME);
  });
});
