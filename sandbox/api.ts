/** The integration API of `docs/contract/openapi.yaml`, plus what only the sandbox's own pages use (vendor list and PATCH, accept, reject). */
import { createHash } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { REQUEST_STATUSES, type ErpRequest, type User, type Vendor } from './model';
import { paginate } from './pagination';
import { notFound, Problem } from './problem';
import type { Account, RequestFilters } from './account';
import { permissionManifest } from './permission-manifest';
import { settingsBody } from './export-rules';
import { bearer } from './traffic';

export type Env = { Bindings: HttpBindings; Variables: { user: User } };

const vendorJson = ({ companyId: _, ...vendor }: Vendor) => vendor;
/** A request as the API answers it: the account's own company field left out. */
export const requestJson = ({ companyId, ...request }: ErpRequest) => ({ company_id: companyId, ...request });

/** A path segment as a record id; anything else is 404, as an unknown record. */
export function id(c: Context, name: string): number {
  const value = Number(c.req.param(name));
  if (!Number.isSafeInteger(value) || value < 1) throw notFound('Resource');
  return value;
}

/** `company_id` from the query, else the `Procore-Company-Id` header, as Procore accepts either. */
function companyIdOf(c: Context): number {
  const raw = c.req.query('company_id') ?? c.req.header('Procore-Company-Id');
  const value = Number(raw);
  if (raw === undefined || !Number.isSafeInteger(value))
    throw new Problem(400, { errors: { company_id: ['is required'] } });
  return value;
}

async function jsonBody(c: Context, required: boolean): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') {
    if (required) throw new Problem(400, { message: 'A JSON body is required' });
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new Problem(400, { message: 'The body is not valid JSON' });
  }
}

function requestFilters(url: URL): RequestFilters {
  const q = url.searchParams;
  const filters: RequestFilters = {};
  const bad = (name: string, message: string) => new Problem(400, { errors: { [name]: [message] } });
  const itemType = q.get('filters[item_type]');
  if (itemType !== null) filters.itemType = itemType;
  const itemId = q.get('filters[item_id]');
  if (itemId !== null) {
    filters.itemId = Number(itemId);
    if (!Number.isSafeInteger(filters.itemId)) throw bad('filters[item_id]', 'must be a whole number');
  }
  const itemIds = q.getAll('filters[item_id][]').map(Number);
  if (itemIds.some((n) => !Number.isSafeInteger(n))) throw bad('filters[item_id][]', 'must be whole numbers');
  if (itemIds.length > 0) filters.itemIds = itemIds;
  const statuses = [...q.getAll('filters[status][]'), ...q.getAll('filters[status]').flatMap((s) => s.split(','))];
  for (const status of statuses) {
    if (!(REQUEST_STATUSES as readonly string[]).includes(status))
      throw bad('filters[status]', `unknown status "${status}"`);
  }
  if (statuses.length > 0) filters.statuses = statuses;
  const since = q.get('filters[updated_since]');
  if (since !== null) {
    filters.updatedSince = Date.parse(since);
    if (Number.isNaN(filters.updatedSince)) throw bad('filters[updated_since]', 'must be an ISO 8601 time');
  }
  return filters;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

/** The token's user, for the handlers after it (`c.get('user')`); 401 without one. */
export const signedIn =
  (account: Account): MiddlewareHandler<Env> =>
  async (c, next) => {
    const user = account.userByToken(bearer(c));
    if (!user) return c.json({ message: 'The access token is missing, invalid or expired' }, 401);
    c.set('user', user);
    await next();
  };

export function apiRoutes(account: Account): Hono<Env> {
  const api = new Hono<Env>();
  api.use('*', signedIn(account));

  api.get('/me', (c) => {
    const { id: userId, login, name } = c.get('user');
    return c.json({ id: userId, login, name });
  });

  api.get('/companies/:company/erp/settings', (c) => {
    return c.json(settingsBody(account.company(id(c, 'company'))));
  });

  // Procore's permission manifest: `company_id` for a company's tools, `project_id` for a project's.
  api.get('/settings/permissions', (c) => {
    const projectId = c.req.query('project_id');
    if (projectId === undefined) {
      account.company(companyIdOf(c));
      return c.json(permissionManifest(c.get('user')));
    }
    const project = account.project(Number(projectId));
    return c.json(permissionManifest(c.get('user'), project.id));
  });

  api.get('/companies', (c) => {
    const page = paginate(
      new URL(c.req.url),
      account.companies().map(({ id: companyId, name }) => ({ id: companyId, name, is_active: true })),
    );
    return c.json(page.items, 200, page.headers);
  });

  api.get('/projects/:project', (c) => c.json(account.project(id(c, 'project'))));

  api.get('/vendors', (c) => {
    const page = paginate(new URL(c.req.url), account.vendorsOf(companyIdOf(c)));
    return c.json(page.items.map(vendorJson), 200, page.headers);
  });

  api.get('/vendors/:vendor', (c) => c.json(vendorJson(account.vendor(companyIdOf(c), id(c, 'vendor')))));

  api.patch('/vendors/:vendor', async (c) => {
    const body = await jsonBody(c, true);
    return c.json(vendorJson(account.patchVendor(companyIdOf(c), id(c, 'vendor'), c.get('user'), body)));
  });

  erpRequestRoutes(api, account);
  api.all('*', (c) => c.json({ message: 'Not found' }, 404));
  return api;
}

/** The ERP requests: list (with ETag), create (idempotent), one, retrieve, and the approver's accept and reject. */
function erpRequestRoutes(api: Hono<Env>, account: Account): void {
  api.get('/companies/:company/erp/requests', (c) => {
    const url = new URL(c.req.url);
    const page = paginate(url, account.listRequests(id(c, 'company'), requestFilters(url)));
    const body = JSON.stringify(page.items.map(requestJson));
    const etag = `"${createHash('sha1').update(`${page.headers.Total}|${body}`).digest('hex')}"`;
    if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304, { ETag: etag });
    return c.body(body, 200, { ...page.headers, ETag: etag, 'Content-Type': 'application/json' });
  });

  api.post('/companies/:company/erp/requests', async (c) => {
    const body = await jsonBody(c, true);
    const { request, replay } = account.createRequest(
      id(c, 'company'),
      c.get('user'),
      body,
      c.req.header('Idempotency-Key') ?? null,
    );
    return c.json(requestJson(request), replay ? 200 : 201, replay ? { 'Idempotent-Replayed': 'true' } : {});
  });

  api.get('/companies/:company/erp/requests/:request', (c) =>
    c.json(requestJson(account.request(id(c, 'company'), id(c, 'request')))),
  );

  api.post('/companies/:company/erp/requests/:request/retrieve', (c) =>
    c.json(requestJson(account.retrieve(id(c, 'company'), id(c, 'request'), c.get('user')))),
  );

  api.post('/companies/:company/erp/requests/:request/accept', async (c) => {
    const body = await jsonBody(c, true);
    return c.json(requestJson(account.accept(id(c, 'company'), id(c, 'request'), c.get('user'), body)));
  });

  api.post('/companies/:company/erp/requests/:request/reject', async (c) => {
    const body = await jsonBody(c, false);
    return c.json(requestJson(account.reject(id(c, 'company'), id(c, 'request'), c.get('user'), body)));
  });
}
