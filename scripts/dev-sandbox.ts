/**
 * `npm run dev:sandbox`: WXT's development mode (rebuilds and reloads on every change) against the local sandbox, so
 * the extension can be worked on without a Procore account. Starts the sandbox on `PORT` (default 4100), then
 * `wxt --mode sandbox` for that origin; the browser WXT opens is configured in `wxt.config.ts` (`webExt`): the
 * Chromium `find-chromium.ts` finds, as root without its sandbox, headless where there is no display. Ctrl+C ends both.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startSandbox } from '../sandbox/server';
import { ROOT } from './build-extension';

const port = Number(process.env.PORT ?? 4100);
const sandbox = await startSandbox({ port });
console.log(`Sandbox: ${sandbox.url} (the approver's page: ${sandbox.url}/8001/company/erp_integrations)`);

const wxt = spawn(join(ROOT, 'node_modules', '.bin', 'wxt'), ['--mode', 'sandbox'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, SANDBOX_URL: sandbox.url },
});
const stop = () => wxt.kill('SIGINT');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
wxt.on('close', async (code) => {
  await sandbox.close();
  process.exit(code ?? 0);
});
