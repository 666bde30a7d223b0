/**
 * The popup's queue — sections with counts, search, links back to the edit page,
 * Re-send and Retrieve, empty and signed-out states — plus the badge and notifications.
 */
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import {
  approverPath,
  companyVendorPath,
  erpControl,
  rejectOnApproverPage,
  SUMMIT,
  VENDORS,
} from '../../scripts/sandbox-pages';
import { eventually, test } from './browser';
import { setApiToken } from './options-page';
import { activeTabId, activeTabUrl, badgeText, tabIdOf, notificationCount, storedFirstScreenCounts } from './worker';

const { pioneer, ridge, keystone, acme } = VENDORS;

/** Visits the edit pages of the seeded waiting, synced and rejected vendors, so the extension tracks their requests. */
async function visitSeededRequests(
  open: (path: string) => Promise<Page>,
): Promise<Record<'pioneer' | 'keystone' | 'ridge', Page>> {
  const visit = async (vendorId: number, wording: string): Promise<Page> => {
    const page = await open(companyVendorPath(SUMMIT, vendorId));
    await eventually(() => erpControl(page).status.innerText()).toContain(wording);
    return page;
  };
  const pioneerPage = await visit(pioneer.id, 'Waiting for approval');
  const keystonePage = await visit(keystone.id, 'Synced to ERP');
  const ridgePage = await visit(ridge.id, 'Rejected');
  return { pioneer: pioneerPage, keystone: keystonePage, ridge: ridgePage };
}

const item = (popup: Page, companyName: string) => popup.getByRole('listitem').filter({ hasText: companyName });

describe('the popup', () => {
  test('with nothing tracked, says how to start', async ({ ext }) => {
    const popup = await ext.openPopup();
    await popup.getByText('Nothing tracked yet').waitFor();
    expect(await popup.getByRole('listitem').count()).toBe(0);
  });

  test('sections with counts: needs attention (comment and approver), waiting, recently synced (ERP vendor ID)', async ({
    ext,
    open,
  }) => {
    await visitSeededRequests(open);
    const popup = await ext.openPopup();
    await popup.getByRole('heading', { name: 'Needs your attention (1)' }).waitFor();
    await popup.getByRole('heading', { name: 'Waiting for approval (1)' }).waitFor();
    await popup.getByRole('heading', { name: 'Recently synced (1)' }).waitFor();

    const rejected = await item(popup, ridge.name).innerText();
    expect(rejected).toContain('Rejected');
    expect(rejected).toContain('Avery Approver');
    expect(rejected).toContain('Tax ID missing on W-9');
    expect(await item(popup, pioneer.name).innerText()).toContain('Waiting for');
    expect(await item(popup, keystone.name).innerText()).toContain('V-1007');

    // Newest first within the list; each item links to its company's edit page.
    for (const vendor of [ridge, pioneer, keystone]) {
      const href = await item(popup, vendor.name).getByRole('link').first().getAttribute('href');
      expect(href).toContain(companyVendorPath(SUMMIT, vendor.id));
    }
  });

  test('opens on the first screen the background keeps in storage, before the stopped worker answers', async ({
    ext,
    open,
  }) => {
    await visitSeededRequests(open);
    await eventually(() => storedFirstScreenCounts(ext)).toEqual([1, 1, 0, 1]);
    await ext.stopServiceWorker();
    const popup = await ext.openPopup();
    await popup.getByRole('heading', { name: 'Needs your attention (1)' }).waitFor();
    await eventually(() => popup.evaluate(() => performance.getEntriesByName('erp-popup-queue').length)).toBe(1);
    const [firstScreen, wholeList] = await popup.evaluate(() =>
      ['erp-popup-first-screen', 'erp-popup-queue'].map(
        (mark) => performance.getEntriesByName(mark)[0]?.startTime ?? null,
      ),
    );
    expect(firstScreen).not.toBeNull();
    expect(firstScreen!).toBeLessThan(wholeList!);
    expect(await item(popup, ridge.name).innerText()).toContain('Tax ID missing on W-9');
  });

  test('search filters by company name', async ({ ext, open }) => {
    await visitSeededRequests(open);
    const popup = await ext.openPopup();
    await item(popup, ridge.name).waitFor();
    const search = popup.getByRole('searchbox', { name: 'Search companies' });
    await search.fill('ridge');
    await eventually(() => popup.getByRole('listitem').count()).toBe(1);
    expect(await popup.getByRole('listitem').innerText()).toContain(ridge.name);
    await search.fill('zzz');
    await popup.getByText('No company matches “zzz”.').waitFor();
  });

  test("an item's link reuses the tab already showing that company, or opens one", async ({ ext, open }) => {
    const pages = await visitSeededRequests(open);
    const popup = await ext.openPopup();
    // Chromium 150 shows an extension its own page's URL only with the `tabs` permission: the tab is told by its id.
    const popupTab = await tabIdOf(popup);
    expect(popupTab).toEqual(expect.any(Number));
    expect(await activeTabId(ext)).toBe(popupTab);
    const pagesBefore = ext.context.pages().length;
    await item(popup, ridge.name).getByRole('link').first().click();
    await eventually(() => activeTabUrl(ext)).toContain(companyVendorPath(SUMMIT, ridge.id));
    expect(ext.context.pages().length).toBe(pagesBefore);

    await pages.pioneer.close();
    const popupAgain = await ext.openPopup();
    const opened = ext.context.waitForEvent('page');
    await item(popupAgain, pioneer.name).getByRole('link').first().click();
    const tab = await opened;
    await eventually(() => tab.url()).toContain(companyVendorPath(SUMMIT, pioneer.id));
  });

  test('Re-send to ERP from the popup sends once and moves the item to waiting', async ({ ext, open, sandbox }) => {
    await visitSeededRequests(open);
    const popup = await ext.openPopup();
    await item(popup, ridge.name).getByRole('button', { name: 'Re-send to ERP' }).click();
    await popup.getByRole('heading', { name: 'Waiting for approval (2)' }).waitFor();
    expect((await sandbox.created()).map((request) => request.item_id)).toEqual([ridge.id]);
  });

  test('Retrieve from ERP from the popup takes the request back', async ({ ext, open }) => {
    await visitSeededRequests(open);
    const popup = await ext.openPopup();
    await item(popup, pioneer.name).getByRole('button', { name: 'Retrieve from ERP' }).click();
    await eventually(() => item(popup, pioneer.name).innerText()).toMatch(/Taken back|Retrieved/);
    expect(await popup.getByRole('heading', { name: /^Waiting for approval/ }).count()).toBe(0);
  });

  test('Refresh shows progress and then the time of the update', async ({ ext, open, sandbox }) => {
    await visitSeededRequests(open);
    const popup = await ext.openPopup();
    await popup.getByText(/^Last updated/).waitFor();
    const refresh = popup.getByRole('button', { name: 'Refresh', exact: true });
    await refresh.waitFor();
    // The refresh's list call is held for a moment, so its progress can be seen: the next few list calls, in case a
    // scheduled poll's comes first.
    await sandbox.fault({ match: '/erp/requests', method: 'GET', count: 3, delayMs: 1500 });
    await refresh.click();
    // The label and the busy state at once: read one after the other, the refresh could end in between.
    await popup
      .getByRole('button', { name: 'Refreshing…', exact: true })
      .and(popup.locator('[aria-busy="true"]'))
      .waitFor();
    await refresh.waitFor();
    expect(await refresh.getAttribute('aria-busy')).toBe('false');
    await popup.getByText('Last updated just now').waitFor();
  });

  test('signed out (a token the API refuses): says so and links to the options', async ({ ext, open }) => {
    await visitSeededRequests(open);
    await setApiToken(ext, 'not-a-token');
    const popup = await ext.openPopup();
    await popup
      .getByText(/Not connected to the integration API|Check the API token/)
      .first()
      .waitFor();
    await popup
      .getByRole('button', { name: 'Open options' })
      .or(popup.getByRole('link', { name: 'Open options' }))
      .waitFor();
  });
});

describe('telling the admin', () => {
  test('the badge counts requests that need the admin', async ({ ext, open }) => {
    await visitSeededRequests(open);
    await eventually(() => badgeText(ext)).toBe('1');
  });

  test('a rejection raises one notification and adds to the badge', async ({ ext, open }) => {
    const page = await open(companyVendorPath(SUMMIT, acme.id));
    // The company's queue already holds the seeded Ridge Roofing rejection, sent by this admin.
    await eventually(() => badgeText(ext)).toBe('1');
    await erpControl(page).send.click();
    await eventually(() => erpControl(page).status.innerText()).toContain('Waiting for approval');
    const approver = await open(approverPath(SUMMIT));
    await rejectOnApproverPage(approver, acme.name, 'Missing insurance certificate');
    await eventually(() => erpControl(page).status.innerText()).toContain('Rejected');

    await eventually(() => notificationCount(ext)).toBe(1);
    await eventually(() => badgeText(ext)).toBe('2');
  });
});
