/**
 * The export rules as the integration's metadata gives them (Procore's ERP metadata format, seeded per company in
 * `sandbox/seed.ts`): each validator, the integration's own words, its warning, export switched off, and a validator
 * the extension does not know.
 */
import { describe, expect } from 'vitest';
import type { ConsoleMessage } from 'playwright-core';
import {
  CASCADE,
  companyVendorPath,
  erpControl,
  LAKESIDE,
  SUMMIT,
  tooltipText,
  VENDORS,
} from '../../scripts/sandbox-pages';
import { eventually, test } from './browser';

describe("the integration's metadata on the edit page", () => {
  test('a vendor code that breaks the number rules: each rule in the words the metadata gives, or the extension’s', async ({
    open,
  }) => {
    const crestline = await open(companyVendorPath(CASCADE, VENDORS.crestline.id));
    await eventually(() => erpControl(crestline).send.isDisabled()).toBe(true);
    const crestlineReasons = await tooltipText(crestline);
    expect(crestlineReasons).toContain('Code: Value entered has to be a positive numeric value');
    expect(crestlineReasons).toContain('Code: Decimal value is too long');

    const drift = await open(companyVendorPath(CASCADE, VENDORS.drift.id));
    await eventually(() => erpControl(drift).send.isDisabled()).toBe(true);
    expect(await tooltipText(drift)).toContain('Code has 7 digits before the decimal point; CMiC allows 6.');

    const glacier = await open(companyVendorPath(CASCADE, VENDORS.glacier.id));
    await eventually(() => erpControl(glacier).send.isDisabled()).toBe(true);
    expect(await tooltipText(glacier)).toContain('Code must be a number.');

    const boreal = await open(companyVendorPath(CASCADE, VENDORS.boreal.id));
    await eventually(() => erpControl(boreal).send.isDisabled()).toBe(true);
    expect(await tooltipText(boreal)).toContain("Code: Code can't be blank.");
  });

  test('the name limit of an ERP without a published one comes from the metadata, %{length} filled in, live', async ({
    open,
  }) => {
    const page = await open(companyVendorPath(CASCADE, VENDORS.alpine.id));
    const control = erpControl(page);
    await eventually(() => control.send.isEnabled()).toBe(true);
    await page.getByLabel('Name', { exact: true }).fill('N'.repeat(41));
    await control.help.waitFor();
    expect(await tooltipText(page)).toContain(
      'Name: Name is too long. Maximum 40 characters. Name now has 41 characters.',
    );
  });

  test("the integration's export warning stands beside Send, and the send goes through once", async ({
    open,
    sandbox,
  }) => {
    const page = await open(companyVendorPath(CASCADE, VENDORS.alpine.id));
    const control = erpControl(page);
    await eventually(() => control.send.isEnabled()).toBe(true);
    expect(await control.warning.innerText()).toBe(
      'Note from CMiC: CMiC creates exported vendors on hold until accounting reviews them.',
    );
    await control.send.click();
    await eventually(() => control.status.innerText()).toContain('Waiting for approval');
    // The warning is about sending; once the request waits, Retrieve stands alone.
    expect(await control.warning.count()).toBe(0);
    expect((await sandbox.created()).map((request) => request.item_id)).toEqual([VENDORS.alpine.id]);
  });

  test('an integration that does not create companies from Procore says so, naming the ERP', async ({ open }) => {
    const page = await open(companyVendorPath(LAKESIDE, VENDORS.lakeview.id));
    await eventually(() => erpControl(page).send.isDisabled()).toBe(true);
    expect(await tooltipText(page)).toContain(
      "The QuickBooks Online integration doesn't export companies from Procore",
    );
  });

  test('a validator the extension does not know is not checked, and the worker says so once', async ({ ext, open }) => {
    const warnings: string[] = [];
    const worker = await ext.serviceWorker();
    worker.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    // Alpine's address does not match any format: an unknown validator must not stop the send.
    const first = await open(companyVendorPath(CASCADE, VENDORS.alpine.id));
    await eventually(() => erpControl(first).send.isEnabled()).toBe(true);
    const second = await open(companyVendorPath(CASCADE, VENDORS.boreal.id));
    await eventually(() => erpControl(second).send.isDisabled()).toBe(true);
    await eventually(() => warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/company 8003.*address\.format/);
  });

  test('a disabled field and a disabled validator stop nothing (Summit’s empty fax and mobile phone)', async ({
    open,
    sandbox,
  }) => {
    const page = await open(companyVendorPath(SUMMIT, VENDORS.beacon.id));
    const control = erpControl(page);
    await eventually(() => control.send.isEnabled()).toBe(true);
    await control.send.click();
    await eventually(() => control.status.innerText()).toContain('Waiting for approval');
    expect((await sandbox.created()).map((request) => request.item_id)).toEqual([VENDORS.beacon.id]);
  });
});
