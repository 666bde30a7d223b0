/**
 * The core flows in a real Firefox: the Directory list's statuses, send once and wait, every reason in the tooltip (hover and keyboard), a
 * rejection's comment shown as text and Re-send, retrieve, a status change reaching the open page and the popup, and
 * the options page saving and testing the connection.
 */
import { describe, expect } from 'vitest';
import { companyVendorPath, directoryPath, HARBOR, SUMMIT, TIMBERLINE, VENDORS } from '../../scripts/sandbox-pages';
import type { Page } from 'puppeteer-core';
import { byRole, clickWhenReady, eventually, fieldByLabel, test, textOfRole, type Firefox } from './firefox';

const { acme, harborElectric, pioneer } = VENDORS;

/** The parts of Firefox's `browser.*` that the tests read from an extension page. */
interface AddonApi {
  browser: {
    browserAction: { getBadgeText(details: object): Promise<string> };
    storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  };
}

/** Acme Concrete's edit page, sent, once it says it is waiting for approval. */
async function sendAcme(firefox: Firefox): Promise<Page> {
  const page = await firefox.open(companyVendorPath(SUMMIT, acme.id));
  await (await byRole(page, 'button', 'Send to ERP')).click();
  await eventually(() => textOfRole(page, 'status')).toContain('Waiting for approval');
  return page;
}

describe('in Firefox', () => {
  test("the Directory list shows each company's ERP status beside its name, and on the next page", async ({
    firefox,
  }) => {
    const page = await firefox.open(directoryPath(TIMBERLINE));
    const tags = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('erp-resend-status')].map(
          (tag) =>
            `${tag.closest('tr')?.querySelector('th')?.firstChild?.textContent}: ${tag.shadowRoot?.querySelector('.tag')?.textContent}`,
        ),
      );
    await eventually(tags).toEqual(['Aspen Abatement: ✓ERP: Synced to ERP', 'Granite Masonry: ↺ERP: Rejected']);
    await (await byRole(page, 'button', 'Next')).click();
    await eventually(tags).toEqual([
      'Hawk Hoisting: ◔ERP: Waiting for approval',
      'Quartz Quarry: ↺ERP: Rejected',
      'Redwood Roofing: ↺ERP: Rejected',
    ]);
  });

  test('the control appears on a vendor edit page of a sandbox on any port, and one click sends once', async ({
    firefox,
    sandbox,
  }) => {
    await sendAcme(firefox);
    expect((await sandbox.created()).map((request) => request.item_id)).toEqual([acme.id]);
  });

  test('every reason sending is unavailable, live as the admin types, in the tooltip on hover and by keyboard', async ({
    firefox,
  }) => {
    const page = await firefox.open(companyVendorPath(HARBOR, harborElectric.id));
    const send = await byRole(page, 'button', 'Send to ERP');
    expect(await send.evaluate((button) => (button as HTMLButtonElement).disabled)).toBe(true);
    const name = await fieldByLabel(page, 'Name');
    await name.click({ count: 3 });
    await name.type('Harbor Electric and Lighting Supply Co');
    const help = await byRole(page, 'button', 'Why is sending unavailable?');
    await help.hover();
    const longName = "Name is 38 characters; Sage 300 CRE allows 30 (Procore's published limit for Sage 300 CRE)";
    await eventually(() => textOfRole(page, 'tooltip')).toContain(longName);
    expect(await textOfRole(page, 'tooltip')).toContain("This company's ERP data has not been synced yet");
    const tooltipOpen = () =>
      page.evaluate(() =>
        Boolean(
          document.querySelector('erp-resend-control')?.shadowRoot?.querySelector('[role="tooltip"]:popover-open'),
        ),
      );
    expect(await tooltipOpen()).toBe(true);
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
    await eventually(tooltipOpen).toBe(false);
    await help.focus();
    await eventually(tooltipOpen).toBe(true);
    expect(await textOfRole(page, 'tooltip')).toContain(longName);
  });

  test("a rejection shows the approver's comment as text, and Re-send sends again", async ({ firefox, sandbox }) => {
    const page = await sendAcme(firefox);
    const [sent] = await sandbox.created();
    await sandbox.decide(SUMMIT, sent!.id, 'reject', { comment: '<b>Tax ID</b> missing on W-9' });
    await eventually(() => textOfRole(page, 'status')).toContain('Rejected by Avery Approver');
    expect(await textOfRole(page, 'status')).toContain('Comment: <b>Tax ID</b> missing on W-9');
    const rendered = await page.evaluate(
      () => document.querySelector('erp-resend-control')?.shadowRoot?.querySelector('b') ?? null,
    );
    expect(rendered).toBeNull();
    await clickWhenReady(page, await byRole(page, 'button', 'Re-send to ERP'));
    await eventually(() => textOfRole(page, 'status')).toContain('Waiting for approval');
    expect(await sandbox.created()).toHaveLength(2);
  });

  test('Retrieve takes back a request waiting for approval', async ({ firefox }) => {
    const page = await firefox.open(companyVendorPath(SUMMIT, pioneer.id));
    await (await byRole(page, 'button', 'Retrieve from ERP')).click();
    await eventually(() => textOfRole(page, 'status')).toContain('Retrieved');
    await byRole(page, 'button', 'Re-send to ERP');
  });

  test("an approver's decision reaches the open page, the popup and the badge, and the admin is told", async ({
    firefox,
    sandbox,
  }) => {
    const page = await sendAcme(firefox);
    const [sent] = await sandbox.created();
    await sandbox.decide(SUMMIT, sent!.id, 'reject', { comment: 'Address incomplete' });
    await eventually(() => textOfRole(page, 'status')).toContain('Rejected');
    const popup = await firefox.openExtensionPage('popup.html');
    // With the seeded Ridge Roofing rejection of the company's queue, also sent by this admin.
    await eventually(() => textOfRole(popup, 'heading')).toContain('Needs your attention (2)');
    expect(await textOfRole(popup, 'listitem')).toContain('Acme Concrete');
    // The popup is an extension page: from it the test reads the toolbar badge and what the admin was told.
    const badge = await popup.evaluate(() =>
      (globalThis as unknown as AddonApi).browser.browserAction.getBadgeText({}),
    );
    expect(badge).toBe('2');
    // Headless Firefox shows no notification (it closes each at once), so what is read is the record the background
    // keeps of having told the admin, written as the notification is shown.
    const told = await popup.evaluate(async () => {
      // Stored as JSON text (`STORED.tracked` in lib/extension/storage-items.ts).
      const { tracked } = await (globalThis as unknown as AddonApi).browser.storage.local.get('tracked');
      type Entry = { request: { id: number }; notifiedStatus: string | null };
      return Object.values(JSON.parse(tracked as string) as Record<string, Entry>).map((entry) => [
        entry.request.id,
        entry.notifiedStatus,
      ]);
    });
    expect(told).toContainEqual([sent!.id, 'rejected']);
  });

  test('the options page tests the connection and saves', async ({ firefox }) => {
    const options = await firefox.openExtensionPage('options.html');
    await (await byRole(options, 'button', 'Test connection')).click();
    await eventually(() => textOfRole(options, 'status')).toContain('Connected as Alex Admin (alex.admin@example.com)');
    const poll = await fieldByLabel(options, 'Check for status changes every (seconds)');
    await poll!.click({ count: 3 });
    await poll!.type('45');
    await (await byRole(options, 'button', 'Save')).click();
    await eventually(() => textOfRole(options, 'status')).toContain('Settings saved.');
    const reopened = await firefox.openExtensionPage('options.html');
    await eventually(() => reopened.$eval('#pollSeconds', (input) => (input as HTMLInputElement).value)).toBe('45');
  });
});
