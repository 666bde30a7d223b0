/** `npm run sandbox`: the sandbox on PORT (default 4100), bound to 127.0.0.1 unless HOST says otherwise. */
import { startSandbox } from './server';

const port = Number(process.env.PORT ?? 4100);
const host = process.env.HOST ?? '127.0.0.1';
const syncDelayMs = process.env.SYNC_DELAY_MS === undefined ? undefined : Number(process.env.SYNC_DELAY_MS);

const sandbox = await startSandbox({ port, host, syncDelayMs });
console.log(`Procore sandbox at ${sandbox.url}`);
console.log(`  vendor edit page: ${sandbox.url}/8001/company/directory/vendors/101/edit`);
console.log(`  approver page:    ${sandbox.url}/8001/company/erp_integrations`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping the sandbox`);
  await sandbox.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
