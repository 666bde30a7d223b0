/**
 * The e2e fixtures: every test gets a freshly seeded sandbox and a fresh Chromium profile with the sandbox extension
 * loaded, so no test sees another's requests or stored state. `eventually` waits on a condition, never a fixed time.
 */
import { expect, inject, test as base } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtensionBrowser, type ExtensionBrowser, type LaunchOptions } from '../../scripts/extension-browser';
import type { SandboxControl } from '../../scripts/sandbox-control';
import { sandboxFixture } from '../shared/sandbox-fixture';

/**
 * Long enough for a 2 s poll plus the sandbox's sync delay on a busy two-core machine; short enough that a missing
 * feature fails in seconds, not minutes.
 */
export const WAIT_MS = 20_000;

export interface E2eFixtures {
  sandbox: SandboxControl;
  ext: ExtensionBrowser;
  /** Opens a sandbox path (e.g. `/8001/company/directory/vendors/101/edit`) in a new tab. */
  open: (path: string) => Promise<Page>;
}

export const sandboxUrl = (): string => inject('sandboxUrl');

export async function launch(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const ext = await launchExtensionBrowser(inject('extensionDir'), options);
  ext.context.setDefaultTimeout(WAIT_MS);
  return ext;
}

/** Opens a sandbox path in a new tab of the given browser. */
export async function openIn(ext: ExtensionBrowser, path: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`${sandboxUrl()}${path}`);
  return page;
}

export const test = base.extend<E2eFixtures>({
  sandbox: sandboxFixture(sandboxUrl),
  ext: async ({ sandbox }, use) => {
    // Depends on `sandbox` so the seed is fresh before the extension's first call.
    void sandbox;
    const ext = await launch();
    await use(ext);
    await ext.close();
  },
  open: async ({ ext }, use) => {
    await use((path) => openIn(ext, path));
  },
});

/** `expect.poll` with the e2e timeout: retries `read` until the matcher passes. */
export const eventually = <T>(read: () => T | Promise<T>, timeout = WAIT_MS) =>
  expect.poll(read, { timeout, interval: 100 });
