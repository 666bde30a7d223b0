/**
 * Once per e2e run: start the sandbox in-process on a free port, build the sandbox extension for that origin, and
 * hand both to the test files through vitest's `provide`/`inject`.
 */
import type { TestProject } from 'vitest/node';
import { chromiumPath } from '../../scripts/find-chromium';
import { sandboxAndBuild } from '../shared/sandbox-build';

declare module 'vitest' {
  export interface ProvidedContext {
    sandboxUrl: string;
    extensionDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Before anything starts: without Chromium this says what to do.
  chromiumPath();
  const { sandboxUrl, extensionDir, close } = await sandboxAndBuild('chrome', '.output/e2e');
  project.provide('sandboxUrl', sandboxUrl);
  project.provide('extensionDir', extensionDir);
  return close;
}
