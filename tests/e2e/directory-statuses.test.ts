/**
 * The Directory's company list shows each company's ERP status beside its name (Timberline Partners' 45 companies over
 * three pages, `sandbox/seed.ts`), through re-renders, paging, sorting and search, at company and project level.
 */
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import {
  companyVendorPath,
  directoryPath,
  erpControl,
  RIVERSIDE_PROJECT,
  TIMBERLINE,
  VENDORS,
} from '../../scripts/sandbox-pages';
import { eventually, test } from './browser';

const { aspen, basalt, granite, hawk, redwood, willow } = VENDORS;

const row = (page: Page, name: string) => page.getByRole('row').filter({ hasText: name });
/** The extension's tag in a company's row (inside its shadow root, which Playwright's locators reach). */
const tag = (page: Page, name: string) => row(page, name).locator('erp-resend-status .tag');
/** The list calls of the Directory's statuses: the extension's calls that ask for several vendors at once. */
const itemListCalls = async (log: () => Promise<{ path: string; query: string }[]>) =>
  (await log()).filter((e) => e.path.endsWith('/erp/requests') && e.query.includes('item_id')).length;

describe("the Directory list's statuses", () => {
  test('each company with a request shows its status in words, the details on hover and focus', async ({
    open,
    sandbox,
  }) => {
    const page = await open(directoryPath(TIMBERLINE));
    await eventually(() => tag(page, granite.name).textContent()).toBe('↺ERP: Rejected');
    expect(await tag(page, aspen.name).textContent()).toContain('ERP: Synced to ERP');
    expect(await row(page, basalt.name).locator('erp-resend-status').count()).toBe(0);
    expect(await itemListCalls(sandbox.extensionCalls)).toBe(1);

    await tag(page, granite.name).hover();
    const tip = row(page, granite.name).getByRole('tooltip');
    await tip.waitFor();
    expect(await tip.innerText()).toContain('Insurance certificate expired');
    expect(await tip.innerText()).toContain('Sent by Jordan Lee');
    await page.mouse.move(0, 0);
    await tip.waitFor({ state: 'hidden' });
    // By keyboard: the tag takes focus and its tooltip shows; it describes the tag to a screen reader.
    await tag(page, granite.name).focus();
    await tip.waitFor();
    await expect(tag(page, granite.name).getAttribute('aria-describedby')).resolves.toBe('tip');
  });

  test('the statuses hold across paging, sorting and search, each redrawing the rows', async ({ open, sandbox }) => {
    const page = await open(directoryPath(TIMBERLINE));
    await tag(page, granite.name).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await eventually(() => tag(page, redwood.name).textContent()).toBe('↺ERP: Rejected');
    expect(await tag(page, hawk.name).textContent()).toBe('◔ERP: Waiting for approval');
    await page.getByRole('button', { name: 'Previous' }).click();
    // Known already: tagged in the render itself, not asked again.
    expect(await tag(page, granite.name).textContent()).toBe('↺ERP: Rejected');
    expect(await itemListCalls(sandbox.extensionCalls)).toBe(2);

    await page.getByRole('button', { name: 'Name' }).click();
    await eventually(() => tag(page, willow.name).textContent()).toBe('✕ERP: Export failed');
    await page.getByRole('searchbox', { name: 'Search companies' }).fill('granite');
    await eventually(() => page.getByRole('row').count()).toBe(2);
    expect(await tag(page, granite.name).textContent()).toBe('↺ERP: Rejected');
  });

  test('a worker stopped before the visit asks the API for the whole page: a decision made meanwhile shows', async ({
    ext,
    open,
    sandbox,
  }) => {
    const control = erpControl(await open(companyVendorPath(TIMBERLINE, basalt.id)));
    await control.send.click();
    await eventually(() => control.status.innerText()).toContain('Waiting for approval');
    const [sent] = await sandbox.created();
    await sandbox.decide(TIMBERLINE, sent!.id, 'reject', { comment: 'W-9 missing' });
    await ext.stopServiceWorker();
    const before = (await sandbox.extensionCalls()).length;

    // What the stopped worker tracked says "waiting"; the API, asked for every company on the page, says otherwise.
    const page = await open(directoryPath(TIMBERLINE));
    await eventually(() => tag(page, basalt.name).textContent()).toBe('↺ERP: Rejected');
    expect(await tag(page, granite.name).textContent()).toBe('↺ERP: Rejected');
    // One call for the page's 20 companies (the edit page still open may ask for its own vendor once told).
    const forThePage = (await sandbox.extensionCalls())
      .slice(before)
      .filter((call) => (call.query.match(/item_id/g) ?? []).length > 1);
    expect(forThePage).toHaveLength(1);
    expect(forThePage[0]!.query.match(/item_id/g)).toHaveLength(20);
  });

  test("a project's Directory shows its company's statuses too", async ({ open }) => {
    const page = await open(`/${RIVERSIDE_PROJECT}/project/directory`);
    await eventually(() => tag(page, VENDORS.ridge.name).textContent()).toBe('↺ERP: Rejected');
    expect(await tag(page, VENDORS.pioneer.name).textContent()).toBe('◔ERP: Waiting for approval');
  });
});
