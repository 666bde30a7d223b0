/**
 * One click sends one request, whatever happens. The sandbox counts the requests POST really
 * created (`/__sandbox/created`; Idempotency-Key replays are not counted).
 */
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { SandboxControl } from '../../scripts/sandbox-control';
import { companyVendorPath, erpControl, SUMMIT, VENDORS } from '../../scripts/sandbox-pages';
import { eventually, test } from './browser';

const acmePath = companyVendorPath(SUMMIT, VENDORS.acme.id);
const CREATE = `/rest/v1.0/companies/${SUMMIT}/erp/requests`;

const createCalls = async (sandbox: SandboxControl) =>
  (await sandbox.extensionCalls()).filter((entry) => entry.method === 'POST' && entry.path === CREATE);

async function expectWaiting(page: Page): Promise<void> {
  await eventually(() => erpControl(page).status.innerText()).toContain('Waiting for approval');
}

async function expectExactlyOneCreated(sandbox: SandboxControl): Promise<void> {
  expect((await sandbox.created()).map((request) => request.item_id)).toEqual([VENDORS.acme.id]);
  // Every attempt of the one send carried the same key.
  const keys = new Set((await createCalls(sandbox)).map((entry) => entry.idempotencyKey));
  expect(keys.size).toBe(1);
  expect([...keys][0]).toBeTruthy();
}

describe('exactly once', () => {
  test('a double click creates one request', async ({ open, sandbox }) => {
    const page = await open(acmePath);
    await erpControl(page).send.dblclick();
    await expectWaiting(page);
    await expectExactlyOneCreated(sandbox);
  });

  test('ten rapid clicks create one request', async ({ open, sandbox }) => {
    const page = await open(acmePath);
    const send = erpControl(page).send;
    await eventually(() => send.isEnabled()).toBe(true);
    // The server takes its time, so every click lands while the send is in flight.
    await sandbox.fault({ method: 'POST', match: '/erp/requests', count: 1, delayMs: 1_500 });
    const box = await send.boundingBox();
    if (!box) throw new Error('Send to ERP has no box');
    // Trusted clicks at the button's place, whatever it shows after the first one (progress).
    for (let i = 0; i < 10; i += 1) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expectWaiting(page);
    await expectExactlyOneCreated(sandbox);
  });

  test('two tabs on the same company clicking at once create one request, and both show it', async ({
    open,
    sandbox,
  }) => {
    const [first, second] = await Promise.all([open(acmePath), open(acmePath)]);
    await eventually(() => erpControl(first).send.isEnabled()).toBe(true);
    await eventually(() => erpControl(second).send.isEnabled()).toBe(true);
    // The server takes its time, so both clicks land while the first send is still in flight.
    await sandbox.fault({ method: 'POST', match: '/erp/requests', count: 2, delayMs: 1_500 });
    await Promise.all([erpControl(first).send.click(), erpControl(second).send.click()]);
    await expectWaiting(first);
    await expectWaiting(second);
    expect((await sandbox.created()).map((request) => request.item_id)).toEqual([VENDORS.acme.id]);
  });

  test('a click that is not trusted (a script on the page) sends nothing', async ({ open, sandbox }) => {
    const page = await open(acmePath);
    const send = erpControl(page).send;
    await eventually(() => send.isEnabled()).toBe(true);
    await send.evaluate((button) => (button as HTMLButtonElement).click());
    await send.dispatchEvent('click');
    // A trusted click afterwards proves the control was listening all along.
    await send.click();
    await expectWaiting(page);
    await expectExactlyOneCreated(sandbox);
  });

  test('the service worker stopped in the middle of a send: still exactly one', async ({ ext, open, sandbox }) => {
    const page = await open(acmePath);
    await eventually(() => erpControl(page).send.isEnabled()).toBe(true);
    await sandbox.fault({ method: 'POST', match: '/erp/requests', count: 1, delayMs: 3_000 });

    await erpControl(page).send.click();
    // The POST reached the server (which holds it for 3 s): now the worker goes away, as Chrome stops idle workers.
    await eventually(async () => (await createCalls(sandbox)).length).toBe(1);
    await ext.stopServiceWorker();
    await ext.serviceWorker();

    // Whatever the page showed meanwhile, the state is recovered; if the page still offers Send, the click reuses the key.
    await page.reload();
    const control = erpControl(page);
    await eventually(
      async () =>
        (await control.status.innerText()).includes('Waiting for approval') || (await control.send.count()) > 0,
    ).toBe(true);
    if ((await control.send.count()) > 0) await control.send.click();
    await expectWaiting(page);
    // The held POST must be answered before the next test re-seeds the sandbox, or it would land in the new seed.
    await eventually(async () => (await createCalls(sandbox)).every((entry) => entry.status !== 0)).toBe(true);
    await expectExactlyOneCreated(sandbox);
  });

  test('the connection dropped after the server created the request: the retry gets the same request', async ({
    open,
    sandbox,
  }) => {
    const page = await open(acmePath);
    await eventually(() => erpControl(page).send.isEnabled()).toBe(true);
    await sandbox.fault({ method: 'POST', match: '/erp/requests', count: 1, drop: 'after' });
    await erpControl(page).send.click();
    await expectWaiting(page);
    await expectExactlyOneCreated(sandbox);
    expect((await createCalls(sandbox)).length).toBeGreaterThanOrEqual(2);
  });
});
