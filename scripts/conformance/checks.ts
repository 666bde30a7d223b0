/**
 * What a gateway in front of an ERP integration must do for the extension to work, as checks a gateway author runs
 * against their server (`npm run conformance`): every answer checked against the contract document
 * (`docs/contract/openapi.yaml`: its status, required headers and body) and read by the extension's own schemas
 * (`lib/contract/api-bodies.ts`), and the behaviour the extension counts on. Read-only unless `write` is set, which
 * sends, re-sends with the same key and retrieves on one test vendor.
 */
import { z } from 'zod/mini';
import {
  erpRequestSchema,
  erpSettingsSchema,
  errorBodySchema,
  meSchema,
  permissionManifestSchema,
  vendorSchema,
} from '../../lib/contract/api-bodies';
import { linkNext } from '../../entrypoints/background/api/paging';
import { loadContract, type Contract } from '../contract/document';

export interface Target {
  url: string;
  token: string;
  companyId: number;
  vendorId?: number;
  /** A vendor that breaks the integration's export rules: a send must answer 422 with `errors`. */
  failingVendorId?: number;
  write: boolean;
}

export interface CheckResult {
  name: string;
  ok: boolean;
  /** Why it failed, or what it saw. */
  detail: string;
}

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

type Call = (
  path: string,
  init?: { method?: string; headers?: Record<string, string>; body?: unknown; token?: string },
) => Promise<Answer>;

/** Calls the target; what the contract document finds wrong with each answer goes into `problems`. */
function caller(target: Target, contract: Contract, problems: string[]): Call {
  return async (path, init = {}) => {
    const url = /^https?:/.test(path) ? path : `${target.url.replace(/\/$/, '')}/rest/v1.0${path}`;
    const method = init.method ?? 'GET';
    const response = await fetch(url, {
      method,
      headers: {
        Authorization: `Bearer ${init.token ?? target.token}`,
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    const { status, headers } = response;
    problems.push(...contract.check({ method, path: new URL(url).pathname, status, headers, body: text }));
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // Left as text: the check that parses it says it is not JSON.
    }
    return { status: response.status, headers: response.headers, body };
  };
}

class CheckFailed extends Error {}
const expect = (condition: boolean, why: string): void => {
  if (!condition) throw new CheckFailed(why);
};
function parsed<T>(answer: Answer, schema: z.ZodMiniType<T>, what: string): T {
  expect(answer.status === 200, `${what}: HTTP ${answer.status}, expected 200`);
  const result = schema.safeParse(answer.body);
  expect(result.success, `${what}: the body does not have the contract's shape`);
  return (result as { data: T }).data;
}

interface Check {
  name: string;
  /** Only with `write`, or only with a vendor given. */
  needs?: 'write' | 'vendor' | 'failingVendor';
  run: (call: Call, target: Target) => Promise<string>;
}

const requestsPath = (target: Target) => `/companies/${target.companyId}/erp/requests`;
const companyHeader = (target: Target) => ({ 'Procore-Company-Id': String(target.companyId) });

const READ_CHECKS: Check[] = [
  {
    name: 'GET /me answers the signed-in user',
    run: async (call) => `user ${parsed(await call('/me'), meSchema, '/me').id}`,
  },
  {
    name: 'a bad token is refused with 401',
    run: async (call) => {
      const answer = await call('/me', { token: 'conformance-not-a-token' });
      expect(answer.status === 401, `HTTP ${answer.status}, expected 401`);
      return '401';
    },
  },
  {
    name: "the company's ERP settings",
    run: async (call, target) => {
      const path = `/companies/${target.companyId}/erp/settings`;
      const settings = parsed(await call(path, { headers: companyHeader(target) }), erpSettingsSchema, path);
      return `${settings.erp_system}, ERP data ${settings.erp_data_synced ? '' : 'not '}synced`;
    },
  },
  {
    name: "Procore's permission manifest for the company",
    run: async (call, target) => {
      const path = `/settings/permissions?company_id=${target.companyId}`;
      const manifest = parsed(await call(path, { headers: companyHeader(target) }), permissionManifestSchema, path);
      return `${manifest.tools.length} tools`;
    },
  },
  {
    name: 'the vendor, with company_id in the query or only in Procore-Company-Id',
    needs: 'vendor',
    run: async (call, target) => {
      const byQuery = `/vendors/${target.vendorId}?company_id=${target.companyId}&view=erp`;
      const vendor = parsed(await call(byQuery, { headers: companyHeader(target) }), vendorSchema, byQuery);
      const byHeader = `/vendors/${target.vendorId}?view=erp`;
      const same = parsed(await call(byHeader, { headers: companyHeader(target) }), vendorSchema, byHeader);
      expect(same.id === vendor.id, 'Procore-Company-Id alone did not find the same vendor');
      return vendor.name;
    },
  },
  {
    name: 'the request list: each item, Total, Per-Page and Link to the next page',
    run: async (call, target) => {
      const first = await call(`${requestsPath(target)}?per_page=1`, { headers: companyHeader(target) });
      const [item] = parsed(first, z.array(erpRequestSchema), 'the request list');
      const total = Number(first.headers.get('total'));
      expect(Number.isInteger(total), 'no Total header');
      expect(first.headers.get('per-page') === '1', `Per-Page is ${first.headers.get('per-page')}, expected 1`);
      if (total < 2) return `${total} request(s): one page`;
      const next = linkNext(first.headers.get('link') ?? '');
      expect(next !== null, `Total ${total} with per_page=1, but no Link rel="next"`);
      const [second] = parsed(
        await call(new URL(next!, target.url).href, { headers: companyHeader(target) }),
        z.array(erpRequestSchema),
        'page 2',
      );
      expect(second?.id !== item?.id, 'page 2 repeats page 1');
      return `${total} requests, page 2 by Link`;
    },
  },
  {
    name: 'the request list answers 304 to its own ETag',
    run: async (call, target) => {
      const first = await call(requestsPath(target), { headers: companyHeader(target) });
      const etag = first.headers.get('etag');
      expect(first.status === 200 && etag !== null, 'no ETag on the list');
      const again = await call(requestsPath(target), { headers: { ...companyHeader(target), 'If-None-Match': etag! } });
      expect(again.status === 304, `HTTP ${again.status} to If-None-Match, expected 304`);
      return '304';
    },
  },
];

const send = (call: Call, target: Target, vendorId: number, key: string) =>
  call(requestsPath(target), {
    method: 'POST',
    headers: { ...companyHeader(target), 'Idempotency-Key': key },
    body: { item_type: 'vendor', item_id: vendorId },
  });

/** The write checks share one send: its request, once made. */
function writeChecks(key: string): Check[] {
  let sent: { id: number } | null = null;
  return [
    {
      name: 'a send, and the same Idempotency-Key again: the same request, never a second',
      needs: 'write',
      run: async (call, target) => {
        const first = await send(call, target, target.vendorId!, key);
        expect(first.status === 201 || first.status === 200, `HTTP ${first.status}, expected 201`);
        const request = erpRequestSchema.safeParse(first.body);
        expect(request.success, 'the created request does not have the contract shape');
        sent = (request as { data: { id: number } }).data;
        const again = await send(call, target, target.vendorId!, key);
        const replay = erpRequestSchema.safeParse(again.body);
        expect(again.status < 300 && replay.success && replay.data.id === sent.id, 'the same key gave another answer');
        const list = await call(
          `${requestsPath(target)}?filters[item_id]=${target.vendorId}&filters[status][]=pending_acceptance`,
          { headers: companyHeader(target) },
        );
        const waiting = parsed(list, z.array(erpRequestSchema), 'the vendor’s waiting requests');
        expect(waiting.length === 1, `${waiting.length} waiting requests for the vendor, expected 1`);
        return `request ${sent.id}`;
      },
    },
    {
      name: 'a second send while one waits, with a new key: 409',
      needs: 'write',
      run: async (call, target) => {
        const answer = await send(call, target, target.vendorId!, `${key}-second`);
        expect(answer.status === 409, `HTTP ${answer.status}, expected 409`);
        return '409';
      },
    },
    {
      name: 'retrieve takes it back, then answers 409',
      needs: 'write',
      run: async (call, target) => {
        expect(sent !== null, 'no request was sent to retrieve');
        const path = `${requestsPath(target)}/${sent!.id}/retrieve`;
        const taken = await call(path, { method: 'POST', headers: companyHeader(target) });
        expect(parsed(taken, erpRequestSchema, 'retrieve').status === 'retrieved', 'the request is not retrieved');
        const again = await call(path, { method: 'POST', headers: companyHeader(target) });
        expect(again.status === 409, `a second retrieve answered HTTP ${again.status}, expected 409`);
        return 'retrieved, then 409';
      },
    },
    {
      name: 'a vendor that breaks the export rules: 422 with errors',
      needs: 'failingVendor',
      run: async (call, target) => {
        const answer = await send(call, target, target.failingVendorId!, `${key}-failing`);
        expect(answer.status === 422, `HTTP ${answer.status}, expected 422`);
        const body = errorBodySchema.safeParse(answer.body);
        expect(body.success && 'errors' in body.data, 'the 422 has no errors object');
        return Object.keys((body.data as { errors: object }).errors).join(', ');
      },
    },
  ];
}

/**
 * Runs every check that applies, in order; one that cannot be reached, throws, or got an answer the contract document
 * does not allow fails with why.
 */
export async function runChecks(target: Target, key = `conformance-${Date.now()}`): Promise<CheckResult[]> {
  const problems: string[] = [];
  const call = caller(target, await loadContract(), problems);
  const applies = (check: Check) =>
    check.needs === undefined ||
    (check.needs === 'vendor' && target.vendorId !== undefined) ||
    (check.needs === 'write' && target.write && target.vendorId !== undefined) ||
    (check.needs === 'failingVendor' && target.write && target.failingVendorId !== undefined);
  const results: CheckResult[] = [];
  for (const check of [...READ_CHECKS, ...writeChecks(key)].filter(applies)) {
    problems.length = 0;
    try {
      const detail = await check.run(call, target);
      expect(problems.length === 0, `not as the contract document says: ${problems.slice(0, 3).join('; ')}`);
      results.push({ name: check.name, ok: true, detail });
    } catch (error) {
      const detail = error instanceof CheckFailed ? error.message : `no answer: ${String(error)}`;
      results.push({ name: check.name, ok: false, detail });
    }
  }
  return results;
}
