/**
 * The admin can turn off notifications (then a rejection raises none) and the toolbar badge
 * (then it shows nothing, though requests still need the admin).
 */
import { describe, expect } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/extension-browser';
import {
  approverPath,
  companyVendorPath,
  erpControl,
  rejectOnApproverPage,
  SUMMIT,
  VENDORS,
} from '../../scripts/sandbox-pages';
import { eventually, test } from './browser';
import { optionsFields } from './options-page';
import { badgeText, notificationCount } from './worker';

const { acme, ridge } = VENDORS;

/** Unticks one of the options page's checkboxes by its label, saves, and waits for the page to confirm. */
async function turnOff(ext: ExtensionBrowser, label: RegExp): Promise<void> {
  const page = await ext.openOptions();
  const fields = optionsFields(page);
  const box = page.getByRole('checkbox', { name: label });
  await box.uncheck();
  await fields.save.click();
  await eventually(() => fields.status.allInnerTexts().then((texts) => texts.join(' '))).toMatch(/saved/i);
  await page.close();
}

describe('alert options', () => {
  test('with notifications off, a rejection raises none (the badge still counts it)', async ({ ext, open }) => {
    await turnOff(ext, /^Notify me/);
    const page = await open(companyVendorPath(SUMMIT, acme.id));
    await erpControl(page).send.click();
    await eventually(() => erpControl(page).status.innerText()).toContain('Waiting for approval');
    await rejectOnApproverPage(await open(approverPath(SUMMIT)), acme.name, 'Missing insurance certificate');

    await eventually(() => erpControl(page).status.innerText()).toContain('Rejected');
    // Acme's rejection and the seeded Ridge Roofing one in the company's queue, both sent by this admin.
    await eventually(() => badgeText(ext)).toBe('2');
    expect(await notificationCount(ext)).toBe(0);
  });

  test('with the badge off, the icon shows no count', async ({ ext, open }) => {
    const page = await open(companyVendorPath(SUMMIT, ridge.id));
    await eventually(() => erpControl(page).status.innerText()).toContain('Rejected');
    await eventually(() => badgeText(ext)).toBe('1');

    await turnOff(ext, /toolbar icon/);
    await eventually(() => badgeText(ext)).toBe('');
  });
});
