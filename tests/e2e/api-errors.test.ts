/**
 * The API client copes — transient failures are retried (honouring Retry-After), and what cannot be
 * retried becomes a sentence the admin can act on, with a way to try again. Faults come from the sandbox's switches.
 */
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Fault, SandboxControl } from '../../scripts/sandbox-control';
import { companyVendorPath, erpControl, SUMMIT, VENDORS } from '../../scripts/sandbox-pages';
import { eventually, test } from './browser';

const acmePath = companyVendorPath(SUMMIT, VENDORS.acme.id);
const CREATE = `/rest/v1.0/companies/${SUMMIT}/erp/requests`;
/** Called by the extension only (the sandbox's own pages never ask for permissions), so page loads leave it alone. */
const PERMISSION = '/settings/permissions';

const alertText = (page: Page) =>
  page
    .getByRole('alert')
    .allInnerTexts()
    .then((texts) => texts.join(' '));

const createCalls = async (sandbox: SandboxControl) =>
  (await sandbox.extensionCalls()).filter((entry) => entry.method === 'POST' && entry.path === CREATE);

/** Opens Acme's page, waits until it can be sent, then arms `fault` for the send and clicks. */
async function sendWithFault(
  open: (path: string) => Promise<Page>,
  sandbox: SandboxControl,
  fault: Omit<Fault, 'match' | 'method'>,
): Promise<Page> {
  const page = await open(acmePath);
  await eventually(() => erpControl(page).send.isEnabled()).toBe(true);
  await sandbox.fault({ method: 'POST', match: '/erp/requests', ...fault });
  await erpControl(page).send.click();
  return page;
}

describe('when sending fails', () => {
  test('401: says to check the API token, and does not retry', async ({ open, sandbox }) => {
    const page = await sendWithFault(open, sandbox, { count: 5, status: 401 });
    await eventually(() => alertText(page)).toContain('Check the API token');
    expect((await createCalls(sandbox)).length).toBe(1);
    expect(await sandbox.created()).toEqual([]);
  });

  test('403: says the admin lacks permission', async ({ open, sandbox }) => {
    const page = await sendWithFault(open, sandbox, { count: 5, status: 403 });
    await eventually(() => alertText(page)).toContain("You don't have permission");
    expect(await sandbox.created()).toEqual([]);
  });

  test('a 503 once is retried promptly (backoff, not the rate-limit window): one request, no error', async ({
    open,
    sandbox,
  }) => {
    const page = await sendWithFault(open, sandbox, { count: 1, status: 503 });
    await eventually(() => erpControl(page).status.innerText(), 40_000).toContain('Waiting for approval');
    expect((await sandbox.created()).length).toBe(1);
    const [failed, sent] = await createCalls(sandbox);
    expect([failed?.status, sent?.status]).toEqual([503, 201]);
    // No Retry-After and budget left: the hourly X-Rate-Limit-Reset is no reason to wait.
    expect(Date.parse(sent!.at) - Date.parse(failed!.at)).toBeLessThan(5_000);
  });

  test('5xx that persists: says the service is having trouble; Try again sends once it is back', async ({
    open,
    sandbox,
  }) => {
    const page = await sendWithFault(open, sandbox, { count: 50, status: 500 });
    await eventually(() => alertText(page), 30_000).toContain('having trouble');
    await sandbox.clearFaults();
    await page.getByRole('button', { name: 'Try again' }).click();
    await eventually(() => erpControl(page).status.innerText()).toContain('Waiting for approval');
    expect((await sandbox.created()).length).toBe(1);
  });

  test('429 with Retry-After: waits as told, then sends once', async ({ open, sandbox }) => {
    const page = await sendWithFault(open, sandbox, { count: 1, status: 429, retryAfter: 2 });
    await eventually(() => erpControl(page).status.innerText()).toContain('Waiting for approval');
    const [limited, sent] = await createCalls(sandbox);
    expect([limited?.status, sent?.status]).toEqual([429, 201]);
    expect(Date.parse(sent!.at) - Date.parse(limited!.at)).toBeGreaterThanOrEqual(1_900);
    expect((await sandbox.created()).length).toBe(1);
  });

  test('429 that persists: says the rate limit was reached', async ({ open, sandbox }) => {
    const page = await sendWithFault(open, sandbox, { count: 50, status: 429, retryAfter: 1 });
    await eventually(() => alertText(page), 30_000).toContain('rate limit');
    expect(await sandbox.created()).toEqual([]);
  });

  test('the network is down: says to check the connection', async ({ open, sandbox }) => {
    const page = await sendWithFault(open, sandbox, { count: 50, drop: true });
    await eventually(() => alertText(page), 30_000).toContain('Check your connection');
    expect(await sandbox.created()).toEqual([]);
  });
});

describe('when reading the vendor fails', () => {
  test('a malformed answer is a clear error, never a wrong status', async ({ open, sandbox }) => {
    await sandbox.fault({ method: 'GET', match: PERMISSION, count: 50, malformed: true });
    const page = await open(acmePath);
    await eventually(() => alertText(page), 30_000).toContain("doesn't understand");
    expect(
      await erpControl(page)
        .send.isEnabled()
        .catch(() => false),
    ).toBe(false);
  });

  test('401 while loading says to check the API token; Try again recovers once fixed', async ({ open, sandbox }) => {
    await sandbox.fault({ method: 'GET', match: PERMISSION, count: 50, status: 401 });
    const page = await open(acmePath);
    await eventually(() => alertText(page)).toContain('Check the API token');
    await sandbox.clearFaults();
    await page.getByRole('button', { name: 'Try again' }).click();
    await eventually(() => erpControl(page).send.isEnabled()).toBe(true);
  });

  test('a token the API refuses: the note links to the options page, which opens', async ({ ext, open, sandbox }) => {
    await sandbox.fault({ method: 'GET', match: PERMISSION, count: 50, status: 401 });
    const page = await open(acmePath);
    await eventually(() => alertText(page)).toContain('Check the API token');
    const optionsTabs = () => ext.context.pages().filter((tab) => tab.url() === ext.extensionUrl('options.html'));
    // The one opened on install goes first: the browser would bring that one forward instead of opening another.
    await eventually(() => optionsTabs().length).toBe(1);
    await optionsTabs()[0]!.close();
    await page.getByRole('button', { name: 'Open options' }).click();
    await eventually(() => optionsTabs().length).toBe(1);
  });
});
