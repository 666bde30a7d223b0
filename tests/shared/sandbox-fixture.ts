/**
 * The sandbox fixture of both browser suites (Chromium and Firefox): freshly seeded for each test, left clean, and
 * every answer it gave checked against the contract document.
 */
import { expect } from 'vitest';
import { sandboxControl, type SandboxControl } from '../../scripts/sandbox-control';

export function sandboxFixture(url: () => string) {
  // eslint-disable-next-line no-empty-pattern -- vitest fixtures must destructure their first argument
  return async ({}, use: (sandbox: SandboxControl) => Promise<void>) => {
    const sandbox = sandboxControl(url());
    await sandbox.reset();
    await use(sandbox);
    // A call the sandbox still holds (a delay fault) must be answered before the next test re-seeds, or it would
    // land in the new seed. Calls whose connection a fault dropped are never answered.
    const unanswered = async () =>
      (await sandbox.log()).filter((entry) => entry.status === 0 && entry.fault?.drop !== true).length;
    await expect.poll(unanswered, { timeout: 20_000, interval: 100 }).toBe(0);
    // Every answer the sandbox's API gave in this test is one the contract document allows.
    expect((await sandbox.contract()).violations).toEqual([]);
  };
}
