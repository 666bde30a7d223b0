/**
 * `npm run conformance:sandbox`: a fresh sandbox on a free port, checked in full, writes included, on its seeded
 * test company and vendors (Summit Builders; Acme Concrete to send, the 64-character name to be refused).
 */
import { startSandbox } from '../../sandbox/server';
import { SUMMIT, VENDORS } from '../sandbox-pages';
import { runChecks } from './checks';
import { report } from './report';

const sandbox = await startSandbox({ port: 0 });
let code: number;
try {
  code = report(
    await runChecks({
      url: sandbox.url,
      token: 'sandbox-token',
      companyId: SUMMIT,
      vendorId: VENDORS.acme.id,
      failingVendorId: VENDORS.longName.id,
      write: true,
    }),
  );
} finally {
  await sandbox.close();
}
process.exit(code);
