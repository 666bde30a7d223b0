/**
 * Procore's own ERP control on the page (the sandbox draws it for companies with the ERP tool: Summit Builders, not
 * Harbor Construction): while the extension can act there is one ERP control in sight, the extension's, in Procore's
 * place; Procore's is hidden, never removed, and back as it was whenever the extension cannot act or is gone. What
 * Procore's own button did shows in the extension's control.
 */
import { describe, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Browser } from 'webextension-polyfill';
import type { ExtensionBrowser } from '../../scripts/extension-browser';
import { readStoredItem, writeStoredItems } from '../../scripts/extension-storage';
import {
  companyVendorPath,
  directoryPath,
  erpControl,
  procoreControl,
  SUMMIT,
  tooltipText,
  VENDORS,
} from '../../scripts/sandbox-pages';
import { STORED } from '../../lib/extension/storage-items';
import { CONTROL_TAG } from '../../lib/procore/selectors';
import { eventually, sandboxUrl, test } from './browser';
import { buttonLook } from './look';

declare const chrome: Browser;

/** Every ERP button a person can see or reach on the page: Procore's and the extension's alike. */
const visibleErpButtons = (page: Page) => page.getByRole('button', { name: /ERP/ });

/** The one ERP button in sight is the extension's (inside its shadow host), and Procore's is hidden but there. */
async function expectOnlyOurs(page: Page): Promise<void> {
  await eventually(() => procoreControl(page).block.isHidden()).toBe(true);
  expect(await procoreControl(page).block.count()).toBe(1);
  await eventually(() => visibleErpButtons(page).count()).toBe(1);
  await eventually(() => erpControl(page).anyAction.count()).toBe(1);
}

/** Stores the sandbox build's settings (`lib/extension/settings.ts`) with this token: '' is not set up. */
async function setToken(ext: ExtensionBrowser, token: string): Promise<void> {
  const stored = (await readStoredItem(ext, STORED.settings)) as Record<string, unknown> | undefined;
  const defaults = { apiUrl: sandboxUrl(), pollSeconds: 60, notifications: true, badge: true };
  await writeStoredItems(ext, [[STORED.settings, { ...defaults, ...stored, token }]]);
}
const removeToken = (ext: ExtensionBrowser) => setToken(ext, '');
const restoreToken = (ext: ExtensionBrowser) => setToken(ext, 'sandbox-token');

describe("one ERP control on a page that has Procore's own", () => {
  test('in every state: ready, grayed with every reason, waiting, rejected, synced', async ({ open }) => {
    const ready = await open(companyVendorPath(SUMMIT, VENDORS.acme.id));
    await eventually(() => erpControl(ready).send.isEnabled()).toBe(true);
    await expectOnlyOurs(ready);

    const grayed = await open(companyVendorPath(SUMMIT, VENDORS.longName.id));
    await eventually(() => erpControl(grayed).send.isDisabled()).toBe(true);
    await expectOnlyOurs(grayed);
    // One "?" in sight, the extension's, with the exact reason instead of Procore's generic sentence.
    expect(await grayed.getByRole('button', { name: '?', exact: true }).count()).toBe(0);
    expect(await tooltipText(grayed)).toMatch(/Name is 64 characters; Viewpoint Vista allows 60/);

    const waiting = await open(companyVendorPath(SUMMIT, VENDORS.pioneer.id));
    await erpControl(waiting).retrieve.waitFor();
    await expectOnlyOurs(waiting);

    const rejected = await open(companyVendorPath(SUMMIT, VENDORS.ridge.id));
    await erpControl(rejected).resend.waitFor();
    await expectOnlyOurs(rejected);

    // Once synced neither has a button; Procore's control is then only its green status, found by no button, and
    // left as Procore shows it.
    const synced = await open(companyVendorPath(SUMMIT, VENDORS.keystone.id));
    await eventually(() => erpControl(synced).status.innerText()).toContain('Synced to ERP');
    expect(await visibleErpButtons(synced).count()).toBe(0);
    expect(await procoreControl(synced).status.innerText()).toBe('Synced');
  });

  test('retrieved, then re-sent: one button throughout, one request per click', async ({ open, sandbox }) => {
    const page = await open(companyVendorPath(SUMMIT, VENDORS.pioneer.id));
    const control = erpControl(page);
    await control.retrieve.click();
    await eventually(() => control.status.innerText()).toContain('Retrieved');
    await expectOnlyOurs(page);
    await eventually(() => control.anyAction.isEnabled()).toBe(true);
    await control.anyAction.click();
    await eventually(() => control.status.innerText()).toContain('Waiting for approval');
    await expectOnlyOurs(page);
    expect((await sandbox.created()).map((request) => request.item_id)).toEqual([VENDORS.pioneer.id]);
  });

  test('after client-side navigation from the Directory, and back', async ({ open }) => {
    const page = await open(directoryPath(SUMMIT));
    await page.getByRole('row').filter({ hasText: VENDORS.acme.name }).getByRole('link').click();
    await erpControl(page).send.waitFor();
    await expectOnlyOurs(page);
    await page.goBack();
    await page.getByRole('row').filter({ hasText: VENDORS.ridge.name }).getByRole('link').click();
    await erpControl(page).resend.waitFor();
    await expectOnlyOurs(page);
  });

  test('a transient failure (503) keeps the extension’s control, with Try again, in Procore’s place', async ({
    open,
    sandbox,
  }) => {
    await sandbox.fault({ method: 'GET', match: '/vendors/', count: 50, status: 503 });
    const page = await open(companyVendorPath(SUMMIT, VENDORS.acme.id));
    const tryAgain = page.getByRole('button', { name: 'Try again' });
    await tryAgain.waitFor({ timeout: 40_000 });
    expect(await procoreControl(page).block.isHidden()).toBe(true);
    await sandbox.clearFaults();
    await tryAgain.click();
    await eventually(() => erpControl(page).send.isEnabled()).toBe(true);
    await expectOnlyOurs(page);
  });
});

/** A button's look (`look.ts`) and its height to the pixel. */
const lookOf = async (button: Locator) => [
  ...(await buttonLook(button)),
  await button.evaluate((element) => Math.round(element.getBoundingClientRect().height)),
];

describe("standing in Procore's place", () => {
  test('in the look of Procore’s button, so the page does not jump when one replaces the other', async ({
    ext,
    open,
  }) => {
    await removeToken(ext);
    const page = await open(companyVendorPath(SUMMIT, VENDORS.acme.id));
    await procoreControl(page).button.waitFor();
    const procoreLook = await lookOf(procoreControl(page).button);
    const saveBefore = await page.getByRole('button', { name: 'Save', exact: true }).boundingBox();

    await restoreToken(ext);
    await page.reload();
    const { send } = erpControl(page);
    await eventually(() => send.isEnabled()).toBe(true);
    await expectOnlyOurs(page);
    expect(await lookOf(send)).toEqual(procoreLook);
    const saveAfter = await page.getByRole('button', { name: 'Save', exact: true }).boundingBox();
    expect(Math.round(saveAfter?.y ?? 0)).toBe(Math.round(saveBefore?.y ?? -1));
  });
});

describe("Procore's own control when the extension cannot act", () => {
  test('no token: Procore’s control is in sight and works, beside a one-line note linking to the options', async ({
    ext,
    open,
    sandbox,
  }) => {
    await removeToken(ext);
    const page = await open(companyVendorPath(SUMMIT, VENDORS.acme.id));
    const note = page.getByRole('alert');
    await eventually(() => note.innerText()).toContain("ERP Resend's options");
    await expect.poll(() => procoreControl(page).block.isVisible()).toBe(true);
    expect(await note.getByRole('button', { name: 'Open options' }).count()).toBe(1);
    expect(await visibleErpButtons(page).count()).toBe(1);

    await procoreControl(page).button.click();
    await eventually(() => procoreControl(page).status.innerText()).toBe('Pending acceptance');
    expect((await sandbox.created()).map((request) => request.item_id)).toEqual([VENDORS.acme.id]);
    // Procore's button went through the web app: the integration API was not asked to create anything.
    expect((await sandbox.log()).filter((entry) => entry.method === 'POST')).toEqual([]);
  });

  test('a request made with Procore’s own button shows in the extension’s control, and is tracked', async ({
    ext,
    open,
  }) => {
    await removeToken(ext);
    const before = await open(companyVendorPath(SUMMIT, VENDORS.beacon.id));
    await procoreControl(before).button.click();
    await eventually(() => procoreControl(before).status.innerText()).toBe('Pending acceptance');
    await before.close();

    await restoreToken(ext);
    const page = await open(companyVendorPath(SUMMIT, VENDORS.beacon.id));
    const control = erpControl(page);
    await control.retrieve.waitFor();
    expect(await control.status.innerText()).toContain('Waiting for approval');
    await expectOnlyOurs(page);
    const popup = await ext.openPopup();
    await eventually(() => popup.getByRole('listitem').filter({ hasText: VENDORS.beacon.name }).count()).toBe(1);
  });

  test('the extension reloaded: Procore’s control is back as it was, and works', async ({ ext, open, sandbox }) => {
    const page = await open(companyVendorPath(SUMMIT, VENDORS.acme.id));
    await erpControl(page).send.waitFor();
    await expectOnlyOurs(page);
    const worker = await ext.serviceWorker();
    await worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await eventually(() => procoreControl(page).block.isVisible()).toBe(true);
    expect(await page.locator('[data-erp-resend-hidden]').count()).toBe(0);
    expect(await procoreControl(page).block.evaluate((block) => block.getAttributeNames())).toEqual(['class']);
    await procoreControl(page).button.click();
    await eventually(() => procoreControl(page).status.innerText()).toBe('Pending acceptance');
    expect((await sandbox.created()).map((request) => request.item_id)).toEqual([VENDORS.acme.id]);
  });

  test('a Procore control in a language the extension cannot read is left alone, said once, ours beside Save', async ({
    ext,
  }) => {
    const page = await ext.context.newPage();
    const said: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes("left Procore's own ERP button")) said.push(message.text());
    });
    await page.goto(`${sandboxUrl()}${companyVendorPath(SUMMIT, VENDORS.acme.id)}?erplabels=de`);
    await eventually(() => erpControl(page).send.isEnabled()).toBe(true);
    await eventually(() => procoreControl(page).block.isVisible()).toBe(true);
    expect(await procoreControl(page).button.innerText()).toContain('An ERP senden');
    await eventually(() => said).toHaveLength(1);
    expect(said[0]).toContain('"an erp senden"');
    const nextToSave = await page.evaluate(
      (tag) => document.querySelector(tag)?.nextElementSibling?.textContent?.trim(),
      CONTROL_TAG,
    );
    expect(nextToSave).toBe('Save');
  });
});
