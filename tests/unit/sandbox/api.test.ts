import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectContractKept, startCheckedSandbox } from '../checked-sandbox';
import { erpSettingsSchema } from '../../../lib/contract/api-bodies';
import { exportSettings, VALIDATORS } from '../../../lib/erp/export-settings';
import { matchRoute } from '../../../sandbox/client/routes';
import { startSandbox, type Sandbox } from '../../../sandbox/server';

const SYNC_DELAY_MS = 40;
const SEEDED_COMPANIES = [8001, 8002, 8003, 8004, 8005];
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startCheckedSandbox({ syncDelayMs: SYNC_DELAY_MS });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());
afterEach(() => expectContractKept(sandbox));

interface CallOptions {
  token?: string | null;
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

async function api(path: string, { token = 'sandbox-token', method = 'GET', body, headers = {} }: CallOptions = {}) {
  const response = await fetch(`${sandbox.url}/rest/v1.0${path}`, {
    method,
    headers: {
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

let keys = 0;
const send = (vendorId: number, key = `key-${++keys}`, companyId = 8001, token = 'sandbox-token') =>
  api(`/companies/${companyId}/erp/requests`, {
    method: 'POST',
    token,
    body: { item_type: 'vendor', item_id: vendorId },
    headers: { 'Idempotency-Key': key },
  });
const decide = (
  requestId: number,
  action: 'accept' | 'reject' | 'retrieve',
  body?: unknown,
  token = 'sandbox-approver',
) => api(`/companies/8001/erp/requests/${requestId}/${action}`, { method: 'POST', token, body });

async function control(path: string, method = 'GET', body?: unknown) {
  const response = await fetch(`${sandbox.url}/__sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as any };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 2000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - start > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('sandbox auth', () => {
  it('answers 401 without a token or with an unknown one', async () => {
    expect((await api('/me', { token: null })).status).toBe(401);
    expect((await api('/me', { token: 'nope' })).status).toBe(401);
  });

  it('knows the admin, the viewer and the approver', async () => {
    expect((await api('/me')).json).toEqual({ id: 1, login: 'alex.admin@example.com', name: 'Alex Admin' });
    expect((await api('/me', { token: 'sandbox-viewer' })).json).toMatchObject({ id: 2, name: 'Vic Viewer' });
    expect((await api('/me', { token: 'sandbox-approver' })).json).toMatchObject({ id: 3, name: 'Avery Approver' });
  });

  it("answers Procore's permission manifest for a company's tools, and a project's", async () => {
    const directory = async (query: string, token = 'sandbox-token') =>
      ((await api(`/settings/permissions?${query}`, { token })).json.tools as any[]).find(
        (t) => t.name === 'directory',
      );
    expect(await directory('company_id=8001')).toEqual({
      id: 5,
      name: 'directory',
      friendly_name: 'Directory',
      available_for_user: true,
      user_access_level: { id: 3, name: 'Admin' },
      permitted_actions: expect.arrayContaining([{ name: 'view', friendly_name: 'view' }]),
    });
    expect((await directory('company_id=8001', 'sandbox-viewer')).user_access_level).toEqual({
      id: 1,
      name: 'Read Only',
    });
    // Admin on the company's Directory, Standard on Eastside Clinic's.
    expect((await directory('project_id=501')).user_access_level.name).toBe('Admin');
    expect((await directory('project_id=502')).user_access_level.name).toBe('Standard');
    expect((await api('/settings/permissions')).status).toBe(400);
    expect((await api('/settings/permissions?project_id=999')).status).toBe(404);
  });

  it('forbids the viewer to send, retrieve or save', async () => {
    expect((await send(101, 'viewer-key', 8001, 'sandbox-viewer')).status).toBe(403);
    expect((await decide(4, 'retrieve', undefined, 'sandbox-viewer')).status).toBe(403);
    expect(
      (await api('/vendors/101?company_id=8001', { method: 'PATCH', token: 'sandbox-viewer', body: { city: 'X' } }))
        .status,
    ).toBe(403);
  });

  it('lets only the approver accept or reject', async () => {
    expect((await decide(4, 'accept', { vendor_type: 'supplier', erp_vendor_id: 'V-9' }, 'sandbox-token')).status).toBe(
      403,
    );
    expect((await decide(4, 'reject', {}, 'sandbox-token')).status).toBe(403);
  });
});

describe('sandbox seed', () => {
  it("serves each company's ERP settings in Procore's metadata format, as the extension parses them", async () => {
    const settings = await Promise.all(
      SEEDED_COMPANIES.map(async (id) =>
        exportSettings(erpSettingsSchema.parse((await api(`/companies/${id}/erp/settings`)).json)),
      ),
    );
    const [summit, harbor, cascade, lakeside] = settings;
    expect(summit).toMatchObject({ erpSystem: 'viewpoint_vista', erpName: 'Viewpoint Vista', erpDataSynced: true });
    expect(summit?.rules.name).toContainEqual({ validator: 'max_length', length: 60 });
    expect(summit?.rules.address).toContainEqual({
      validator: 'max_line_length',
      length: 50,
      message: 'Address is too long. Maximum 50 characters per line.',
    });
    expect(Object.keys(summit?.rules ?? {}).sort()).toEqual(['address', 'city', 'name', 'zip']);
    expect(harbor).toMatchObject({ erpSystem: 'sage_300_cre', erpName: 'Sage 300 CRE', erpDataSynced: false });
    expect(harbor?.rules.name).toBeUndefined();
    expect(cascade).toMatchObject({ erpName: 'CMiC', ignored: ['address.format'] });
    expect(cascade?.warning).toMatch(/on hold/);
    expect(lakeside?.exports).toEqual({ create: false, update: true });
  });

  it('seeds metadata that uses every validator, and both enabled flags set to false', async () => {
    const bodies = await Promise.all(
      SEEDED_COMPANIES.map(async (id) => erpSettingsSchema.parse((await api(`/companies/${id}/erp/settings`)).json)),
    );
    const fields = bodies.flatMap((b) =>
      Object.values(b.metadata.settings.entities?.vendors?.rules?.export?.fields ?? {}),
    );
    const validators = fields.flatMap((f) => Object.entries(f.validation ?? {}));
    const used = new Set(validators.filter(([, v]) => v.enabled !== false).map(([name]) => name));
    for (const name of VALIDATORS) expect(used, name).toContain(name);
    expect(fields.some((f) => f.enabled === false)).toBe(true);
    expect(validators.some(([, v]) => v.enabled === false)).toBe(true);
  });

  it("refuses each of Cascade's vendor codes the way its rules word it, and Lakeside's new companies", async () => {
    const errorsOf = async (vendorId: number, companyId: number) =>
      (await send(vendorId, `v${vendorId}`, companyId)).json.errors;
    expect((await send(301, 'alpine', 8003)).status).toBe(201);
    expect(await errorsOf(302, 8003)).toEqual({ code: ["Code can't be blank."] });
    expect(await errorsOf(303, 8003)).toEqual({
      code: ['Value entered has to be a positive numeric value', 'Decimal value is too long'],
    });
    expect(await errorsOf(304, 8003)).toEqual({
      code: ['This Vendor cannot be sent to ERP because code may have at most 6 digits before the decimal point.'],
    });
    expect(await errorsOf(305, 8003)).toEqual({
      code: [
        'This Vendor cannot be sent to ERP because code must be numeric.',
        'Value entered has to be a positive numeric value',
      ],
    });
    expect(await errorsOf(401, 8004)).toEqual({ base: ['QuickBooks Online does not export companies.'] });
  });

  it('finds a project’s company and answers companies and vendors', async () => {
    expect((await api('/projects/501')).json).toEqual({
      id: 501,
      name: 'Riverside Tower',
      company: { id: 8001, name: 'Summit Builders' },
    });
    expect((await api('/companies')).json).toEqual([
      { id: 8001, name: 'Summit Builders', is_active: true },
      { id: 8002, name: 'Harbor Construction', is_active: true },
      { id: 8003, name: 'Cascade Mechanical', is_active: true },
      { id: 8004, name: 'Lakeside Contractors', is_active: true },
      { id: 8005, name: 'Timberline Partners', is_active: true },
    ]);
    const acme = (await api('/vendors/101?company_id=8001&view=erp')).json;
    expect(acme).toMatchObject({
      id: 101,
      name: 'Acme Concrete',
      is_active: true,
      synced_to_erp: false,
      origin_code: null,
    });
    expect(Date.parse(acme.updated_at)).not.toBeNaN();
    const viaHeader = await api('/vendors/101', { headers: { 'Procore-Company-Id': '8001' } });
    expect(viaHeader.json.name).toBe('Acme Concrete');
    expect((await api('/vendors?company_id=8001')).json).toHaveLength(12);
  });

  it('has one vendor per case', async () => {
    const vendor = async (id: number, company = 8001) => (await api(`/vendors/${id}?company_id=${company}`)).json;
    expect((await vendor(102)).name).toHaveLength(64);
    expect((await vendor(103)).address).toBe('');
    expect((await vendor(104)).is_active).toBe(false);
    expect(await vendor(107)).toMatchObject({ name: 'Keystone Steel', synced_to_erp: true, origin_code: 'V-1007' });
    expect((await vendor(201, 8002)).name).toBe('Harbor Electric');
    for (const [id, name] of [
      [108, 'Beacon Glass'],
      [109, 'Cedar Carpentry'],
      [110, 'Delta Paving'],
      [111, 'Evergreen Landscaping'],
      [112, 'Falcon Fencing'],
    ] as const) {
      expect((await vendor(id)).name).toBe(name);
    }
  });

  it('has Pioneer Plumbing pending and Ridge Roofing rejected twice', async () => {
    const pioneer = (await api('/companies/8001/erp/requests?filters[item_id]=105')).json;
    expect(pioneer).toEqual([
      expect.objectContaining({ id: 4, status: 'pending_acceptance', sent_by: { id: 1, name: 'Alex Admin' } }),
    ]);
    const ridge = (await api('/companies/8001/erp/requests?filters[item_id]=106')).json;
    expect(ridge.map((r: any) => [r.status, r.rejection_comment, r.decided_by?.name])).toEqual([
      ['rejected', 'Tax ID missing on W-9', 'Avery Approver'],
      ['rejected', 'Address incomplete', 'Avery Approver'],
    ]);
  });

  it('refuses each case that cannot be sent', async () => {
    const tooLong = await send(102);
    expect(tooLong.status).toBe(422);
    expect(tooLong.json.errors.name).toEqual([
      'This Vendor cannot be sent to ERP because name must be less than 60 characters.',
    ]);
    expect((await send(103)).json.errors.address).toEqual([
      'This Vendor cannot be sent to ERP because address must be present.',
    ]);
    expect((await send(104)).json.errors.is_active).toHaveLength(1);
    expect((await send(105)).status).toBe(409);
    expect((await send(107)).status).toBe(409);
    const notSynced = await send(201, 'harbor', 8002);
    expect(notSynced.status).toBe(422);
    expect(notSynced.json.errors.base).toEqual(["The company's ERP data has not been synced yet."]);
    expect((await control('/created')).json).toEqual([]);
  });

  it('applies the published name limit where the rules have none', async () => {
    await api('/vendors/201?company_id=8002', {
      method: 'PATCH',
      body: { name: 'Harbor Electric and Lighting Supply Co' },
    });
    expect((await send(201, 'harbor-long', 8002)).json.errors.name).toEqual([
      'This Vendor cannot be sent to ERP because name must be less than 30 characters.',
    ]);
  });

  it('re-seeds on reset', async () => {
    await send(101);
    sandbox.reset();
    expect((await api('/companies/8001/erp/requests')).json).toHaveLength(4);
    await send(101);
    expect((await control('/reset', 'POST')).status).toBe(200);
    expect((await api('/companies/8001/erp/requests')).json).toHaveLength(4);
  });

  it('answers 404 for what does not exist', async () => {
    expect((await api('/vendors/999?company_id=8001')).status).toBe(404);
    expect((await api('/vendors/201?company_id=8001')).status).toBe(404);
    expect((await api('/companies/9999/erp/settings')).status).toBe(404);
    expect((await api('/companies/8001/erp/requests/999')).status).toBe(404);
    expect((await api('/projects/1')).status).toBe(404);
    expect((await api('/nothing/here')).status).toBe(404);
    expect((await send(999)).status).toBe(404);
  });
});

describe('sandbox sending', () => {
  it('creates once per Idempotency-Key and replays the same request', async () => {
    const first = await send(101, 'same-key');
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      item_type: 'vendor',
      item_id: 101,
      item_name: 'Acme Concrete',
      status: 'pending_acceptance',
      sent_by: { id: 1, name: 'Alex Admin' },
    });
    const again = await send(101, 'same-key');
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect((await control('/created')).json).toEqual([
      expect.objectContaining({ id: first.json.id, company_id: 8001 }),
    ]);
  });

  it('answers 409 to a new key while a request is pending, 422 to a reused key for another vendor, 400 without a key', async () => {
    await send(101, 'k1');
    expect((await send(101, 'k2')).status).toBe(409);
    expect((await send(108, 'k1')).status).toBe(422);
    const keyless = await api('/companies/8001/erp/requests', {
      method: 'POST',
      body: { item_type: 'vendor', item_id: 108 },
    });
    expect(keyless.status).toBe(400);
    expect((await send(108, 'k3')).status).toBe(201);
  });

  it('accepts, then syncs the vendor after the delay', async () => {
    const sent = (await send(108)).json;
    const accepted = await decide(sent.id, 'accept', { vendor_type: 'Subcontractor', erp_vendor_id: 'V-2108' });
    expect(accepted.json).toMatchObject({
      status: 'accepted',
      erp_vendor_id: 'V-2108',
      decided_by: { id: 3, name: 'Avery Approver' },
    });
    const synced = await until(
      () => api(`/companies/8001/erp/requests/${sent.id}`),
      (r) => r.json.status !== 'accepted',
    );
    expect(synced.json.status).toBe('synced');
    expect((await api('/vendors/108?company_id=8001')).json).toMatchObject({
      synced_to_erp: true,
      origin_code: 'V-2108',
      origin_id: '5000108',
    });
    expect((await send(108)).status).toBe(409);
  });

  it('fails the export when the ERP vendor ID is taken', async () => {
    const sent = (await send(109)).json;
    await decide(sent.id, 'accept', { vendor_type: 'supplier', erp_vendor_id: 'V-1007' });
    const failed = await until(
      () => api(`/companies/8001/erp/requests/${sent.id}`),
      (r) => r.json.status !== 'accepted',
    );
    expect(failed.json).toMatchObject({ status: 'failed', errors: ['ERP vendor ID V-1007 is already in use'] });
    expect((await api('/vendors/109?company_id=8001')).json.synced_to_erp).toBe(false);
    expect((await send(109)).status).toBe(201);
  });

  it('refuses an accept without a vendor type or ERP vendor ID', async () => {
    const refused = await decide(4, 'accept', { vendor_type: 'plumber', erp_vendor_id: ' ' });
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.json.errors).sort()).toEqual(['erp_vendor_id', 'vendor_type']);
  });

  it('rejects with a comment, and a re-send starts a new request', async () => {
    const rejected = await decide(4, 'reject', { comment: '<img src=x onerror=alert(1)>' });
    expect(rejected.json).toMatchObject({
      status: 'rejected',
      rejection_comment: '<img src=x onerror=alert(1)>',
      decided_by: { name: 'Avery Approver' },
    });
    expect(Date.parse(rejected.json.decided_at)).not.toBeNaN();
    expect((await decide(4, 'accept', { vendor_type: 'supplier', erp_vendor_id: 'V-1' })).status).toBe(409);
    const resent = await send(105);
    expect(resent.status).toBe(201);
    expect(resent.json.id).not.toBe(4);
  });

  it('retrieves a pending request, and answers 409 once decided', async () => {
    const retrieved = await decide(4, 'retrieve', undefined, 'sandbox-token');
    expect(retrieved.json.status).toBe('retrieved');
    expect((await decide(4, 'retrieve', undefined, 'sandbox-token')).status).toBe(409);
    expect((await decide(3, 'retrieve', undefined, 'sandbox-token')).status).toBe(409);
  });

  it('saves the vendor with PATCH, except while it waits for approval', async () => {
    const before = (await api('/vendors/101?company_id=8001')).json;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const saved = await api('/vendors/101?company_id=8001', { method: 'PATCH', body: { vendor: { city: 'Boulder' } } });
    expect(saved.json.city).toBe('Boulder');
    expect(Date.parse(saved.json.updated_at)).toBeGreaterThan(Date.parse(before.updated_at));
    expect((await api('/vendors/101?company_id=8001', { method: 'PATCH', body: { name: ' ' } })).status).toBe(422);
    expect((await api('/vendors/105?company_id=8001', { method: 'PATCH', body: { city: 'X' } })).status).toBe(409);
  });
});

describe('sandbox request lists', () => {
  it('filters by status, item, type and update time', async () => {
    const statuses = (await api('/companies/8001/erp/requests?filters[status][]=rejected&filters[status][]=synced'))
      .json;
    expect(statuses.map((r: any) => r.id)).toEqual([3, 2, 1]);
    expect((await api('/companies/8001/erp/requests?filters[item_type]=vendor')).json).toHaveLength(4);
    expect((await api('/companies/8001/erp/requests?filters[item_type]=commitment')).json).toEqual([]);
    const since = new Date().toISOString();
    const sent = (await send(110)).json;
    const recent = (await api(`/companies/8001/erp/requests?filters[updated_since]=${encodeURIComponent(since)}`)).json;
    expect(recent.map((r: any) => r.id)).toEqual([sent.id]);
    expect((await api('/companies/8001/erp/requests?filters[updated_since]=yesterday')).status).toBe(400);
    expect((await api('/companies/8001/erp/requests?filters[status][]=lost')).status).toBe(400);
  });

  it('answers 304 to a matching If-None-Match until something changes', async () => {
    const first = await api('/companies/8001/erp/requests');
    const etag = first.headers.get('ETag') as string;
    expect(etag).toMatch(/^".+"$/);
    const same = await api('/companies/8001/erp/requests', { headers: { 'If-None-Match': etag } });
    expect(same.status).toBe(304);
    expect(same.text).toBe('');
    expect(same.headers.get('ETag')).toBe(etag);
    await decide(4, 'reject', {});
    const changed = await api('/companies/8001/erp/requests', { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(etag);
  });

  it('pages with Total, Per-Page and Link headers', async () => {
    const first = await api('/companies/8001/erp/requests?per_page=3');
    expect(first.json).toHaveLength(3);
    expect(first.headers.get('Total')).toBe('4');
    expect(first.headers.get('Per-Page')).toBe('3');
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('Link') ?? '')?.[1] as string;
    expect(new URL(next).searchParams.get('page')).toBe('2');
    const second = await api(next.replace(`${sandbox.url}/rest/v1.0`, ''));
    expect(second.json.map((r: any) => r.id)).toEqual([1]);
    expect(second.headers.get('Link')).not.toContain('rel="next"');
    expect((await api('/companies/8001/erp/requests?page=0')).status).toBe(400);
  });
});

describe('sandbox faults and log', () => {
  const fault = (body: unknown) => control('/faults', 'POST', body);

  it('fails the next matching calls with a status', async () => {
    await fault({ match: '/erp/settings', count: 2, status: 503 });
    expect((await api('/me')).status).toBe(200);
    expect((await api('/companies/8001/erp/settings')).status).toBe(503);
    expect((await api('/companies/8001/erp/settings')).status).toBe(503);
    expect((await api('/companies/8001/erp/settings')).status).toBe(200);
  });

  it('matches the method and does not process a failed POST', async () => {
    await fault({ method: 'post', count: 1, status: 500 });
    expect((await api('/me')).status).toBe(200);
    expect((await send(101)).status).toBe(500);
    expect((await control('/created')).json).toEqual([]);
  });

  it('answers 429 with Retry-After and the rate-limit headers', async () => {
    await fault({ count: 1, status: 429, retryAfter: 7 });
    const limited = await api('/me');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('7');
    expect(limited.headers.get('X-Rate-Limit-Limit')).toBe('3600');
    expect(limited.headers.get('X-Rate-Limit-Remaining')).toBe('0');
    expect(Number(limited.headers.get('X-Rate-Limit-Reset'))).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 6);
    const fine = await api('/me');
    expect(fine.status).toBe(200);
    expect(Number(fine.headers.get('X-Rate-Limit-Remaining'))).toBeLessThan(3600);
  });

  it('enforces the hourly budget per token', async () => {
    const small = await startSandbox({ port: 0, rateLimitPerHour: 2 });
    try {
      const me = (token: string) =>
        fetch(`${small.url}/rest/v1.0/me`, { headers: { Authorization: `Bearer ${token}` } });
      expect((await me('sandbox-token')).headers.get('X-Rate-Limit-Remaining')).toBe('1');
      expect((await me('sandbox-token')).status).toBe(200);
      const over = await me('sandbox-token');
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('Retry-After'))).toBeGreaterThan(3500);
      expect((await me('sandbox-viewer')).status).toBe(200);
      small.reset();
      expect((await me('sandbox-token')).status).toBe(200);
    } finally {
      await small.close();
    }
  });

  it('delays, then answers normally', async () => {
    await fault({ count: 1, delayMs: 150 });
    const start = Date.now();
    expect((await api('/me')).status).toBe(200);
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);
  });

  it('answers malformed JSON', async () => {
    await fault({ match: '/erp/requests', count: 1, malformed: true });
    const broken = await api('/companies/8001/erp/requests');
    expect(broken.status).toBe(200);
    expect(() => JSON.parse(broken.text)).toThrow();
  });

  it('drops the connection before processing', async () => {
    await fault({ method: 'POST', count: 1, drop: true });
    await expect(send(101, 'dropped')).rejects.toThrow();
    expect((await control('/created')).json).toEqual([]);
    expect((await send(101, 'dropped')).status).toBe(201);
  });

  it("drops the connection after processing with drop: 'after', and the retry replays", async () => {
    await fault({ match: '/erp/requests', method: 'POST', count: 1, drop: 'after' });
    await expect(send(101, 'lost-answer')).rejects.toThrow();
    const retry = await send(101, 'lost-answer');
    expect(retry.status).toBe(200);
    expect((await control('/created')).json).toEqual([expect.objectContaining({ id: retry.json.id })]);
  });

  it('applies rated switches by one draw per call, whose rates add up, until cleared', async () => {
    const draws = [0.05, 0.5, 0.12, 0.2, 0.01];
    const rated = await startSandbox({ port: 0, random: () => draws.shift() ?? 0.99 });
    try {
      const post = (body: unknown) =>
        fetch(`${rated.url}/__sandbox/faults`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
      expect(
        (
          await post([
            { rate: 0.1, status: 503 },
            { rate: 0.05, status: 429, retryAfter: 1 },
          ])
        ).status,
      ).toBe(201);
      const me = (headers: Record<string, string> = {}) =>
        fetch(`${rated.url}/rest/v1.0/me`, { headers: { Authorization: 'Bearer sandbox-token', ...headers } });
      expect([(await me()).status, (await me()).status, (await me()).status, (await me()).status]).toEqual([
        503, 200, 429, 200,
      ]);
      // The sandbox's own pages are never faulted, and they take no draw.
      expect((await me({ 'X-Sandbox-Page': '1' })).status).toBe(200);
      expect((await me()).status).toBe(503);
      expect(draws).toEqual([]);
    } finally {
      await rated.close();
    }
  });

  it('lists, clears and validates fault switches', async () => {
    expect((await fault({ count: 0 })).status).toBe(400);
    expect((await fault({ count: 1, drop: 'later' })).status).toBe(400);
    expect((await fault({ status: 500 })).status).toBe(400);
    expect((await fault({ rate: 0, status: 500 })).status).toBe(400);
    expect((await fault({ rate: 1.5, status: 500 })).status).toBe(400);
    await fault([
      { count: 3, status: 502 },
      { match: '/me', count: 1, delayMs: 5 },
    ]);
    expect((await control('/faults')).json).toHaveLength(2);
    await control('/faults', 'DELETE');
    expect((await api('/me')).status).toBe(200);
  });

  it('logs every API call, and reset clears the log and faults', async () => {
    await api('/me');
    await send(101, 'logged-key');
    await api('/companies/8001/erp/requests?filters[item_id]=101');
    const log = (await control('/log')).json;
    expect(log).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/rest/v1.0/me',
        query: '',
        status: 200,
        token: 'sandbox-token',
        idempotencyKey: null,
      }),
      expect.objectContaining({
        method: 'POST',
        path: '/rest/v1.0/companies/8001/erp/requests',
        status: 201,
        idempotencyKey: 'logged-key',
        body: JSON.stringify({ item_type: 'vendor', item_id: 101 }),
      }),
      expect.objectContaining({ method: 'GET', query: 'filters[item_id]=101', status: 200, fromPage: false }),
    ]);
    expect(Date.parse(log[0].at)).not.toBeNaN();
    await fault({ count: 5, status: 500 });
    await control('/reset', 'POST');
    expect((await control('/log')).json).toEqual([]);
    expect((await control('/faults')).json).toEqual([]);
  });

  it('answers CORS preflights without logging them', async () => {
    const preflight = await fetch(`${sandbox.url}/rest/v1.0/me`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abc',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization,idempotency-key',
      },
    });
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toContain('Idempotency-Key');
    const list = await api('/companies/8001/erp/requests', { headers: { Origin: 'chrome-extension://abc' } });
    expect(list.headers.get('Access-Control-Expose-Headers')).toContain('ETag');
    expect((await control('/log')).json).toHaveLength(1);
  });
});

describe('sandbox pages', () => {
  const get = (path: string) => fetch(`${sandbox.url}${path}`);

  it.each([
    '/',
    '/8001/company/directory',
    '/8001/company/directory/vendors/101/edit',
    '/501/project/directory/vendors/101/edit',
    '/8001/company/erp_integrations',
  ])('serves the app shell at %s', async (path) => {
    const page = await get(path);
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<div id="app"></div>');
    expect(html).toContain('src="/assets/app.js"');
  });

  it('serves the client script and styles, and 404 for unknown pages', async () => {
    const script = await get('/assets/app.js');
    expect(script.headers.get('Content-Type')).toContain('javascript');
    const code = await script.text();
    expect(code).toContain('history.pushState');
    expect(code).not.toContain('innerHTML');
    expect((await get('/assets/app.css')).status).toBe(200);
    expect((await get('/8001/company/nowhere')).status).toBe(404);
  });

  it('routes every page shape', () => {
    expect(matchRoute('/')).toEqual({ page: 'directory', level: 'company', scopeId: 8001 });
    expect(matchRoute('/501/project/directory')).toEqual({ page: 'directory', level: 'project', scopeId: 501 });
    expect(matchRoute('/8001/company/directory/vendors/101/edit')).toEqual({
      page: 'vendorEdit',
      level: 'company',
      scopeId: 8001,
      vendorId: 101,
    });
    expect(matchRoute('/501/project/directory/vendors/102/edit/')).toEqual({
      page: 'vendorEdit',
      level: 'project',
      scopeId: 501,
      vendorId: 102,
    });
    expect(matchRoute('/8001/company/erp_integrations')).toEqual({ page: 'erpIntegrations', companyId: 8001 });
    expect(matchRoute('/8001/company/directory/vendors/101')).toBeNull();
  });
});
