/**
 * The integration API (`docs/contract/openapi.yaml`) as typed calls; the only code that talks to it. Background only: it
 * imports zod. Every failure becomes an `ApiError` carrying a `UserError`; transient failures are retried in
 * `http.ts`, so callers never loop.
 */
import type { z } from 'zod/mini';
import {
  listedRequestsSchema,
  erpRequestSchema,
  erpSettingsSchema,
  meSchema,
  permissionManifestSchema,
  directoryLevel,
  projectSchema,
  vendorSchema,
  type ErpRequest,
  type Me,
  type PermissionLevel,
  type Project,
  type Vendor,
} from '@/lib/contract/api-bodies';
import { exportSettings, type ErpSettings } from '@/lib/erp/export-settings';
import type { ErpStatus } from '@/lib/erp/status';
import { webOrigin } from '@/lib/extension/web-origin';
import { ApiError } from './api-error';
import { createExchange, expectBody, type Answered, type HttpOptions } from './http';
import type { CallKind } from './rate-gate';
import { nextPage, PER_PAGE } from './paging';

export { ApiError } from './api-error';
export { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './http';

/** Unknown validators already said, by company: the settings are read again every minute, the warning comes once. */
const saidIgnored = new Set<string>();

/** An integration's metadata may name a validator this extension does not know: it is ignored, with one warning. */
function sayIgnored(companyId: number, settings: ErpSettings): ErpSettings {
  const fresh = settings.ignored.filter((name) => !saidIgnored.has(`${companyId}:${name}`));
  if (fresh.length > 0) {
    for (const name of fresh) saidIgnored.add(`${companyId}:${name}`);
    console.warn(
      `ERP Resend: company ${companyId}'s ERP metadata has export validators this extension does not know; they are not checked before sending: ${fresh.join(', ')}`,
    );
  }
  return settings;
}

export interface ApiConfig {
  baseUrl: string;
  token: string;
}

export type ApiClientOptions = HttpOptions;

export interface RequestFilters {
  itemId?: number;
  /** `filters[item_id][]`: the requests of several vendors at once (a Directory list page's). */
  itemIds?: readonly number[];
  status?: readonly ErpStatus[];
  /** ISO 8601 time: only requests changed since then. */
  updatedSince?: string;
}

export interface ListResult {
  requests: ErpRequest[];
  etag: string | null;
  /** The server answered 304 to `If-None-Match`: nothing changed, `requests` is empty. */
  notModified: boolean;
  /** Items that named another company than the one asked: left out of `requests`. */
  foreign: number;
}

export interface ApiClient {
  me(): Promise<Me>;
  settings(companyId: number): Promise<ErpSettings>;
  /** The admin's level on the Directory, from Procore's permission manifest: the project's when a project is named. */
  permission(companyId: number, projectId?: number): Promise<PermissionLevel>;
  project(projectId: number): Promise<Project>;
  vendor(companyId: number, vendorId: number): Promise<Vendor>;
  /** Safe to retry: the server returns the request already created for the same `idempotencyKey`. */
  createRequest(companyId: number, vendorId: number, idempotencyKey: string): Promise<ErpRequest>;
  /** Follows every page. `kind`: a poll's lists wait behind pages and sends when the rate limit holds calls. */
  listRequests(companyId: number, filters?: RequestFilters, etag?: string | null, kind?: CallKind): Promise<ListResult>;
  getRequest(companyId: number, requestId: number): Promise<ErpRequest>;
  retrieveRequest(companyId: number, requestId: number): Promise<ErpRequest>;
}

/** 20,000 requests: a server that links further is looping. */
const MAX_PAGES = 200;

const listQuery = (filters: RequestFilters): URLSearchParams => {
  const query = new URLSearchParams({ 'filters[item_type]': 'vendor' });
  if (filters.itemId !== undefined) query.set('filters[item_id]', String(filters.itemId));
  for (const itemId of filters.itemIds ?? []) query.append('filters[item_id][]', String(itemId));
  for (const status of filters.status ?? []) query.append('filters[status][]', status);
  if (filters.updatedSince) query.set('filters[updated_since]', filters.updatedSince);
  query.set('per_page', String(PER_PAGE));
  query.set('page', '1');
  return query;
};

type Send = (
  target: string,
  method: 'GET' | 'POST',
  companyId: number | null,
  extra?: Record<string, string>,
  body?: unknown,
  kind?: CallKind,
) => Promise<Answered>;

/** Sends one request with the token and the company header, through the retrying exchange. */
function authorizedSend(config: ApiConfig, options: ApiClientOptions, rootOrigin: string | null): Send {
  const exchange = createExchange(options);
  // What waits on a call when the rate limit holds them: a POST is an admin's send or retrieve, a GET a page's view.
  return (target, method, companyId, extra = {}, body, kind = method === 'POST' ? 'send' : 'page') => {
    // Retrying cannot fix missing settings: say so at once.
    if (rootOrigin === null || !config.token) throw new ApiError({ kind: 'not_configured' });
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${config.token}`,
      ...(companyId === null ? {} : { 'Procore-Company-Id': String(companyId) }),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...extra,
    };
    const init = { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
    return exchange(target, init, kind);
  };
}

/** Every page of a request list; a 304 to the first page's `If-None-Match` means nothing changed. */
async function listAllPages(
  send: Send,
  first: string,
  companyId: number,
  etag: string | null,
  rootOrigin: string,
  kind: CallKind,
): Promise<ListResult> {
  const requests: ErpRequest[] = [];
  let foreign = 0;
  let responseEtag: string | null = null;
  let target: string | null = first;
  for (let page = 1; target !== null; page++) {
    if (page > MAX_PAGES) throw new ApiError({ kind: 'malformed' });
    // Only the first page is conditional: the ETag stands for the whole list.
    const conditional = page === 1 && etag ? { 'If-None-Match': etag } : undefined;
    const response = await send(target, 'GET', companyId, conditional, undefined, kind);
    if (conditional && response.status === 304) {
      return { requests: [], etag: response.headers.get('etag') ?? etag, notModified: true, foreign: 0 };
    }
    const list = expectBody(response, listedRequestsSchema);
    if (page === 1) responseEtag = response.headers.get('etag');
    for (const { company_id, ...request } of list) {
      if (company_id === undefined || company_id === companyId) requests.push(request);
      else foreign++;
    }
    target = nextPage(response, target, page, list.length, rootOrigin);
  }
  return { requests, etag: responseEtag, notModified: false, foreign };
}

export function createApiClient(config: ApiConfig, options: ApiClientOptions = {}): ApiClient {
  const root = `${config.baseUrl.replace(/\/+$/, '')}/rest/v1.0`;
  const rootOrigin = webOrigin(root);
  const send = authorizedSend(config, options, rootOrigin);

  const url = (path: string, query?: URLSearchParams): string => {
    const search = query?.toString();
    return `${root}${path}${search ? `?${search}` : ''}`;
  };
  const get = async <T>(schema: z.ZodMiniType<T>, path: string, companyId: number | null, query?: URLSearchParams) =>
    expectBody(await send(url(path, query), 'GET', companyId), schema);
  const post = async <T>(
    schema: z.ZodMiniType<T>,
    path: string,
    companyId: number,
    body?: unknown,
    extra?: Record<string, string>,
  ) => expectBody(await send(url(path), 'POST', companyId, extra, body), schema);

  return {
    me: () => get(meSchema, '/me', null),
    settings: async (companyId) =>
      sayIgnored(
        companyId,
        exportSettings(await get(erpSettingsSchema, `/companies/${companyId}/erp/settings`, companyId)),
      ),
    permission: async (companyId, projectId) => {
      const query = new URLSearchParams(
        projectId === undefined ? { company_id: String(companyId) } : { project_id: String(projectId) },
      );
      return directoryLevel(await get(permissionManifestSchema, '/settings/permissions', companyId, query));
    },
    project: (projectId) => get(projectSchema, `/projects/${projectId}`, null),
    vendor: (companyId, vendorId) =>
      get(
        vendorSchema,
        `/vendors/${vendorId}`,
        companyId,
        new URLSearchParams({ company_id: String(companyId), view: 'erp' }),
      ),
    createRequest: (companyId, vendorId, idempotencyKey) =>
      post(
        erpRequestSchema,
        `/companies/${companyId}/erp/requests`,
        companyId,
        { item_type: 'vendor', item_id: vendorId },
        {
          'Idempotency-Key': idempotencyKey,
        },
      ),
    getRequest: (companyId, requestId) =>
      get(erpRequestSchema, `/companies/${companyId}/erp/requests/${requestId}`, companyId),
    retrieveRequest: (companyId, requestId) =>
      post(erpRequestSchema, `/companies/${companyId}/erp/requests/${requestId}/retrieve`, companyId),
    listRequests: (companyId, filters = {}, etag = null, kind = 'page') =>
      listAllPages(
        send,
        url(`/companies/${companyId}/erp/requests`, listQuery(filters)),
        companyId,
        etag,
        rootOrigin!,
        kind,
      ),
  };
}
