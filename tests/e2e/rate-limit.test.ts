/**
 * One gate for every call: after a 429 with Retry-After, nothing the extension does reaches the API until the wait is
 * over (not the send's retry, not another tab's page, not the popup's refresh, not a worker woken meanwhile), and
 * then the send goes first.
 */
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { SandboxControl } from '../../scripts/sandbox-control';
import { companyVendorPath, erpControl, SUMMIT, VENDORS } from '../../scripts/sandbox-pages';
import { eventually, test } from './browser';

const RETRY_AFTER_S = 5;

/** Opens Acme's page and clicks Send; the sandbox answers the send's first POST with a 429 and Retry-After: 5. */
async function sendMeetingA429(open: (path: string) => Promise<Page>, sandbox: SandboxControl): Promise<Page> {
  const page = await open(companyVendorPath(SUMMIT, VENDORS.acme.id));
  await eventually(() => erpControl(page).send.isEnabled()).toBe(true);
  await sandbox.fault({ method: 'POST', match: '/erp/requests', count: 1, status: 429, retryAfter: RETRY_AFTER_S });
  await erpControl(page).send.click();
  await eventually(async () => (await sandbox.extensionCalls()).some((call) => call.status === 429)).toBe(true);
  return page;
}

/** The extension's calls after the 429, each checked to have reached the sandbox once the wait was over. */
async function callsAfterTheWait(sandbox: SandboxControl) {
  const calls = await sandbox.extensionCalls();
  const limited = calls.findIndex((call) => call.status === 429);
  const closedAt = Date.parse(calls[limited]!.at);
  const after = calls.slice(limited + 1);
  // The sandbox logs to the millisecond; its Retry-After is whole seconds from the moment it answered.
  for (const call of after) expect(Date.parse(call.at) - closedAt).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 50);
  return after;
}

describe('the rate limit', () => {
  test('after a 429 with Retry-After: 5 no API call of any kind reaches the sandbox for 5 s', async ({
    ext,
    open,
    sandbox,
  }) => {
    const page = await sendMeetingA429(open, sandbox);
    // While the gate is closed: another vendor's page and the popup's Refresh both need the API.
    const other = await open(companyVendorPath(SUMMIT, VENDORS.dormant.id));
    const popup = await ext.openPopup();
    await popup.getByRole('button', { name: 'Refresh' }).click();

    await eventually(() => erpControl(page).status.innerText(), 20_000).toContain('Waiting for approval');
    await erpControl(other).status.waitFor();
    const after = await callsAfterTheWait(sandbox);
    expect(after.length).toBeGreaterThan(2);
    // Held calls go in order of what waits on them: the send first.
    expect([after[0]!.method, after[0]!.path]).toEqual(['POST', `/rest/v1.0/companies/${SUMMIT}/erp/requests`]);
    expect((await sandbox.created()).length).toBe(1);
  });

  test('a worker stopped during the wait: the worker woken after it waits it out too, and the send goes once', async ({
    ext,
    open,
    sandbox,
  }) => {
    const page = await sendMeetingA429(open, sandbox);
    await ext.stopServiceWorker();
    // Woken by a page that needs the API.
    const other = await open(companyVendorPath(SUMMIT, VENDORS.dormant.id));
    await erpControl(other).status.waitFor();

    await eventually(() => erpControl(page).status.innerText(), 20_000).toContain('Waiting for approval');
    expect((await callsAfterTheWait(sandbox)).length).toBeGreaterThan(0);
    expect((await sandbox.created()).length).toBe(1);
  });
});
