import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient, type ApiClientOptions } from '@/entrypoints/background/api/client';
import { createRateGate } from '@/entrypoints/background/api/rate-gate';
import { failure } from './client.helpers';

const BASE = 'https://erp.example.com';

const me = { id: 1, login: 'alex.admin@example.com', name: 'Alex Admin' };
const settingsBody = {
  erp_system: 'viewpoint_vista',
  erp_data_synced: true,
  metadata: {
    settings: {
      labels: { name: 'Viewpoint Vista' },
      entities: {
        vendors: {
          rules: {
            export: {
              fields: {
                name: { validation: { max_length: { enabled: true, length: 60, message: 'at most %{length}' } } },
              },
            },
          },
        },
      },
    },
  },
};
const vendorBody = {
  id: 101,
  name: 'Acme Concrete',
  abbreviated_name: null,
  code: null,
  address: '1 Main St',
  city: 'Denver',
  state_code: 'CO',
  zip: '80202',
  country_code: 'US',
  business_phone: null,
  mobile_phone: null,
  fax_number: null,
  email_address: null,
  is_active: true,
  synced_to_erp: false,
  origin_id: null,
  origin_code: null,
  updated_at: '2026-11-01T00:00:00Z',
};
const request = (id: number, patch: Record<string, unknown> = {}) => ({
  id,
  item_type: 'vendor',
  item_id: 101,
  item_name: 'Acme Concrete',
  status: 'pending_acceptance',
  created_at: '2026-11-25T10:00:00Z',
  updated_at: '2026-11-25T10:00:00Z',
  sent_by: { id: 1, name: 'Alex Admin' },
  ...patch,
});

/** What the fake server answers to one call. */
type Reply =
  | { status?: number; body?: unknown; raw?: string; headers?: Record<string, string>; bodyHangs?: boolean }
  | 'network' // fetch rejects with a TypeError, as on a dropped connection
  | 'hang' // never answers, but honours the abort signal like real fetch
  | 'deaf'; // never answers and ignores the signal

interface Call {
  url: URL;
  method: string;
  headers: Headers;
  body: string | null;
  signal: AbortSignal | null;
}

const respond = (reply: Exclude<Reply, string>): Response => {
  const status = reply.status ?? 200;
  const text = reply.raw ?? (reply.body === undefined ? null : JSON.stringify(reply.body));
  const response = new Response(status === 304 || status === 204 ? null : text, { status, headers: reply.headers });
  if (reply.bodyHangs) vi.spyOn(response, 'text').mockReturnValue(new Promise(() => undefined));
  return response;
};

/** A client over a scripted server: `calls` records each request, `delays` each wait before a retry. */
function setup(replies: Reply[], options: ApiClientOptions = {}, base = BASE) {
  const calls: Call[] = [];
  const delays: number[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({
      url: new URL(String(input)),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : null,
      signal: init.signal ?? null,
    });
    const reply = replies.shift();
    if (reply === undefined) throw new Error(`unexpected call ${String(input)}`);
    if (reply === 'network') throw new TypeError('fetch failed');
    if (reply === 'deaf') return new Promise<Response>(() => undefined);
    if (reply === 'hang') {
      return new Promise<Response>((_, reject) =>
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    return respond(reply);
  });
  const api = createApiClient(
    { baseUrl: base, token: 'secret-token' },
    {
      fetch: fetch as typeof globalThis.fetch,
      sleep: async (ms) => void delays.push(ms),
      random: () => 0.5,
      ...options,
    },
  );
  return { api, calls, delays, fetch };
}

afterEach(() => vi.useRealTimers());

describe('requests', () => {
  it('sends the token and JSON Accept on every call, the company header only when a company is known', async () => {
    const { api, calls } = setup([
      { body: me },
      { body: { id: 501, name: 'Riverside Tower', company: { id: 8001, name: 'Summit Builders' } } },
      { body: settingsBody },
    ]);
    await api.me();
    await api.project(501);
    await api.settings(8001);
    for (const call of calls) {
      expect(call.headers.get('authorization')).toBe('Bearer secret-token');
      expect(call.headers.get('accept')).toBe('application/json');
    }
    expect(calls.map((c) => c.headers.get('procore-company-id'))).toEqual([null, null, '8001']);
  });

  it.each([BASE, `${BASE}/`, `${BASE}//`])(
    'builds the same URLs whether the base %s ends with a slash',
    async (base) => {
      const { api, calls } = setup([{ body: me }], {}, base);
      await api.me();
      expect(calls[0]?.url.href).toBe(`${BASE}/rest/v1.0/me`);
    },
  );

  it('keeps a path prefix of the base URL (a gateway)', async () => {
    const { api, calls } = setup([{ body: me }], {}, `${BASE}/gateway/`);
    await api.me();
    expect(calls[0]?.url.href).toBe(`${BASE}/gateway/rest/v1.0/me`);
  });

  const manifest = (level: string) => ({
    tools: [
      { id: 12, name: 'documents', friendly_name: 'Documents', available_for_user: true },
      {
        id: 5,
        name: 'directory',
        friendly_name: 'Directory',
        available_for_user: true,
        user_access_level: { id: 3, name: level },
        permitted_actions: [{ name: 'view' }],
      },
    ],
  });

  it('calls each endpoint of the contract and returns the parsed body', async () => {
    const project = { id: 501, name: 'Riverside Tower', company: { id: 8001, name: 'Summit Builders' } };
    const { api, calls } = setup([
      { body: me },
      { body: settingsBody },
      { body: manifest('Admin') },
      { body: manifest('Standard') },
      { body: project },
      { body: vendorBody },
      { body: request(7) },
      { body: request(7, { status: 'retrieved' }) },
    ]);
    expect(await api.me()).toEqual(me);
    expect(await api.settings(8001)).toEqual({
      erpSystem: 'viewpoint_vista',
      erpName: 'Viewpoint Vista',
      erpDataSynced: true,
      exports: { create: true, update: true },
      warning: null,
      rules: { name: [{ validator: 'max_length', length: 60, message: 'at most 60' }] },
      ignored: [],
    });
    expect(await api.permission(8001)).toBe('admin');
    expect(await api.permission(8001, 502)).toBe('standard');
    expect(await api.project(501)).toEqual(project);
    const vendor = await api.vendor(8001, 101);
    expect(vendor).toMatchObject({ id: 101, name: 'Acme Concrete', abbreviated_name: '', origin_code: null });
    expect(await api.getRequest(8001, 7)).toMatchObject({
      id: 7,
      status: 'pending_acceptance',
      decided_by: null,
      errors: [],
    });
    expect((await api.retrieveRequest(8001, 7)).status).toBe('retrieved');
    expect(calls.map((c) => `${c.method} ${c.url.pathname}${c.url.search}`)).toEqual([
      'GET /rest/v1.0/me',
      'GET /rest/v1.0/companies/8001/erp/settings',
      'GET /rest/v1.0/settings/permissions?company_id=8001',
      'GET /rest/v1.0/settings/permissions?project_id=502',
      'GET /rest/v1.0/projects/501',
      'GET /rest/v1.0/vendors/101?company_id=8001&view=erp',
      'GET /rest/v1.0/companies/8001/erp/requests/7',
      'POST /rest/v1.0/companies/8001/erp/requests/7/retrieve',
    ]);
  });

  it('creates a request with a JSON body and the Idempotency-Key', async () => {
    const { api, calls } = setup([{ status: 201, body: request(9) }]);
    expect((await api.createRequest(8001, 101, 'key-1')).id).toBe(9);
    const [call] = calls;
    expect(call?.method).toBe('POST');
    expect(call?.url.pathname).toBe('/rest/v1.0/companies/8001/erp/requests');
    expect(call?.headers.get('idempotency-key')).toBe('key-1');
    expect(call?.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(call?.body ?? '')).toEqual({ item_type: 'vendor', item_id: 101 });
  });

  it('says not_configured without calling anything when the base URL or token is missing', async () => {
    const bad = setup([], {}, 'not a url');
    expect(await failure(bad.api.me())).toEqual({ kind: 'not_configured' });
    const noToken = vi.fn();
    const api = createApiClient({ baseUrl: BASE, token: '' }, { fetch: noToken });
    expect(await failure(api.me())).toEqual({ kind: 'not_configured' });
    expect(bad.fetch).not.toHaveBeenCalled();
    expect(noToken).not.toHaveBeenCalled();
  });
});

describe('retries', () => {
  it('retries 5xx with exponential backoff and full jitter, then succeeds', async () => {
    const { api, calls, delays } = setup([{ status: 500 }, { status: 502 }, { status: 504 }, { body: me }]);
    expect(await api.me()).toEqual(me);
    expect(calls).toHaveLength(4);
    // random() = 0.5: half of 500, 1000, 2000 ms.
    expect(delays).toEqual([250, 500, 1000]);
  });

  it('retries a network failure', async () => {
    const { api, calls } = setup(['network', { body: me }]);
    expect(await api.me()).toEqual(me);
    expect(calls).toHaveLength(2);
  });

  it('gives up after maxRetries (default 4) with the last failure', async () => {
    const server = setup(Array(5).fill({ status: 503, body: { message: 'maintenance' } }));
    expect(await failure(server.api.me())).toEqual({ kind: 'server', status: 503, detail: 'maintenance' });
    expect(server.calls).toHaveLength(5);
    expect(server.delays).toEqual([250, 500, 1000, 2000]);

    const network = setup(Array(5).fill('network'));
    expect(await failure(network.api.me())).toEqual({ kind: 'network' });
    expect(network.calls).toHaveLength(5);
  });

  it('honours maxRetries', async () => {
    const { api, calls } = setup([{ status: 500 }, { status: 500 }, { status: 500 }], { maxRetries: 2 });
    expect((await failure(api.me())).kind).toBe('server');
    expect(calls).toHaveLength(3);
    const none = setup(['network'], { maxRetries: 0 });
    expect((await failure(none.api.me())).kind).toBe('network');
  });

  it('caps the exponential delay at 30 s', async () => {
    const { api, delays } = setup([...Array(8).fill({ status: 500 }), { body: me }], {
      maxRetries: 8,
      random: () => 0.999999,
    });
    await api.me();
    expect(delays.at(-1)).toBe(29999);
    expect(Math.max(...delays)).toBeLessThan(30_000);
  });

  it('treats any exception thrown by fetch as a network failure', async () => {
    const fetch = vi.fn().mockRejectedValue('weird');
    const api = createApiClient({ baseUrl: BASE, token: 't' }, { fetch, maxRetries: 1, sleep: async () => undefined });
    expect(await failure(api.me())).toEqual({ kind: 'network' });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('does not retry 4xx answers', async () => {
    for (const status of [400, 401, 403, 404, 409, 422]) {
      const { api, calls, delays } = setup([{ status }]);
      await failure(api.me());
      expect(calls).toHaveLength(1);
      expect(delays).toEqual([]);
    }
  });
});

describe('rate limits and Retry-After', () => {
  const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
  const resetIn = (seconds: number) => String(NOW / 1000 + seconds);

  it.each([
    ['the Retry-After seconds of a 429', { status: 429, headers: { 'Retry-After': '3' } }, 3000],
    [
      'until a Retry-After HTTP date',
      { status: 429, headers: { 'Retry-After': 'Wed, 25 Nov 2026 12:00:08 GMT' } },
      8000,
    ],
    [
      'until X-Rate-Limit-Reset when a 429 has no Retry-After',
      {
        status: 429,
        headers: { 'X-Rate-Limit-Limit': '3600', 'X-Rate-Limit-Remaining': '0', 'X-Rate-Limit-Reset': resetIn(6) },
      },
      6000,
    ],
    ['at most 30 s, whatever the server asks', { status: 429, headers: { 'Retry-After': '3600' } }, 30_000],
    ['the backoff for a 429 without timing headers', { status: 429 }, 250],
    ['the Retry-After of a 503', { status: 503, headers: { 'Retry-After': '2' } }, 2000],
    [
      'the backoff for a 503 that carries only the rate-limit reset (the budget is not what failed)',
      { status: 503, headers: { 'X-Rate-Limit-Remaining': '3500', 'X-Rate-Limit-Reset': resetIn(3000) } },
      250,
    ],
    [
      'the backoff on other 5xx, ignoring rate-limit headers (Procore sends them on every answer)',
      { status: 500, headers: { 'Retry-After': '20', 'X-Rate-Limit-Reset': resetIn(3000) } },
      250,
    ],
  ])('waits %s', async (_, reply, delay) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const { api, delays } = setup([reply, { body: me }]);
    expect(await api.me()).toEqual(me);
    expect(delays).toEqual([delay]);
  });

  it('says rate_limited after the retries', async () => {
    const { api, calls, delays } = setup(Array(5).fill({ status: 429, headers: { 'Retry-After': '1' } }));
    expect(await failure(api.me())).toEqual({ kind: 'rate_limited', status: 429 });
    expect(calls).toHaveLength(5);
    expect(delays).toEqual([1000, 1000, 1000, 1000]);
  });
});

describe('timeouts', () => {
  it('aborts a call that takes longer than timeoutMs, passing a signal to fetch', async () => {
    const { api, calls } = setup(['hang'], { timeoutMs: 20, maxRetries: 0 });
    expect(await failure(api.me())).toEqual({ kind: 'timeout' });
    expect(calls[0]?.signal?.aborted).toBe(true);
  });

  it('times out even when fetch ignores the signal, and when the body never ends', async () => {
    const deaf = setup(['deaf'], { timeoutMs: 20, maxRetries: 0 });
    expect(await failure(deaf.api.me())).toEqual({ kind: 'timeout' });
    const slowBody = setup([{ body: me, bodyHangs: true }], { timeoutMs: 20, maxRetries: 0 });
    expect(await failure(slowBody.api.me())).toEqual({ kind: 'timeout' });
  });

  it('retries after a timeout', async () => {
    const { api, calls, delays } = setup(['hang', { body: me }], { timeoutMs: 20 });
    expect(await api.me()).toEqual(me);
    expect(calls).toHaveLength(2);
    expect(delays).toEqual([250]);
  });

  it('defaults to 15 s', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { api } = setup(['hang'], { maxRetries: 0 });
    const result = failure(api.me());
    await vi.advanceTimersByTimeAsync(14_999);
    let settled = false;
    void result.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toEqual({ kind: 'timeout' });
  });
});

describe('malformed answers', () => {
  it.each([
    ['a body that is not JSON', { raw: '<html>oops</html>' }],
    ['an empty body', { raw: '' }],
    ['JSON of the wrong shape', { body: { id: 'one', login: 1 } }],
    ['a JSON array instead of an object', { body: [me] }],
  ])('turns %s into malformed with the status, without retrying', async (_, reply) => {
    const { api, calls } = setup([reply]);
    expect(await failure(api.me())).toEqual({ kind: 'malformed', status: 200 });
    expect(calls).toHaveLength(1);
  });

  it('rejects an unknown request status and a permission manifest without its tools', async () => {
    const { api } = setup([{ body: request(1, { status: 'exploded' }) }, { body: { level: 'admin' } }]);
    expect((await failure(api.getRequest(8001, 1))).kind).toBe('malformed');
    expect((await failure(api.permission(8001))).kind).toBe('malformed');
  });

  it('rejects a whole list when one item is malformed', async () => {
    const { api } = setup([{ body: [request(1), request(2, { sent_by: null })] }]);
    expect((await failure(api.listRequests(8001))).kind).toBe('malformed');
  });

  it('treats a status outside the contract as malformed', async () => {
    const { api } = setup([{ status: 418, body: { message: 'teapot' } }]);
    expect(await failure(api.me())).toEqual({ kind: 'malformed', status: 418, detail: 'teapot' });
  });
});

describe('status mapping', () => {
  const errors = { name: ['must be at most 60 characters'], address: ["can't be blank"] };
  it.each([
    [401, undefined, { kind: 'auth', status: 401 }],
    [403, { message: 'Directory admin only' }, { kind: 'forbidden', status: 403, detail: 'Directory admin only' }],
    [404, undefined, { kind: 'not_found', status: 404 }],
    [409, { message: 'Already pending' }, { kind: 'conflict', status: 409, detail: 'Already pending' }],
    [422, { errors }, { kind: 'validation', status: 422, fieldErrors: errors }],
    [
      400,
      { message: 'item_type must be vendor' },
      { kind: 'validation', status: 400, detail: 'item_type must be vendor' },
    ],
  ] as const)('maps %i to its kind with the server words', async (status, body, expected) => {
    const { api } = setup([{ status, body }]);
    expect(await failure(api.createRequest(8001, 101, 'k'))).toEqual(expected);
  });

  it('keeps the kind from the status when an error body is not the contract shape', async () => {
    const { api } = setup([
      { status: 409, raw: 'Conflict' },
      { status: 422, body: { errors: 'nope' } },
    ]);
    expect(await failure(api.getRequest(8001, 1))).toEqual({ kind: 'conflict', status: 409 });
    expect(await failure(api.getRequest(8001, 1))).toEqual({ kind: 'validation', status: 422 });
  });

  it('throws ApiError instances that read well in logs', async () => {
    const { api } = setup([{ status: 409, body: { message: 'already synced' } }]);
    const error = await api.getRequest(8001, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('ApiError');
    expect((error as Error).message).toBe('API error: conflict (HTTP 409): already synced');
  });
});

describe('exactly-once sends', () => {
  it('reuses the same Idempotency-Key and body on every retry of a create', async () => {
    const { api, calls } = setup(
      [{ status: 500 }, 'network', 'hang', { status: 429 }, { status: 201, body: request(9) }],
      {
        timeoutMs: 20,
      },
    );
    expect((await api.createRequest(8001, 101, 'key-abc')).id).toBe(9);
    expect(calls).toHaveLength(5);
    expect(new Set(calls.map((c) => c.headers.get('idempotency-key')))).toEqual(new Set(['key-abc']));
    expect(new Set(calls.map((c) => c.body))).toEqual(new Set([JSON.stringify({ item_type: 'vendor', item_id: 101 })]));
  });

  it('retries a retrieve on network failures and 5xx', async () => {
    const { api, calls } = setup(['network', { status: 502 }, { body: request(7, { status: 'retrieved' }) }]);
    expect((await api.retrieveRequest(8001, 7)).status).toBe('retrieved');
    expect(calls.every((c) => c.method === 'POST' && c.url.pathname.endsWith('/erp/requests/7/retrieve'))).toBe(true);
    expect(calls).toHaveLength(3);
  });

  it('reports a 409 once the approver decided, without retrying', async () => {
    const { api, calls } = setup([{ status: 409, body: { message: 'Already accepted' } }]);
    expect(await failure(api.retrieveRequest(8001, 7))).toEqual({
      kind: 'conflict',
      status: 409,
      detail: 'Already accepted',
    });
    expect(calls).toHaveLength(1);
  });
});

describe('listRequests', () => {
  const LIST = `${BASE}/rest/v1.0/companies/8001/erp/requests`;

  it('sends the filters, vendor item type and 100 per page', async () => {
    const { api, calls } = setup([{ body: [request(1)] }]);
    const result = await api.listRequests(8001, {
      itemId: 101,
      status: ['pending_acceptance', 'accepted'],
      updatedSince: '2026-11-25T00:00:00Z',
    });
    expect(result).toMatchObject({ etag: null, notModified: false });
    expect(result.requests.map((r) => r.id)).toEqual([1]);
    const query = calls[0]!.url.searchParams;
    expect(calls[0]?.url.pathname).toBe('/rest/v1.0/companies/8001/erp/requests');
    expect(query.get('filters[item_type]')).toBe('vendor');
    expect(query.get('filters[item_id]')).toBe('101');
    expect(query.getAll('filters[status][]')).toEqual(['pending_acceptance', 'accepted']);
    expect(query.get('filters[updated_since]')).toBe('2026-11-25T00:00:00Z');
    expect(query.get('per_page')).toBe('100');
    expect(calls[0]?.headers.get('procore-company-id')).toBe('8001');
    expect(calls[0]?.headers.has('if-none-match')).toBe(false);
  });

  it('sends no optional filter it was not given', async () => {
    const { api, calls } = setup([{ body: [] }]);
    await api.listRequests(8001);
    expect([...calls[0]!.url.searchParams.keys()].sort()).toEqual(['filters[item_type]', 'page', 'per_page']);
  });

  it('follows Link rel="next", relative or absolute, until there is none', async () => {
    const { api, calls } = setup([
      {
        body: [request(1)],
        headers: {
          Link: '</rest/v1.0/companies/8001/erp/requests?page=2&per_page=100>; rel="next", <x?page=3>; rel="last"',
        },
      },
      {
        body: [request(2)],
        headers: { Link: `<${LIST}?page=1>; rel="prev", <${LIST}?page=3&per_page=100>; rel="next"` },
      },
      { body: [request(3)], headers: { Link: `<${LIST}?page=2>; rel="prev"` } },
    ]);
    const { requests } = await api.listRequests(8001);
    expect(requests.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(calls.map((c) => c.url.searchParams.get('page'))).toEqual(['1', '2', '3']);
    expect(calls.every((c) => c.headers.get('authorization') === 'Bearer secret-token')).toBe(true);
  });

  it('refuses to send the token to a next link on another origin', async () => {
    const { api, calls } = setup([
      { body: [request(1)], headers: { Link: '<https://evil.example/steal?page=2>; rel="next"' } },
    ]);
    expect((await failure(api.listRequests(8001))).kind).toBe('malformed');
    expect(calls).toHaveLength(1);
  });

  it('counts pages from Total and Per-Page when there is no Link', async () => {
    const { api, calls } = setup([
      { body: [request(1)], headers: { Total: '120', 'Per-Page': '50' } },
      { body: [request(2)], headers: { Total: '120', 'Per-Page': '50' } },
      { body: [request(3)], headers: { Total: '120', 'Per-Page': '50' } },
    ]);
    expect((await api.listRequests(8001)).requests.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(calls.map((c) => c.url.searchParams.get('page'))).toEqual(['1', '2', '3']);
    expect(calls.every((c) => c.url.searchParams.get('filters[item_type]') === 'vendor')).toBe(true);
  });

  it('stops at one page without Link or Total, and on an empty page', async () => {
    const single = setup([{ body: [request(1)] }]);
    expect((await single.api.listRequests(8001)).requests).toHaveLength(1);
    const empty = setup([{ body: [], headers: { Total: '500' } }]);
    expect((await empty.api.listRequests(8001)).requests).toEqual([]);
    expect(empty.calls).toHaveLength(1);
  });

  it('retries a failed page without starting over', async () => {
    const { api, calls } = setup([
      { body: [request(1)], headers: { Total: '2', 'Per-Page': '1' } },
      { status: 500 },
      { body: [request(2)], headers: { Total: '2', 'Per-Page': '1' } },
    ]);
    expect((await api.listRequests(8001)).requests.map((r) => r.id)).toEqual([1, 2]);
    expect(calls.map((c) => c.url.searchParams.get('page'))).toEqual(['1', '2', '2']);
  });

  it('tells of every HTTP request, each page and each retry, as a rate limit counts them', async () => {
    const onRequest = vi.fn();
    const { api, calls } = setup(
      [
        { body: [request(1)], headers: { Total: '3', 'Per-Page': '1' } },
        { status: 503 },
        { body: [request(2)], headers: { Total: '3', 'Per-Page': '1' } },
        { body: [request(3)], headers: { Total: '3', 'Per-Page': '1' } },
      ],
      { onRequest },
    );
    await api.listRequests(8001);
    expect(calls).toHaveLength(4);
    expect(onRequest).toHaveBeenCalledTimes(4);
  });

  it('gives up on a server whose next link never ends', async () => {
    const loop = { body: [request(1)], headers: { Link: `<${LIST}?page=1>; rel="next"` } };
    const { api, calls } = setup(Array(201).fill(loop));
    expect((await failure(api.listRequests(8001))).kind).toBe('malformed');
    expect(calls).toHaveLength(200);
  });

  it('returns the ETag of the list', async () => {
    const { api } = setup([{ body: [request(1)], headers: { ETag: '"v1"' } }]);
    expect(await api.listRequests(8001)).toMatchObject({ etag: '"v1"', notModified: false });
  });

  it('sends If-None-Match with an ETag, and a 304 means not modified', async () => {
    const { api, calls } = setup([{ status: 304, headers: { ETag: '"v1"' } }]);
    expect(await api.listRequests(8001, { status: ['pending_acceptance'] }, '"v1"')).toEqual({
      requests: [],
      etag: '"v1"',
      notModified: true,
      foreign: 0,
    });
    expect(calls[0]?.headers.get('if-none-match')).toBe('"v1"');
  });

  it('keeps the given ETag on a 304 without one', async () => {
    const { api } = setup([{ status: 304 }]);
    expect(await api.listRequests(8001, {}, '"v7"')).toEqual({
      requests: [],
      etag: '"v7"',
      notModified: true,
      foreign: 0,
    });
  });

  it('makes only the first page conditional', async () => {
    const { api, calls } = setup([
      { body: [request(1)], headers: { ETag: '"v2"', Total: '2', 'Per-Page': '1' } },
      { body: [request(2)], headers: { Total: '2', 'Per-Page': '1' } },
    ]);
    expect(await api.listRequests(8001, {}, '"v1"')).toMatchObject({ etag: '"v2"', notModified: false });
    expect(calls.map((c) => c.headers.get('if-none-match'))).toEqual(['"v1"', null]);
  });

  it('treats a 304 it did not ask for as malformed', async () => {
    const { api } = setup([{ status: 304 }]);
    expect(await failure(api.listRequests(8001))).toEqual({ kind: 'malformed', status: 304 });
  });
});

describe('one rate-limit gate for every client of the worker', () => {
  it("after one client's 429, neither its retry nor another client's call leaves before Retry-After", async () => {
    let now = 1_000_000;
    const timers: { at: number; run: () => void }[] = [];
    const gate = createRateGate({
      clock: { now: () => now, after: (ms, run) => void timers.push({ at: now + ms, run }) },
    });
    const sent: { url: string; at: number }[] = [];
    let first = true;
    const fetch = vi.fn(async (url: RequestInfo | URL) => {
      sent.push({ url: String(url), at: now });
      if (first) {
        first = false;
        return new Response('', { status: 429, headers: { 'Retry-After': '5' } });
      }
      return new Response(JSON.stringify(me), { status: 200 });
    });
    const sleep = vi.fn(async () => undefined);
    const one = createApiClient({ baseUrl: BASE, token: 'a' }, { fetch, gate, sleep });
    const other = createApiClient({ baseUrl: BASE, token: 'b' }, { fetch, gate, sleep });
    const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
    const calls = [one.me()];
    await tick();
    calls.push(other.me());
    await tick();
    expect(sent).toHaveLength(1);
    now += 5_000;
    for (const timer of timers.splice(0)) timer.run();
    await Promise.all(calls);
    expect(sent.map((s) => s.at)).toEqual([1_000_000, 1_005_000, 1_005_000]);
    // The wait was the gate's, not the client's own backoff.
    expect(sleep).toHaveBeenCalledWith(0);
  });
});
