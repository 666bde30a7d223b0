/**
 * Once per e2e run: start the sandbox in-process on a free port, build the sandbox extension for that origin, and
 * hand both to the test files through vitest's `provide`/`inject`.
 */
import type { TestProject } from 'vitest/node';
import { startSandbox } from '../../sandbox/server';
import { buildExtension } from '../../scripts/build-extension';
import { chromiumPath } from '../../scripts/find-chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    sandboxUrl: string;
    extensionDir: string;
  }
}

/** Accepted requests turn `synced` this long after acceptance: long enough to see "Accepted, exporting". */
const SYNC_DELAY_MS = 800;
/** The extension polls this often in tests, so status changes arrive in seconds, not minutes. */
const POLL_SECONDS = 2;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Before anything starts: without Chromium this says what to do.
  chromiumPath();
  const sandbox = await startSandbox({ port: 0, syncDelayMs: SYNC_DELAY_MS });
  try {
    const extensionDir = await buildExtension({
      mode: 'sandbox',
      sandboxUrl: sandbox.url,
      pollSeconds: POLL_SECONDS,
      outDir: '.output/e2e',
    });
    project.provide('sandboxUrl', sandbox.url);
    project.provide('extensionDir', extensionDir);
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  return () => sandbox.close();
}
