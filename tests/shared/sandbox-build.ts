/**
 * What both browser suites' global setups do: the sandbox in-process on a free port, and the sandbox build of the
 * extension for that origin, with the status poll and the sandbox's export delay short enough for tests. Every API
 * answer is checked against the contract document; the sandbox fixture fails a test whose answers broke it.
 */
import { startSandbox } from '../../sandbox/server';
import { buildExtension } from '../../scripts/build-extension';
import { loadContract } from '../../scripts/contract/document';

/** Accepted requests turn `synced` this long after acceptance: long enough to see "Accepted, exporting". */
const SYNC_DELAY_MS = 800;
/** The extension polls this often in tests, so status changes arrive in seconds, not minutes. */
const POLL_SECONDS = 2;

export interface SandboxBuild {
  sandboxUrl: string;
  extensionDir: string;
  close(): Promise<void>;
}

export async function sandboxAndBuild(browser: 'chrome' | 'firefox', outDir: string): Promise<SandboxBuild> {
  const contract = await loadContract();
  const sandbox = await startSandbox({ port: 0, syncDelayMs: SYNC_DELAY_MS, checkAnswer: contract.check });
  try {
    const extensionDir = await buildExtension({
      mode: 'sandbox',
      browser,
      sandboxUrl: sandbox.url,
      pollSeconds: POLL_SECONDS,
      outDir,
    });
    return { sandboxUrl: sandbox.url, extensionDir, close: () => sandbox.close() };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}
