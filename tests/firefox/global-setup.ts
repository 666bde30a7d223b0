/**
 * Once per Firefox run: the sandbox in-process on a free port and the Firefox sandbox build for that origin (MV2,
 * port-less match patterns), handed to the test files through vitest's `provide`/`inject`.
 */
import type { TestProject } from 'vitest/node';
import { firefoxPath } from '../../scripts/find-firefox';
import { sandboxAndBuild } from '../shared/sandbox-build';

declare module 'vitest' {
  export interface ProvidedContext {
    firefoxSandboxUrl: string;
    firefoxExtensionDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Before anything starts: without Firefox this says what to do.
  firefoxPath();
  const { sandboxUrl, extensionDir, close } = await sandboxAndBuild('firefox', '.output/e2e-firefox');
  project.provide('firefoxSandboxUrl', sandboxUrl);
  project.provide('firefoxExtensionDir', extensionDir);
  return close;
}
