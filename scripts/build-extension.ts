/**
 * Builds the sandbox extension (`wxt build --mode sandbox`) for a given sandbox origin into its own folder, so that
 * tests, the demo and the bench never load a half-written build of someone else's `npm run build`.
 * Runs WXT in a child process: WXT starts its own Vite, which must not share a process with vitest's.
 * Usage as a command: `tsx scripts/build-sandbox-extension.ts OUT_DIR` with SANDBOX_URL (and POLL_SECONDS) set.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface SandboxBuildOptions {
  sandboxUrl: string;
  /** Shortens the status poll (seconds); 0 keeps the extension's own period. */
  pollSeconds?: number;
  /** Relative to the repository; the unpacked extension ends up in `OUT_DIR/chrome-mv3`. */
  outDir?: string;
}

/** Builds and resolves with the unpacked extension's folder. */
export async function buildSandboxExtension({ sandboxUrl, pollSeconds = 0, outDir = '.output' }: SandboxBuildOptions): Promise<string> {
  const out = resolve(ROOT, outDir);
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [fileURLToPath(import.meta.url), out], {
    cwd: ROOT,
    env: { ...process.env, SANDBOX_URL: sandboxUrl, POLL_SECONDS: String(pollSeconds) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done, failed) => {
    child.on('error', failed);
    child.on('close', done);
  });
  if (code !== 0) throw new Error(`Sandbox extension build failed (exit ${code}):\n${output}`);
  return join(out, 'chrome-mv3');
}

async function main(outDir: string): Promise<void> {
  const { build } = await import('wxt');
  await build({ mode: 'sandbox', outDir });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outDir = process.argv[2];
  if (!outDir) throw new Error('usage: tsx scripts/build-sandbox-extension.ts OUT_DIR');
  await main(outDir);
}
