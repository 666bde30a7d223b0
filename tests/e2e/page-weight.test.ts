/**
 * What every Procore page pays: on a page that is not the Directory, only the loader is parsed (at most 2 kB gzip);
 * the Directory list's statuses come when the app navigates client-side to the list, and the control when it goes on
 * to a vendor edit page, and goes when it leaves.
 */
import { describe, expect } from 'vitest';
import { approverPath, erpControl, SUMMIT, VENDORS } from '../../scripts/sandbox-pages';
import { recordParsedExtensionScripts, totalGzipBytes } from '../../scripts/parsed-extension-scripts';
import { eventually, sandboxUrl, test } from './browser';

const LOADER_BUDGET_BYTES = 2048;

describe('the weight of every Procore page', () => {
  test('a page that is not the Directory parses only the loader; the control loads on client-side entry', async ({
    ext,
  }) => {
    const page = await ext.context.newPage();
    const parsedScripts = await recordParsedExtensionScripts(page);
    await page.goto(`${sandboxUrl()}${approverPath(SUMMIT)}`);
    await page.getByRole('heading', { name: 'ERP Integrations' }).waitFor();
    // The loader runs at document idle; wait until the browser has parsed it before counting.
    await eventually(async () => (await parsedScripts()).length).toBeGreaterThan(0);
    const onArrival = await parsedScripts();
    expect(onArrival.map((script) => new URL(script.url).pathname)).toEqual(['/content-scripts/erp.js']);
    expect(totalGzipBytes(onArrival)).toBeLessThanOrEqual(LOADER_BUDGET_BYTES);

    const navigations = await page.evaluate(() => performance.getEntriesByType('navigation').length);
    await page.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name: 'Directory' }).click();
    await page.getByRole('row').filter({ hasText: VENDORS.ridge.name }).locator('erp-resend-status').waitFor();
    const onList = (await parsedScripts()).map((script) => new URL(script.url).pathname);
    expect(onList).toEqual(['/content-scripts/erp.js', '/directory-statuses.js']);
    await page.getByRole('row').filter({ hasText: VENDORS.acme.name }).getByRole('link').click();
    await erpControl(page).send.waitFor();
    const afterEntry = (await parsedScripts()).map((script) => new URL(script.url).pathname);
    expect(afterEntry).toEqual(['/content-scripts/erp.js', '/directory-statuses.js', '/erp-control.js']);

    await page.goBack();
    await page.getByRole('heading', { name: 'Directory' }).waitFor();
    await eventually(() => erpControl(page).status.count()).toBe(0);
    await page.goForward();
    await erpControl(page).send.waitFor();
    expect(await erpControl(page).status.count()).toBe(1);
    // All of it client-side, and each part's script was parsed once.
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(navigations);
    expect((await parsedScripts()).length).toBe(3);
  });
});
