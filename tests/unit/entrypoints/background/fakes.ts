/**
 * Test support for the background: an in-memory integration API that keeps the contract's promises (an
 * Idempotency-Key always returns the same request; 409 for a second pending one; ETags), counts calls, and can fail.
 */
import { ApiError, type ApiClient, type ListResult, type RequestFilters } from '@/entrypoints/background/api/client';
import type { ErpRequest, Vendor } from '@/lib/contract/api-bodies';
import type { UserError } from '@/lib/contract/errors';
import { requestRecord, settingsRecord, vendorRecord } from '../../records';
import type { TrackedMap, TrackedRequest } from '@/lib/contract/tracked-request';
import type { ErpStatus } from '@/lib/erp/status';

export const ORIGIN = 'https://app.procore.com';
export const T0 = Date.parse('2026-11-20T10:00:00Z');

export const SETTINGS = settingsRecord({ rules: {} });

export const vendor = (id: number, name = `Vendor ${id}`): Vendor =>
  vendorRecord({ id, name, abbreviated_name: '', updated_at: '2026-11-01T00:00:00Z' });

export const request = (
  id: number,
  itemId: number,
  status: ErpStatus,
  at: string,
  extra: Partial<ErpRequest> = {},
): ErpRequest =>
  requestRecord({
    id,
    item_id: itemId,
    item_name: `Vendor ${itemId}`,
    status,
    created_at: at,
    updated_at: at,
    ...extra,
  });

type Method = keyof ApiClient;

/** A failure planned for the next call of a method. `after`: the server does the work, then the answer is lost. */
interface Fault {
  method: Method;
  error: UserError;
  after?: boolean;
}

export class FakeApi implements ApiClient {
  requests = new Map<number, ErpRequest[]>();
  byKey = new Map<string, ErpRequest>();
  created: ErpRequest[] = [];
  calls: { method: Method; args: unknown[] }[] = [];
  faults: Fault[] = [];
  /** Told of every call, as the real client tells of every HTTP request (the background's hourly budget). */
  onRequest: () => void = () => undefined;
  /** createRequest calls that never answer (a worker stopped mid-send). */
  hangCreates = false;
  /** By company: items of another company each list answer left out (the client counts them). */
  foreign = new Map<number, number>();
  /** Vendors whose saved record differs from `vendor(id)`'s. */
  vendors = new Map<number, Partial<Vendor>>();
  /** The signed-in user. */
  user = { id: 1, login: 'alex.admin@example.com', name: 'Alex Admin' };
  clock = T0;
  private nextId = 1000;

  countOf = (method: Method): number => this.calls.filter((c) => c.method === method).length;

  failNext(method: Method, error: UserError, after = false): void {
    this.faults.push({ method, error, after });
  }

  /** The approver's side: changes a request's status on the server. */
  decide(companyId: number, requestId: number, status: ErpStatus, extra: Partial<ErpRequest> = {}): ErpRequest {
    this.clock += 60_000;
    const list = this.requests.get(companyId) ?? [];
    const index = list.findIndex((r) => r.id === requestId);
    const updated = { ...list[index]!, status, updated_at: new Date(this.clock).toISOString(), ...extra };
    list[index] = updated;
    return updated;
  }

  seed(companyId: number, ...requests: ErpRequest[]): void {
    this.requests.set(companyId, [...(this.requests.get(companyId) ?? []), ...requests]);
  }

  private async enter(method: Method, args: unknown[]): Promise<Fault | undefined> {
    this.calls.push({ method, args });
    this.onRequest();
    await Promise.resolve();
    const index = this.faults.findIndex((f) => f.method === method);
    if (index < 0) return undefined;
    const [fault] = this.faults.splice(index, 1);
    if (!fault!.after) throw new ApiError(fault!.error);
    return fault;
  }

  async me() {
    await this.enter('me', []);
    return this.user;
  }
  async settings(companyId: number) {
    await this.enter('settings', [companyId]);
    return SETTINGS;
  }
  /** Admin everywhere but on project 502's Directory, as the sandbox's admin is. */
  async permission(companyId: number, projectId?: number) {
    await this.enter('permission', projectId === undefined ? [companyId] : [companyId, projectId]);
    return projectId === 502 ? ('standard' as const) : ('admin' as const);
  }
  async project(projectId: number) {
    await this.enter('project', [projectId]);
    return { id: projectId, name: 'Riverside Tower', company: { id: 8001, name: 'Summit Builders' } };
  }
  async vendor(companyId: number, vendorId: number) {
    await this.enter('vendor', [companyId, vendorId]);
    return { ...vendor(vendorId), ...this.vendors.get(vendorId) };
  }

  async createRequest(companyId: number, vendorId: number, idempotencyKey: string): Promise<ErpRequest> {
    if (this.hangCreates) {
      this.calls.push({ method: 'createRequest', args: [companyId, vendorId, idempotencyKey] });
      return new Promise<ErpRequest>(() => undefined);
    }
    const fault = await this.enter('createRequest', [companyId, vendorId, idempotencyKey]);
    const replay = this.byKey.get(idempotencyKey);
    if (replay) return replay;
    const list = this.requests.get(companyId) ?? [];
    if (list.some((r) => r.item_id === vendorId && (r.status === 'pending_acceptance' || r.status === 'accepted'))) {
      throw new ApiError({ kind: 'conflict', status: 409 });
    }
    this.clock += 1000;
    const created = request(this.nextId++, vendorId, 'pending_acceptance', new Date(this.clock).toISOString());
    this.seed(companyId, created);
    this.byKey.set(idempotencyKey, created);
    this.created.push(created);
    if (fault) throw new ApiError(fault.error);
    return created;
  }

  async listRequests(companyId: number, filters: RequestFilters = {}, etag: string | null = null): Promise<ListResult> {
    await this.enter('listRequests', [companyId, filters, etag]);
    const found = (this.requests.get(companyId) ?? []).filter(
      (r) =>
        (filters.itemId === undefined || r.item_id === filters.itemId) &&
        (filters.itemIds === undefined || filters.itemIds.includes(r.item_id)) &&
        (filters.status === undefined || filters.status.includes(r.status)) &&
        (filters.updatedSince === undefined || r.updated_at >= filters.updatedSince),
    );
    const tag = `"${JSON.stringify(found).length}-${found.map((r) => `${r.id}${r.updated_at}`).join()}"`;
    if (etag === tag) return { requests: [], etag: tag, notModified: true, foreign: 0 };
    return { requests: found, etag: tag, notModified: false, foreign: this.foreign.get(companyId) ?? 0 };
  }

  async getRequest(companyId: number, requestId: number) {
    await this.enter('getRequest', [companyId, requestId]);
    const found = this.requests.get(companyId)?.find((r) => r.id === requestId);
    if (!found) throw new ApiError({ kind: 'not_found', status: 404 });
    return found;
  }

  async retrieveRequest(companyId: number, requestId: number) {
    await this.enter('retrieveRequest', [companyId, requestId]);
    const found = this.requests.get(companyId)?.find((r) => r.id === requestId);
    if (!found) throw new ApiError({ kind: 'not_found', status: 404 });
    if (found.status !== 'pending_acceptance') throw new ApiError({ kind: 'conflict', status: 409 });
    return this.decide(companyId, requestId, 'retrieved');
  }
}

export const CONTENT_SENDER = (tabId = 7, url = `${ORIGIN}/8001/company/directory/vendors/101/edit`) => ({
  id: 'test-extension-id',
  url,
  tab: { id: tabId, url },
});
export const POPUP_SENDER = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };

/** A tracked request of company `companyId` (time `at`, told status `notified`). */
export function trackedEntry(
  companyId: number,
  id: number,
  status: ErpStatus,
  itemId = id,
  at = '2026-11-20T10:00:00.000Z',
  notified: ErpStatus | null = status,
): TrackedRequest {
  return { request: request(id, itemId, status, at), companyId, origin: ORIGIN, notifiedStatus: notified };
}

export const trackedMap = (...entries: TrackedRequest[]): TrackedMap =>
  Object.fromEntries(entries.map((e) => [`${e.companyId}:${e.request.id}`, e]));
