/**
 * Builds the extension into a folder of its own, so that tests, the demo and the bench never load a half-written
 * build of someone else's `npm run build`. `sandbox` mode treats a sandbox origin as Procore (`wxt build --mode sandbox`).
 * Runs WXT in a child process: WXT starts its own Vite, which must not share a process with vitest's.
 * As a command: `tsx scripts/build-extension.ts MODE OUT_DIR` (SANDBOX_URL and POLL_SECONDS from the environment).
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export type BuildOptions = { outDir: string; browser?: 'chrome' | 'firefox' } & (
  | { mode: 'production' }
  | {
      mode: 'sandbox';
      sandboxUrl: string;
      /** Shortens the status poll (seconds); 0 keeps the extension's own period. */
      pollSeconds?: number;
    }
);

/** Builds the extension (Chrome MV3, or Firefox MV2) and resolves with its unpacked folder (`OUT_DIR/chrome-mv3`). */
export async function buildExtension(options: BuildOptions): Promise<string> {
  const out = resolve(ROOT, options.outDir);
  const env =
    options.mode === 'sandbox'
      ? { ...process.env, SANDBOX_URL: options.sandboxUrl, POLL_SECONDS: String(options.pollSeconds ?? 0) }
      : process.env;
  const browser = options.browser ?? 'chrome';
  const child = spawn(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    [fileURLToPath(import.meta.url), options.mode, out, browser],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done, failed) => {
    child.on('error', failed);
    child.on('close', done);
  });
  if (code !== 0) throw new Error(`Extension build (${options.mode}) failed with exit code ${code}:\n${output}`);
  return join(out, browser === 'firefox' ? 'firefox-mv2' : 'chrome-mv3');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [mode, outDir, browser = 'chrome'] = process.argv.slice(2);
  if ((mode !== 'sandbox' && mode !== 'production') || !outDir)
    throw new Error('usage: tsx scripts/build-extension.ts sandbox|production OUT_DIR');
  const { build } = await import('wxt');
  await build({ mode, outDir, browser });
}
