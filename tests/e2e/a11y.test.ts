/**
 * Axe finds no violations in the in-page control (each state), the popup and the options page,
 * and the control works by keyboard alone.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { companyVendorPath, erpControl, SUMMIT, VENDORS } from '../../scripts/sandbox-pages';
import { eventually, test } from './browser';

/** Violations as short lines, so a failure says what and where. */
async function violations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The CSS selector of the control's shadow host, so axe checks the extension and not the sandbox's own markup. */
const controlHost = (page: Page): Promise<string> =>
  erpControl(page).status.evaluate((status) => {
    const host = (status.getRootNode() as ShadowRoot).host;
    if (!host) throw new Error('the control is not in a shadow root');
    return host.id ? `#${CSS.escape(host.id)}` : host.localName;
  });

describe('accessibility', () => {
  test('the control, ready to send', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, VENDORS.acme.id));
    await erpControl(page).send.waitFor();
    expect(await violations(page, await controlHost(page))).toEqual([]);
  });

  test('the control, unavailable with its tooltip open', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, VENDORS.longName.id));
    const control = erpControl(page);
    await control.help.focus();
    await control.tooltip.waitFor({ state: 'visible' });
    expect(await violations(page, await controlHost(page))).toEqual([]);
  });

  test('the control, rejected with history', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, VENDORS.ridge.id));
    await erpControl(page).resend.waitFor();
    expect(await violations(page, await controlHost(page))).toEqual([]);
  });

  test('the control by keyboard alone: Tab reaches Send, Enter sends', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, VENDORS.acme.id));
    const control = erpControl(page);
    await eventually(() => control.send.isEnabled()).toBe(true);
    // The control stands in Procore's ERP control's place, after the form's last field.
    await page.getByLabel('Email Address', { exact: true }).focus();
    const isFocused = () =>
      control.send.evaluate((button) => (button.getRootNode() as ShadowRoot).activeElement === button);
    for (let i = 0; i < 5 && !(await isFocused()); i += 1) await page.keyboard.press('Tab');
    expect(await isFocused()).toBe(true);
    // A visible focus indicator: an outline or a box shadow while focused by keyboard.
    const ring = await control.send.evaluate((button) => {
      const style = getComputedStyle(button);
      return (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
    });
    expect(ring).toBe(true);
    await page.keyboard.press('Enter');
    await eventually(() => control.status.innerText()).toContain('Waiting for approval');
  });

  test('the popup', async ({ ext, open }) => {
    const page = await open(companyVendorPath(SUMMIT, VENDORS.ridge.id));
    await erpControl(page).resend.waitFor();
    const popup = await ext.openPopup();
    await popup.getByRole('listitem').first().waitFor();
    expect(await violations(popup)).toEqual([]);
  });

  test('the popup in dark mode, every status colour included', async ({ ext, open }) => {
    for (const vendor of [VENDORS.ridge, VENDORS.pioneer, VENDORS.keystone]) {
      const page = await open(companyVendorPath(SUMMIT, vendor.id));
      await erpControl(page).status.filter({ hasNotText: 'Checking' }).waitFor();
    }
    const popup = await ext.openPopup();
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.getByRole('listitem').nth(2).waitFor();
    // The dark scheme really applies: a dark page with light text.
    const colours = await popup.evaluate(() => [
      getComputedStyle(document.documentElement).backgroundColor,
      getComputedStyle(document.body).color,
    ]);
    expect(colours).toEqual(['rgb(27, 29, 33)', 'rgb(232, 234, 237)']);
    expect(await violations(popup)).toEqual([]);
  });

  test('the options page', async ({ ext }) => {
    const options = await ext.openOptions();
    await options.getByRole('button', { name: 'Test connection' }).waitFor();
    expect(await violations(options)).toEqual([]);
  });
});
