/**
 * The control finds its place on pages it does not own — both markup variants, Spanish,
 * company and project level — and survives client-side navigation and re-renders, one control per page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import {
  companyVendorPath,
  directoryPath,
  erpControl,
  HARBOR,
  saveButton,
  SUMMIT,
  VENDORS,
} from '../../scripts/sandbox-pages';
import { CONTROL_TAG } from '../../lib/procore/selectors';
import { eventually, launch, openIn, test } from './browser';

type Messages = Record<string, { message: string }>;
const readMessages = (lang: string): Messages =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Messages;

/** The Spanish message for an English one, whatever its key is called. */
function spanishFor(english: string): string {
  const key = Object.entries(readMessages('en')).find(([, entry]) => entry.message === english)?.[0];
  const spanish = key ? readMessages('es')[key]?.message : undefined;
  if (!spanish) throw new Error(`No Spanish message for "${english}"`);
  return spanish;
}

const controlCount = (page: Page): Promise<number> => erpControl(page).status.count();

/** Follows the directory's "Edit" link for a company, as a person clicks it (the sandbox navigates with pushState). */
async function editFromDirectory(page: Page, companyName: string): Promise<void> {
  await page.getByRole('row').filter({ hasText: companyName }).getByRole('link').click();
}

/**
 * Where the control's shadow host sits: 'procore' right before Procore's own ERP control, which is hidden (the
 * sandbox's class names, which only its tests use); 'save' right before the form's Save button; else 'elsewhere'.
 */
const placement = (page: Page): Promise<'procore' | 'save' | 'elsewhere'> =>
  erpControl(page).status.evaluate((status) => {
    const host = (status.getRootNode() as ShadowRoot).host as Element | undefined;
    const next = host?.nextElementSibling;
    const procore = document.querySelector('.erp-actions, .ErpActions-sc-7c2e1b-0');
    if (procore && next === procore && getComputedStyle(procore).display === 'none') return 'procore';
    const save = [...document.querySelectorAll('button, input[type=submit]')].find((element) =>
      /^(Save|Guardar)$/.test((element as HTMLInputElement).value || element.textContent?.trim() || ''),
    );
    return save && next && (next === save || next.contains(save)) ? 'save' : 'elsewhere';
  });

describe('single-page navigation', () => {
  test('one control per edit page across client-side navigations, none elsewhere', async ({ open }) => {
    const page = await open(directoryPath(SUMMIT));
    await page.getByRole('heading', { name: 'Directory' }).waitFor();
    const navigations = await page.evaluate(() => performance.getEntriesByType('navigation').length);

    await editFromDirectory(page, VENDORS.acme.name);
    await erpControl(page).send.waitFor();
    expect(await controlCount(page)).toBe(1);

    await page.goBack();
    await page.getByRole('heading', { name: 'Directory' }).waitFor();
    await eventually(() => controlCount(page)).toBe(0);

    await editFromDirectory(page, VENDORS.dormant.name);
    await erpControl(page).help.waitFor();
    await eventually(() => erpControl(page).send.isDisabled()).toBe(true);
    expect(await controlCount(page)).toBe(1);

    await page.goBack();
    await editFromDirectory(page, VENDORS.keystone.name);
    await eventually(() => erpControl(page).status.innerText()).toContain('V-1007');
    expect(await controlCount(page)).toBe(1);
    expect(await erpControl(page).anyAction.count()).toBe(0);

    // Every step above was client-side: still the first document.
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(navigations);
    expect(new URL(page.url()).pathname).toBe(companyVendorPath(SUMMIT, VENDORS.keystone.id));
  });

  test('the control comes back once when the page re-renders its form (Save)', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, VENDORS.acme.id));
    await erpControl(page).send.waitFor();

    await saveButton(page).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^\s*Saved\s*$/ })
      .waitFor();
    await erpControl(page).send.waitFor();
    expect(await controlCount(page)).toBe(1);
    // The page drew Procore's control anew with the form: the extension stands in for the new one.
    await eventually(() => placement(page)).toBe('procore');
    expect(await page.getByRole('button', { name: /ERP/ }).count()).toBe(1);
  });

  test("the control stands in Procore's own ERP control's place, or right before Save where the page has none", async ({
    open,
  }) => {
    const summit = await open(companyVendorPath(SUMMIT, VENDORS.acme.id));
    await erpControl(summit).send.waitFor();
    expect(await placement(summit)).toBe('procore');
    const harbor = await open(companyVendorPath(HARBOR, VENDORS.harborElectric.id));
    await erpControl(harbor).send.waitFor();
    expect(await placement(harbor)).toBe('save');
  });

  test('no API calls on pages that are not vendor edit pages', async ({ open, sandbox }) => {
    const page = await open(directoryPath(SUMMIT));
    await page.getByRole('heading', { name: 'Directory' }).waitFor();
    await page.getByRole('link', { name: 'Edit' }).first().waitFor();
    // The worker's own start-up may refresh tracked requests, but nothing here is about a vendor.
    const calls = await sandbox.extensionCalls();
    expect(calls.filter((entry) => /\/vendors\/|\/permissions\//.test(entry.path))).toEqual([]);
    expect(await controlCount(page)).toBe(0);
  });
});

describe('other markup and languages', () => {
  test('the beta Directory: wrapping labels, input type=submit, form rendered late', async ({ open, sandbox }) => {
    const page = await open(`${companyVendorPath(SUMMIT, VENDORS.acme.id)}?ui=beta`);
    const control = erpControl(page);
    await control.send.waitFor();
    expect(await page.locator('input[type=submit]').count()).toBeGreaterThan(0);
    // The beta page draws Procore's control after its form: the extension moves into its place once it appears.
    await eventually(() => placement(page)).toBe('procore');
    await control.send.click();
    await eventually(() => control.status.innerText()).toContain('Waiting for approval');
    expect((await sandbox.created()).map((request) => request.item_id)).toEqual([VENDORS.acme.id]);
  });

  test('the beta Directory: live reasons read the wrapping labels', async ({ open }) => {
    const page = await open(`${companyVendorPath(SUMMIT, VENDORS.acme.id)}?ui=beta`);
    const control = erpControl(page);
    await control.send.waitFor();
    await page.getByLabel('ZIP Code').fill('ABC');
    await control.help.focus();
    await eventually(() => control.tooltip.innerText()).toMatch(/ZIP Code must be a number/);
  });

  test('a Spanish Procore page: Guardar is found', async ({ open }) => {
    const page = await open(`${companyVendorPath(SUMMIT, VENDORS.acme.id)}?lang=es`);
    await page.getByRole('button', { name: 'Guardar' }).waitFor();
    await erpControl(page).send.waitFor();
    // "+ Enviar a ERP" is recognised as Procore's Send: the extension stands in for it.
    await eventually(() => placement(page)).toBe('procore');
  });

  test('a Spanish browser: the control speaks Spanish', async ({ sandbox }) => {
    void sandbox;
    const ext = await launch({ lang: 'es' });
    try {
      const page = await openIn(ext, `${companyVendorPath(SUMMIT, VENDORS.dormant.id)}?lang=es`);
      // Inside the control: Procore's own Spanish page reads "Enviar a ERP" too.
      const send = page.locator(CONTROL_TAG).getByRole('button', { name: spanishFor('Send to ERP'), exact: true });
      await send.waitFor();
      await eventually(() => send.isDisabled()).toBe(true);
      await page.getByRole('button', { name: spanishFor('Why is sending unavailable?') }).focus();
      const tooltip = await page.getByRole('tooltip').innerText();
      expect(tooltip).toContain(spanishFor('This company is inactive. Make it active and save, then send.'));
    } finally {
      await ext.close();
    }
  });
});
