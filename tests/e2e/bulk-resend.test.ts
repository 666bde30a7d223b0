/**
 * "Re-send all that pass the rules" from the popup, over Timberline Partners' queue (`sandbox/seed.ts`): three
 * companies pass, Quartz Quarry (inactive) does not; exactly one request each, also when the popup closes mid-way.
 */
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { directoryPath, TIMBERLINE, VENDORS } from '../../scripts/sandbox-pages';
import type { ExtensionBrowser } from '../../scripts/extension-browser';
import { eventually, test } from './browser';
import { notificationIds } from './worker';

const { granite, quartz, redwood, willow } = VENDORS;
const ELIGIBLE = [granite.id, redwood.id, willow.id].sort();

/** The admin opens Timberline's Directory (the extension learns the company), then the popup on its queue. */
async function popupOnQueue(ext: ExtensionBrowser, open: (path: string) => Promise<Page>): Promise<Page> {
  const list = await open(directoryPath(TIMBERLINE));
  await list.getByRole('row').filter({ hasText: granite.name }).locator('erp-resend-status').waitFor();
  const popup = await ext.openPopup();
  await popup.getByRole('heading', { name: 'Needs your attention (4)' }).waitFor();
  return popup;
}

async function planned(popup: Page): Promise<Page> {
  await popup.getByRole('button', { name: 'Re-send all that pass the rules' }).click();
  await popup.getByRole('heading', { name: 'Re-send 3 of the 4 checked?' }).waitFor();
  return popup;
}

describe('bulk re-send', () => {
  test('asks first, listing what will be sent and what will not with why; Cancel sends nothing', async ({
    ext,
    open,
    sandbox,
  }) => {
    const popup = await planned(await popupOnQueue(ext, open));
    const question = popup.getByRole('region', { name: 'Re-send 3 of the 4 checked?' });
    const text = await question.innerText();
    for (const vendor of [granite, redwood, willow]) expect(text).toContain(vendor.name);
    expect(text).toContain(`${quartz.name}: This company is inactive.`);
    // The question has the focus, for keyboard and screen-reader users.
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Re-send 3 of the 4 checked?');
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await popup.getByRole('button', { name: 'Re-send all that pass the rules' }).waitFor();
    expect(await sandbox.created()).toEqual([]);
  });

  test('sends each eligible company exactly once, shows progress, and ends with a summary', async ({
    ext,
    open,
    sandbox,
  }) => {
    const popup = await planned(await popupOnQueue(ext, open));
    // Each send held a moment, so the progress can be read.
    await sandbox.fault({ match: '/erp/requests', method: 'POST', count: 3, delayMs: 600 });
    await popup.getByRole('button', { name: 'Re-send 3' }).click();
    await popup
      .getByRole('status')
      .filter({ hasText: /^Re-sending: \d of 3$/ })
      .waitFor();
    await popup.getByRole('heading', { name: 'Re-send finished: 3 of 3 re-sent, 0 failed, 1 skipped.' }).waitFor();
    expect((await sandbox.created()).map((request) => request.item_id).sort()).toEqual(ELIGIBLE);
    await popup.getByRole('heading', { name: 'Needs your attention (1)' }).waitFor();
    await popup.getByRole('button', { name: 'Close' }).click();
    await eventually(() => popup.getByRole('heading', { name: /^Re-send finished/ }).count()).toBe(0);
  });

  test('the popup closed mid-way: the background finishes, notifies, and the summary waits in the popup', async ({
    ext,
    open,
    sandbox,
  }) => {
    const popup = await planned(await popupOnQueue(ext, open));
    await sandbox.fault({ match: '/erp/requests', method: 'POST', count: 3, delayMs: 800 });
    await popup.getByRole('button', { name: 'Re-send 3' }).click();
    await popup
      .getByRole('status')
      .filter({ hasText: /^Re-sending/ })
      .waitFor();
    await popup.close();
    await eventually(async () => (await sandbox.created()).length, 15_000).toBe(3);
    expect((await sandbox.created()).map((request) => request.item_id).sort()).toEqual(ELIGIBLE);
    await eventually(async () => (await notificationIds(ext)).some((id) => id.startsWith('erp-bulk:'))).toBe(true);

    const again = await ext.openPopup();
    await again.getByRole('heading', { name: 'Re-send finished: 3 of 3 re-sent, 0 failed, 1 skipped.' }).waitFor();
    expect(await again.getByRole('region', { name: /^Re-send finished/ }).innerText()).toContain(
      `${quartz.name}: This company is inactive.`,
    );
  });
});
