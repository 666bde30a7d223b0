/**
 * `npm run conformance -- --url URL --token TOKEN [--company ID] [--vendor ID] [--failing-vendor ID] [--write]`:
 * checks a gateway's server against the contract (`checks.ts`). Read-only unless `--write`, which needs an explicit
 * `--company` and `--vendor`: on a real gateway a send reaches a real approver's queue.
 */
import { parseArgs } from 'node:util';
import { runChecks, type Target } from './checks';
import { report } from './report';

const USAGE =
  'usage: npm run conformance -- --url URL --token TOKEN [--company ID] [--vendor ID] [--failing-vendor ID] [--write]';

function stop(message: string): never {
  console.error(`conformance: ${message}\n${USAGE}`);
  process.exit(2);
}

const id = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : stop(`--${name} must be a positive whole number`);
};

/** The first company the token sees, when none is named (`GET /rest/v1.0/companies`). */
async function firstCompany(url: string, token: string): Promise<number> {
  const response = await fetch(`${url.replace(/\/$/, '')}/rest/v1.0/companies`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const companies = (await response.json().catch(() => null)) as { id?: unknown }[] | null;
  const first = Array.isArray(companies) ? companies[0]?.id : undefined;
  return typeof first === 'number' ? first : stop('no --company, and GET /rest/v1.0/companies named none');
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        url: { type: 'string' },
        token: { type: 'string' },
        company: { type: 'string' },
        vendor: { type: 'string' },
        'failing-vendor': { type: 'string' },
        write: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return stop(String((error as Error).message));
  }
})();
if (!values.url || !values.token) stop('--url and --token are required');
if (values.write && (values.company === undefined || values.vendor === undefined))
  stop('--write needs --company and --vendor: it sends that vendor to the ERP queue and retrieves it');
const target: Target = {
  url: values.url,
  token: values.token,
  companyId: id('company', values.company) ?? (await firstCompany(values.url, values.token)),
  vendorId: id('vendor', values.vendor),
  failingVendorId: id('failing-vendor', values['failing-vendor']),
  write: values.write,
};
process.exit(report(await runChecks(target)));
