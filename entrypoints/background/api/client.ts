/**
 * The integration API (domain notes, part C) as typed calls. Background and options only: it imports zod.
 * Every failure becomes an `ApiError` carrying a `UserError`; transient failures are retried here, so callers never loop.
 */
import type { z } from 'zod';
import {
  erpRequestListSchema,
  erpRequestSchema,
  erpSettingsSchema,
  errorBodySchema,
  meSchema,
  permissionSchema,
  projectSchema,
  vendorSchema,
  type ErpRequest,
  type ErpSettings,
  type Me,
  type PermissionLevel,
  type Project,
  type Vendor,
} from '../../../lib/contract/api-bodies';
import type { ErrorKind, UserError } from '../../../lib/contract/errors';
import { backoffDelay, DEFAULT_BACKOFF, retryAfterDelay, serverDelay } from './retry';
import type { ErpStatus } from '../../../lib/erp/status';

export interface ApiConfig {
  baseUrl: string;
  token: string;
}

export interface ApiClientOptions {
  fetch?: typeof fetch;
  /** Per attempt, from sending the request to the end of its body. */
  timeoutMs?: number;
  /** Retries after the first attempt, for transient failures only. */
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Called for every HTTP request sent (each page of a list, each retry): what a server's rate limit counts. */
  onRequest?: () => void;
}

export class ApiError extends Error {
  constructor(readonly error: UserError) {
    super(`API error: ${error.kind}${error.status ? ` (HTTP ${error.status})` : ''}${error.detail ? `: ${error.detail}` : ''}`);
    this.name = 'ApiError';
  }
}

export interface RequestFilters {
  itemId?: number;
  status?: ErpStatus[];
  /** ISO 8601 time: only requests changed since then. */
  updatedSince?: string;
}

export interface ListResult {
  requests: ErpRequest[];
  etag: string | null;
  /** The server answered 304 to `If-None-Match`: nothing changed, `requests` is empty. */
  notModified: boolean;
}

export interface ApiClient {
  me(): Promise<Me>;
  settings(companyId: number): Promise<ErpSettings>;
  permission(companyId: number): Promise<PermissionLevel>;
  project(projectId: number): Promise<Project>;
  vendor(companyId: number, vendorId: number): Promise<Vendor>;
  /** Safe to retry: the server returns the request already created for the same `idempotencyKey`. */
  createRequest(companyId: number, vendorId: number, idempotencyKey: string): Promise<ErpRequest>;
  /** Follows every page. */
  listRequests(companyId: number, filters?: RequestFilters, etag?: string | null): Promise<ListResult>;
  getRequest(companyId: number, requestId: number): Promise<ErpRequest>;
  retrieveRequest(companyId: number, requestId: number): Promise<ErpRequest>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_RETRIES = 4;
const PER_PAGE = 100;
/** 20,000 requests: a server that links further is looping. */
const MAX_PAGES = 200;

const STATUS_KIND: Partial<Record<number, ErrorKind>> = {
  400: 'validation',
  401: 'auth',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'validation',
  429: 'rate_limited',
};

type Attempt =
  | { kind: 'response'; status: number; headers: Headers; text: string }
  | { kind: 'timeout' | 'network' };

type Answered = Extract<Attempt, { kind: 'response' }>;

const isTransientStatus = (status: number): boolean => status === 429 || status >= 500;

function originOf(href: string): string | null {
  try {
    return new URL(href).origin;
  } catch {
    return null;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A non-2xx answer as the UI explains it, with the server's own words when its body follows the contract. */
function statusError(status: number, text: string): UserError {
  const kind = STATUS_KIND[status] ?? (status >= 500 ? 'server' : 'malformed');
  const body = errorBodySchema.safeParse(parseJson(text));
  if (!body.success) return { kind, status };
  return 'errors' in body.data ? { kind, status, fieldErrors: body.data.errors } : { kind, status, detail: body.data.message };
}

function expectBody<T>(response: Answered, schema: z.ZodType<T>): T {
  if (response.status < 200 || response.status > 299) throw new ApiError(statusError(response.status, response.text));
  const parsed = schema.safeParse(parseJson(response.text));
  if (!parsed.success) throw new ApiError({ kind: 'malformed', status: response.status });
  return parsed.data;
}

/** The `rel="next"` target of a `Link` header, or null. */
function linkNext(link: string): string | null {
  for (const part of link.split(',')) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (match?.[1] !== undefined && /;\s*rel\s*=\s*"?[^"]*\bnext\b/i.test(match[2] ?? '')) return match[1];
  }
  return null;
}

export function createApiClient(config: ApiConfig, options: ApiClientOptions = {}): ApiClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const policy = { ...DEFAULT_BACKOFF, random: options.random ?? Math.random };
  const root = `${config.baseUrl.replace(/\/+$/, '')}/rest/v1.0`;
  const rootOrigin = originOf(root);

  const url = (path: string, query?: URLSearchParams): string => {
    const search = query?.toString();
    return `${root}${path}${search ? `?${search}` : ''}`;
  };

  const headers = (companyId: number | null, extra: Record<string, string> = {}): Record<string, string> => ({
    Accept: 'application/json',
    Authorization: `Bearer ${config.token}`,
    ...(companyId === null ? {} : { 'Procore-Company-Id': String(companyId) }),
    ...extra,
  });

  /** One attempt; the timeout covers the body too, and wins even over a fetch that ignores its signal. */
  async function attempt(target: string, init: RequestInit): Promise<Attempt> {
    const controller = new AbortController();
    const timedOut = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(new Error('timeout')), { once: true });
    });
    timedOut.catch(() => undefined);
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    options.onRequest?.();
    try {
      const response = await Promise.race([doFetch(target, { ...init, signal: controller.signal }), timedOut]);
      const text = await Promise.race([response.text(), timedOut]);
      return { kind: 'response', status: response.status, headers: response.headers, text };
    } catch {
      return { kind: controller.signal.aborted ? 'timeout' : 'network' };
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The server's requested wait counts only where HTTP defines it: a 429 (Retry-After, else the rate-limit reset) and
   * a 503 (Retry-After only: Procore sends X-Rate-Limit-Reset on every answer, and a 503 is not the budget running out).
   * Otherwise exponential backoff.
   */
  function waitBefore(retry: number, failed: Attempt): number {
    const asked = failed.kind !== 'response' ? null
      : failed.status === 429 ? serverDelay(failed.headers, Date.now())
      : failed.status === 503 ? retryAfterDelay(failed.headers, Date.now())
      : null;
    return Math.min(policy.cap, asked ?? backoffDelay(retry, policy));
  }

  /** Sends with retries; answers the first non-transient response (any status), or throws once retries run out. */
  async function exchange(target: string, init: RequestInit): Promise<Answered> {
    // Retrying cannot fix missing settings: say so at once.
    if (rootOrigin === null || !config.token) throw new ApiError({ kind: 'not_configured' });
    for (let retry = 0; ; retry++) {
      const result = await attempt(target, init);
      if (result.kind === 'response' && !isTransientStatus(result.status)) return result;
      if (retry >= maxRetries) {
        throw new ApiError(result.kind === 'response' ? statusError(result.status, result.text) : { kind: result.kind });
      }
      await sleep(waitBefore(retry, result));
    }
  }

  const get = async <T>(schema: z.ZodType<T>, path: string, companyId: number | null, query?: URLSearchParams) =>
    expectBody(await exchange(url(path, query), { method: 'GET', headers: headers(companyId) }), schema);

  const post = async <T>(schema: z.ZodType<T>, path: string, companyId: number, body?: unknown, extra?: Record<string, string>) =>
    expectBody(
      await exchange(url(path), {
        method: 'POST',
        headers: headers(companyId, body === undefined ? extra : { 'Content-Type': 'application/json', ...extra }),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
      schema,
    );

  /** Where the next page is: the `Link` header when the server sends one, else the page count from `Total`. */
  function nextPage(response: Answered, current: string, page: number, received: number): string | null {
    const link = response.headers.get('link');
    if (link !== null) {
      const target = linkNext(link);
      if (target === null) return null;
      let next: URL;
      try {
        next = new URL(target, current);
      } catch {
        throw new ApiError({ kind: 'malformed', status: response.status });
      }
      // The token goes with every request: never follow a link to another origin.
      if (next.origin !== rootOrigin) throw new ApiError({ kind: 'malformed', status: response.status });
      return next.href;
    }
    const total = Number(response.headers.get('total'));
    const perPage = Number(response.headers.get('per-page')) || PER_PAGE;
    if (!Number.isFinite(total) || received === 0 || page * perPage >= total) return null;
    const next = new URL(current);
    next.searchParams.set('page', String(page + 1));
    return next.href;
  }

  return {
    me: () => get(meSchema, '/me', null),
    settings: (companyId) => get(erpSettingsSchema, `/companies/${companyId}/erp/settings`, companyId),
    permission: async (companyId) =>
      (await get(permissionSchema, `/companies/${companyId}/permissions/directory`, companyId)).level,
    project: (projectId) => get(projectSchema, `/projects/${projectId}`, null),
    vendor: (companyId, vendorId) =>
      get(vendorSchema, `/vendors/${vendorId}`, companyId, new URLSearchParams({ company_id: String(companyId), view: 'erp' })),
    createRequest: (companyId, vendorId, idempotencyKey) =>
      post(erpRequestSchema, `/companies/${companyId}/erp/requests`, companyId, { item_type: 'vendor', item_id: vendorId }, {
        'Idempotency-Key': idempotencyKey,
      }),
    getRequest: (companyId, requestId) => get(erpRequestSchema, `/companies/${companyId}/erp/requests/${requestId}`, companyId),
    retrieveRequest: (companyId, requestId) =>
      post(erpRequestSchema, `/companies/${companyId}/erp/requests/${requestId}/retrieve`, companyId),

    async listRequests(companyId, filters = {}, etag = null) {
      const query = new URLSearchParams({ 'filters[item_type]': 'vendor' });
      if (filters.itemId !== undefined) query.set('filters[item_id]', String(filters.itemId));
      for (const status of filters.status ?? []) query.append('filters[status][]', status);
      if (filters.updatedSince) query.set('filters[updated_since]', filters.updatedSince);
      query.set('per_page', String(PER_PAGE));
      query.set('page', '1');

      const requests: ErpRequest[] = [];
      let responseEtag: string | null = null;
      let target: string | null = url(`/companies/${companyId}/erp/requests`, query);
      for (let page = 1; target !== null; page++) {
        if (page > MAX_PAGES) throw new ApiError({ kind: 'malformed' });
        // Only the first page is conditional: the ETag stands for the whole list.
        const conditional = page === 1 && etag ? { 'If-None-Match': etag } : undefined;
        const response = await exchange(target, { method: 'GET', headers: headers(companyId, conditional) });
        if (conditional && response.status === 304) {
          return { requests: [], etag: response.headers.get('etag') ?? etag, notModified: true };
        }
        const list = expectBody(response, erpRequestListSchema);
        if (page === 1) responseEtag = response.headers.get('etag');
        requests.push(...list);
        target = nextPage(response, target, page, list.length);
      }
      return { requests, etag: responseEtag, notModified: false };
    },
  };
}
