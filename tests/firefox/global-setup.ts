/**
 * Once per Firefox run: the sandbox in-process on a free port and the Firefox sandbox build for that origin (MV2,
 * port-less match patterns), handed to the test files through vitest's `provide`/`inject`.
 */
import type { TestProject } from 'vitest/node';
import { startSandbox } from '../../sandbox/server';
import { buildExtension } from '../../scripts/build-extension';
import { firefoxPath } from '../../scripts/find-firefox';

declare module 'vitest' {
  export interface ProvidedContext {
    firefoxSandboxUrl: string;
    firefoxExtensionDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Before anything starts: without Firefox this says what to do.
  firefoxPath();
  const sandbox = await startSandbox({ port: 0, syncDelayMs: 800 });
  try {
    const dir = await buildExtension({
      mode: 'sandbox',
      browser: 'firefox',
      sandboxUrl: sandbox.url,
      pollSeconds: 2,
      outDir: '.output/e2e-firefox',
    });
    project.provide('firefoxSandboxUrl', sandbox.url);
    project.provide('firefoxExtensionDir', dir);
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  return () => sandbox.close();
}
