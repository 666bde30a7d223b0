/**
 * When the extension is reloaded or updated, the control it left in open tabs goes away cleanly (no
 * orphaned host, no errors) and its old content script does nothing more as the page navigates. (Chromium started
 * with --load-extension unloads the extension on `runtime.reload()` without loading it again, so these tests end
 * with the extension gone; a fresh page load with the extension present shows one control, as spa.test.ts checks.)
 */
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser } from 'webextension-polyfill';
import type { ExtensionBrowser } from '../../scripts/extension-browser';
import { companyVendorPath, erpControl, procoreControl, SUMMIT, VENDORS } from '../../scripts/sandbox-pages';
import { CONTROL_TAG } from '../../lib/procore/selectors';
import { eventually, test } from './browser';

declare const chrome: Browser;

const hostCount = (page: Page): Promise<number> =>
  page.evaluate((tag) => document.querySelectorAll(tag).length, CONTROL_TAG);

/** Console errors that a stale content script would log (a dead extension context, an uncaught rejection). */
function staleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Extension context invalidated|Uncaught|Unhandled/i.test(message.text())) {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Reloads the extension from its own service worker, which dies with it (so the evaluation may not answer). */
async function reloadExtension(ext: ExtensionBrowser): Promise<void> {
  const worker = await ext.serviceWorker();
  await worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
}

/** Opens Acme Concrete's edit page and waits for the control to be ready. */
async function openReadyPage(open: (path: string) => Promise<Page>): Promise<{ page: Page; errors: string[] }> {
  const page = await open(companyVendorPath(SUMMIT, VENDORS.acme.id));
  const errors = staleErrors(page);
  await eventually(() => erpControl(page).send.isEnabled()).toBe(true);
  expect(await hostCount(page)).toBe(1);
  return { page, errors };
}

describe('extension reload or update', () => {
  test('the old control leaves the open page, without errors', async ({ ext, open }) => {
    const { page, errors } = await openReadyPage(open);

    await reloadExtension(ext);
    await eventually(() => hostCount(page)).toBe(0);
    expect(await erpControl(page).status.count()).toBe(0);
    // Procore's own control, which the extension stood in for, is back in sight: the page's one ERP button.
    await eventually(() => procoreControl(page).block.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /ERP/ }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  test('after a reload, the stale script does not come back on client-side navigation, and the page still works', async ({
    ext,
    open,
  }) => {
    const { page, errors } = await openReadyPage(open);

    await reloadExtension(ext);
    await eventually(() => hostCount(page)).toBe(0);

    // Chrome does not inject the new content script into open tabs; the old one must stay out of the way.
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByRole('row').filter({ hasText: VENDORS.beacon.name }).getByRole('link').click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect(await hostCount(page)).toBe(0);
    expect(errors).toEqual([]);
  });
});
