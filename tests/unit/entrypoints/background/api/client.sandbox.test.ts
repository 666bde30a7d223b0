/** The API client against the real sandbox, started in this process on a free port. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient, type ApiClientOptions } from '@/entrypoints/background/api/client';
import { failure } from './client.helpers';
import type { Sandbox } from '@/sandbox/server';
import { expectContractKept, startCheckedSandbox } from '../../../checked-sandbox';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startCheckedSandbox({ syncDelayMs: 50 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());
afterEach(() => expectContractKept(sandbox));

/** A client with the given token; `delays` records every wait before a retry (the fake sleep returns at once). */
function client(token = 'sandbox-token', options: ApiClientOptions = {}) {
  const delays: number[] = [];
  const api = createApiClient(
    { baseUrl: `${sandbox.url}/`, token },
    { sleep: async (ms) => void delays.push(ms), random: () => 0.5, ...options },
  );
  return { api, delays };
}

async function control<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sandbox.url}/__sandbox/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
  return (await response.json()) as T;
}

const fault = (spec: Record<string, unknown>) => control('POST', 'faults', spec);
const created = () => control<unknown[]>('GET', 'created');
const log = () =>
  control<{ method: string; path: string; status: number; idempotencyKey: string | null }[]>('GET', 'log');

describe('reading', () => {
  it('knows who the token belongs to, and refuses an unknown token', async () => {
    expect(await client().api.me()).toEqual({ id: 1, login: 'alex.admin@example.com', name: 'Alex Admin' });
    expect(await client('sandbox-viewer').api.me()).toMatchObject({ id: 2, name: 'Vic Viewer' });
    expect(await failure(client('wrong-token').api.me())).toMatchObject({ kind: 'auth', status: 401 });
  });

  it("reads each company's ERP metadata as the rules use it, and says once which validators it ignores", async () => {
    const { api } = client();
    const summit = await api.settings(8001);
    expect(summit).toMatchObject({ erpSystem: 'viewpoint_vista', erpName: 'Viewpoint Vista', erpDataSynced: true });
    expect(summit.rules.name).toContainEqual({ validator: 'max_length', length: 60 });
    const harbor = await api.settings(8002);
    expect(harbor).toMatchObject({ erpSystem: 'sage_300_cre', erpDataSynced: false });
    expect(harbor.rules.name).toBeUndefined();

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect((await api.settings(8003)).ignored).toEqual(['address.format']);
      await api.settings(8003);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]?.[0]).toMatch(/company 8003.*address\.format/);
    } finally {
      warn.mockRestore();
    }
  });

  it('reads the Directory permission level of admin and viewer', async () => {
    expect(await client().api.permission(8001)).toBe('admin');
    expect(await client('sandbox-viewer').api.permission(8001)).toBe('read_only');
  });

  it('finds the company of project 501', async () =>
    expect(await client().api.project(501)).toEqual({
      id: 501,
      name: 'Riverside Tower',
      company: { id: 8001, name: 'Summit Builders' },
    }));

  it('reads a saved vendor, and says not_found for one of another company', async () => {
    const { api } = client();
    expect(await api.vendor(8001, 101)).toMatchObject({
      id: 101,
      name: 'Acme Concrete',
      is_active: true,
      synced_to_erp: false,
    });
    expect(await api.vendor(8001, 107)).toMatchObject({ synced_to_erp: true, origin_code: 'V-1007' });
    expect(await failure(api.vendor(8001, 201))).toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('sends the company header and the token on each call', async () => {
    await client().api.settings(8001);
    const [entry] = await control<{ token: string; companyIdHeader: string | null }[]>('GET', 'log');
    expect(entry).toMatchObject({ token: 'sandbox-token', companyIdHeader: '8001' });
  });
});

describe('sending and retrieving', () => {
  it('creates one request for one Idempotency-Key, however often it is sent', async () => {
    const { api } = client();
    const first = await api.createRequest(8001, 108, 'send-108-a');
    const again = await api.createRequest(8001, 108, 'send-108-a');
    expect(first).toMatchObject({
      item_id: 108,
      item_name: 'Beacon Glass',
      status: 'pending_acceptance',
      sent_by: { id: 1 },
    });
    expect(again.id).toBe(first.id);
    expect(await created()).toHaveLength(1);
  });

  it('says conflict, with the server words, for a vendor already pending or synced', async () => {
    const { api } = client();
    const pending = await failure(api.createRequest(8001, 105, 'send-105'));
    expect(pending).toMatchObject({ kind: 'conflict', status: 409 });
    expect(pending.detail).toMatch(/waiting/i);
    expect(await failure(api.createRequest(8001, 107, 'send-107'))).toMatchObject({ kind: 'conflict', status: 409 });
    expect(await created()).toEqual([]);
  });

  it('says validation with the field errors when export rules fail', async () => {
    const { api } = client();
    const tooLong = await failure(api.createRequest(8001, 102, 'send-102'));
    expect(tooLong).toMatchObject({ kind: 'validation', status: 422 });
    expect(Object.keys(tooLong.fieldErrors ?? {})).toContain('name');
    const blank = await failure(api.createRequest(8001, 103, 'send-103'));
    expect(Object.keys(blank.fieldErrors ?? {})).toContain('address');
  });

  it('says forbidden when a viewer sends', async () =>
    expect(await failure(client('sandbox-viewer').api.createRequest(8001, 101, 'viewer'))).toMatchObject({
      kind: 'forbidden',
      status: 403,
    }));

  it('retrieves a pending request once; after that it is a conflict', async () => {
    const { api } = client();
    const sent = await api.createRequest(8001, 109, 'send-109');
    expect(await api.getRequest(8001, sent.id)).toMatchObject({ id: sent.id, status: 'pending_acceptance' });
    expect(await api.retrieveRequest(8001, sent.id)).toMatchObject({ id: sent.id, status: 'retrieved' });
    expect(await failure(api.retrieveRequest(8001, sent.id))).toMatchObject({ kind: 'conflict', status: 409 });
    expect(await api.getRequest(8001, sent.id)).toMatchObject({ status: 'retrieved' });
  });
});

describe('listing', () => {
  it('filters by vendor and status', async () => {
    const { api } = client();
    const ridge = await api.listRequests(8001, { itemId: 106 });
    expect(ridge.requests.map((r) => r.rejection_comment)).toEqual(['Tax ID missing on W-9', 'Address incomplete']);
    const pending = await api.listRequests(8001, { status: ['pending_acceptance', 'accepted'] });
    expect(pending.requests.map((r) => r.item_id)).toEqual([105]);
    const recent = await api.listRequests(8001, { updatedSince: new Date(Date.now() + 60_000).toISOString() });
    expect(recent.requests).toEqual([]);
  });

  it('answers 304 to the same ETag, and a new list once something changed', async () => {
    const { api } = client();
    const first = await api.listRequests(8001, { status: ['pending_acceptance'] });
    expect(first.etag).toBeTruthy();
    expect(await api.listRequests(8001, { status: ['pending_acceptance'] }, first.etag)).toEqual({
      requests: [],
      etag: first.etag,
      notModified: true,
      foreign: 0,
    });
    await api.createRequest(8001, 110, 'send-110');
    const changed = await api.listRequests(8001, { status: ['pending_acceptance'] }, first.etag);
    expect(changed.notModified).toBe(false);
    expect(changed.requests.map((r) => r.item_id).sort()).toEqual([105, 110]);
  });

  it('follows pages beyond the first 100 requests', async () => {
    const { api } = client();
    const before = (await api.listRequests(8001)).requests.length;
    for (let i = 0; i < 100; i++) {
      const sent = await api.createRequest(8001, 111, `cycle-${i}`);
      await api.retrieveRequest(8001, sent.id);
    }
    const all = await api.listRequests(8001);
    expect(all.requests).toHaveLength(before + 100);
    expect(new Set(all.requests.map((r) => r.id)).size).toBe(before + 100);
    const pages = (await log()).filter((e) => e.method === 'GET' && e.path.endsWith('/erp/requests')).slice(1);
    expect(pages).toHaveLength(2);
  });
});

describe('fault switches', () => {
  it('turns a malformed body into malformed', async () => {
    await fault({ match: '/me', count: 1, malformed: true });
    expect(await failure(client().api.me())).toEqual({ kind: 'malformed', status: 200 });
  });

  it('retries a 500 and succeeds', async () => {
    await fault({ match: '/me', count: 2, status: 500 });
    const { api, delays } = client();
    expect(await api.me()).toMatchObject({ id: 1 });
    expect(delays).toEqual([250, 500]);
    expect((await log()).map((e) => e.status)).toEqual([500, 500, 200]);
  });

  it('waits the Retry-After of a 429, then succeeds', async () => {
    await fault({ match: '/erp/settings', count: 1, status: 429, retryAfter: 7 });
    const { api, delays } = client();
    expect(await api.settings(8001)).toMatchObject({ erpSystem: 'viewpoint_vista' });
    expect(delays).toEqual([7000]);
  });

  it('says rate_limited when 429 outlasts the retries', async () => {
    await fault({ count: 5, status: 429, retryAfter: 1 });
    const { api, delays } = client();
    expect(await failure(api.me())).toMatchObject({ kind: 'rate_limited', status: 429 });
    expect(delays).toEqual([1000, 1000, 1000, 1000]);
  });

  it('retries a dropped connection, and says network when it keeps dropping', async () => {
    await fault({ match: '/me', count: 1, drop: true });
    expect(await client().api.me()).toMatchObject({ id: 1 });
    await fault({ match: '/me', count: 5, drop: true });
    expect(await failure(client().api.me())).toEqual({ kind: 'network' });
  });

  it('times out a slow answer, and retries it', async () => {
    await fault({ match: '/me', count: 1, delayMs: 300 });
    const { api, delays } = client('sandbox-token', { timeoutMs: 100 });
    expect(await api.me()).toMatchObject({ id: 1 });
    expect(delays).toEqual([250]);
  });

  it('creates exactly once when the connection drops after the server created the request', async () => {
    await fault({ match: '/erp/requests', method: 'POST', count: 1, drop: 'after' });
    await fault({ match: '/erp/requests', method: 'POST', count: 1, status: 503 });
    const sent = await client().api.createRequest(8001, 112, 'send-112');
    expect(sent).toMatchObject({ item_id: 112, status: 'pending_acceptance' });
    expect(await created()).toHaveLength(1);
    const posts = (await log()).filter((e) => e.method === 'POST');
    expect(posts).toHaveLength(3);
    expect(new Set(posts.map((e) => e.idempotencyKey))).toEqual(new Set(['send-112']));
  });

  it('retries a retrieve after a 502', async () => {
    const { api } = client();
    const sent = await api.createRequest(8001, 108, 'send-108');
    await fault({ match: '/retrieve', count: 1, status: 502 });
    expect(await api.retrieveRequest(8001, sent.id)).toMatchObject({ status: 'retrieved' });
  });

  it('says conflict when a retrieve worked but its answer was lost; the request shows the real state', async () => {
    const { api } = client();
    const sent = await api.createRequest(8001, 108, 'send-108');
    await fault({ match: '/retrieve', count: 1, drop: 'after' });
    expect(await failure(api.retrieveRequest(8001, sent.id))).toMatchObject({ kind: 'conflict', status: 409 });
    expect(await api.getRequest(8001, sent.id)).toMatchObject({ status: 'retrieved' });
  });
});
