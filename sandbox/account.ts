/**
 * The sandbox's Procore account in memory and every change the API can make to it. Rules of the workflow
 * (send, retrieve, accept, reject, export) live here; HTTP details live in `api.ts`.
 */
import { companySettings, exportErrors } from './export-rules';
import { exportsCompany } from '../lib/erp/export-settings';
import {
  person,
  sentRequest,
  VENDOR_TEXT_FIELDS,
  type Company,
  type Db,
  type ErpRequest,
  type RequestStatus,
  type User,
  type Vendor,
} from './model';
import { conflict, forbidden, invalid, notFound, Problem } from './problem';
import { seed } from './seed';

const VENDOR_TYPES = ['subcontractor', 'supplier', 'consultant'] as const;

export interface RequestFilters {
  itemType?: string;
  itemId?: number;
  itemIds?: number[];
  statuses?: string[];
  updatedSince?: number;
}

const OPEN: ReadonlySet<RequestStatus> = new Set(['pending_acceptance', 'accepted']);
const nowIso = () => new Date().toISOString();
const snapshot = <T>(value: T): T => structuredClone(value);

export class Account {
  db: Db;
  /** Requests created (by the API's POST or Procore's own button), never replays: the tests' exactly-once counter. */
  created: ErpRequest[] = [];
  private idempotency = new Map<string, { requestId: number; itemId: number }>();
  private timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly syncDelayMs: number,
    private readonly seeded: () => Db = seed,
  ) {
    this.db = seeded();
  }

  reset(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.db = this.seeded();
    this.created = [];
    this.idempotency.clear();
  }

  userByToken(token: string | null): User | undefined {
    return token ? this.db.users.find((u) => u.token === token) : undefined;
  }

  companies(): Company[] {
    return this.db.companies;
  }

  company(id: number): Company {
    const company = this.db.companies.find((c) => c.id === id);
    if (!company) throw notFound('Company');
    return company;
  }

  project(id: number) {
    const project = this.db.projects.find((p) => p.id === id);
    if (!project) throw notFound('Project');
    const company = this.company(project.companyId);
    return { id: project.id, name: project.name, company: { id: company.id, name: company.name } };
  }

  vendorsOf(companyId: number): Vendor[] {
    this.company(companyId);
    return this.db.vendors.filter((v) => v.companyId === companyId);
  }

  vendor(companyId: number, vendorId: number): Vendor {
    const vendor = this.vendorsOf(companyId).find((v) => v.id === vendorId);
    if (!vendor) throw notFound('Vendor');
    return vendor;
  }

  /** The page's Save. A vendor waiting for the approver is locked, as in Procore. */
  patchVendor(companyId: number, vendorId: number, user: User, body: unknown): Vendor {
    requireAdmin(user);
    const vendor = this.vendor(companyId, vendorId);
    const changes = (body && typeof body === 'object' && 'vendor' in body ? body.vendor : body) as Record<
      string,
      unknown
    > | null;
    if (!changes || typeof changes !== 'object')
      throw new Problem(400, { message: 'Body must be a JSON object of vendor fields' });
    if (this.latestRequest(companyId, vendorId)?.status === 'pending_acceptance') {
      throw conflict('This company is waiting for ERP acceptance and cannot be edited. Retrieve it first.');
    }
    const errors: Record<string, string[]> = {};
    for (const field of VENDOR_TEXT_FIELDS) {
      const value = changes[field];
      if (value !== undefined && typeof value !== 'string') errors[field] = ['must be text'];
    }
    if (typeof changes.name === 'string' && changes.name.trim() === '') errors.name = ["can't be blank"];
    if (typeof changes.abbreviated_name === 'string' && changes.abbreviated_name.length > 10) {
      errors.abbreviated_name = ['is too long (maximum is 10 characters)'];
    }
    if (Object.keys(errors).length > 0) throw invalid(errors);
    for (const field of VENDOR_TEXT_FIELDS) {
      const value = changes[field];
      if (typeof value === 'string') vendor[field] = value;
    }
    vendor.updated_at = nowIso();
    return vendor;
  }

  request(companyId: number, requestId: number): ErpRequest {
    this.company(companyId);
    const found = this.db.requests.find((r) => r.companyId === companyId && r.id === requestId);
    if (!found) throw notFound('Request');
    return found;
  }

  /** Newest first. */
  listRequests(companyId: number, filters: RequestFilters): ErpRequest[] {
    this.company(companyId);
    return this.db.requests
      .filter((r) => r.companyId === companyId)
      .filter((r) => filters.itemType === undefined || r.item_type === filters.itemType)
      .filter((r) => filters.itemId === undefined || r.item_id === filters.itemId)
      .filter((r) => filters.itemIds === undefined || filters.itemIds.includes(r.item_id))
      .filter((r) => !filters.statuses?.length || filters.statuses.includes(r.status))
      .filter((r) => filters.updatedSince === undefined || Date.parse(r.updated_at) >= filters.updatedSince)
      .sort((a, b) => b.id - a.id);
  }

  /**
   * Send to ERP. The Idempotency-Key is looked up before anything else, so a retry of a send that succeeded
   * returns that request instead of a 409.
   */
  createRequest(
    companyId: number,
    user: User,
    body: unknown,
    key: string | null,
  ): { request: ErpRequest; replay: boolean } {
    const company = this.company(companyId);
    requireAdmin(user);
    if (!key) throw new Problem(400, { errors: { idempotency_key: ['Idempotency-Key header is required'] } });
    const input = (body ?? {}) as { item_type?: unknown; item_id?: unknown };
    const scopedKey = `${companyId}:${key}`;
    const previous = this.idempotency.get(scopedKey);
    if (previous) {
      if (previous.itemId !== input.item_id)
        throw invalid({ idempotency_key: ['was already used for another request'] });
      return { request: this.request(companyId, previous.requestId), replay: true };
    }
    if (input.item_type !== 'vendor') throw invalid({ item_type: ['must be "vendor"'] });
    if (typeof input.item_id !== 'number') throw invalid({ item_id: ['must be a vendor id'] });
    const request = this.send(company, this.vendor(companyId, input.item_id), user);
    this.idempotency.set(scopedKey, { requestId: request.id, itemId: request.item_id });
    return { request, replay: false };
  }

  /**
   * Procore's own Send to ERP button, through the web app's endpoint: the same checks and the same request, with no
   * Idempotency-Key (Procore's page has none).
   */
  sendFromPage(companyId: number, vendorId: number, user: User): ErpRequest {
    requireAdmin(user);
    return this.send(this.company(companyId), this.vendor(companyId, vendorId), user);
  }

  /** A new request for the vendor, once the workflow and the export rules allow it. */
  private send(company: Company, vendor: Vendor, user: User): ErpRequest {
    if (vendor.synced_to_erp) throw conflict('This company is already synced to the ERP.');
    const latest = this.latestRequest(company.id, vendor.id);
    if (latest && OPEN.has(latest.status)) throw conflict('This company is already waiting for ERP acceptance.');
    const settings = companySettings(company);
    const errors = exportErrors(settings, vendor);
    if (!exportsCompany(settings, vendor)) (errors.base ??= []).push(`${settings.erpName} does not export companies.`);
    if (!company.erp_data_synced) (errors.base ??= []).push("The company's ERP data has not been synced yet.");
    if (!vendor.is_active) (errors.is_active ??= []).push('Inactive companies cannot be sent to ERP.');
    if (Object.keys(errors).length > 0) throw invalid(errors);

    const request = sentRequest({
      id: this.db.nextRequestId++,
      companyId: company.id,
      item_id: vendor.id,
      item_name: vendor.name,
      created_at: nowIso(),
      sent_by: person(user),
    });
    this.db.requests.push(request);
    this.created.push(snapshot(request));
    return request;
  }

  retrieve(companyId: number, requestId: number, user: User): ErpRequest {
    requireAdmin(user);
    const request = this.pending(companyId, requestId);
    return this.update(request, { status: 'retrieved' });
  }

  reject(companyId: number, requestId: number, user: User, body: unknown): ErpRequest {
    requireApprover(user);
    const request = this.pending(companyId, requestId);
    const comment = (body as { comment?: unknown } | null)?.comment;
    if (comment !== undefined && comment !== null && typeof comment !== 'string')
      throw invalid({ comment: ['must be text'] });
    return this.update(request, {
      status: 'rejected',
      decided_by: person(user),
      decided_at: nowIso(),
      rejection_comment: comment?.trim() || null,
    });
  }

  /** Accepted now; after `syncDelayMs` the ERP either takes it (synced) or refuses a duplicate ERP vendor ID (failed). */
  accept(companyId: number, requestId: number, user: User, body: unknown): ErpRequest {
    requireApprover(user);
    const request = this.pending(companyId, requestId);
    const input = (body ?? {}) as { vendor_type?: unknown; erp_vendor_id?: unknown };
    const vendorType = typeof input.vendor_type === 'string' ? input.vendor_type.toLowerCase() : '';
    const erpVendorId = typeof input.erp_vendor_id === 'string' ? input.erp_vendor_id.trim() : '';
    const errors: Record<string, string[]> = {};
    if (!(VENDOR_TYPES as readonly string[]).includes(vendorType))
      errors.vendor_type = [`must be one of ${VENDOR_TYPES.join(', ')}`];
    if (!erpVendorId) errors.erp_vendor_id = ["can't be blank"];
    if (Object.keys(errors).length > 0) throw invalid(errors);
    this.update(request, {
      status: 'accepted',
      decided_by: person(user),
      decided_at: nowIso(),
      erp_vendor_id: erpVendorId,
      vendor_type: vendorType,
    });
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.finishExport(request);
    }, this.syncDelayMs);
    this.timers.add(timer);
    return request;
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private finishExport(request: ErpRequest): void {
    const vendor = this.vendor(request.companyId, request.item_id);
    const taken = this.vendorsOf(request.companyId).some(
      (v) => v.id !== vendor.id && v.origin_code === request.erp_vendor_id,
    );
    if (taken) {
      this.update(request, { status: 'failed', errors: [`ERP vendor ID ${request.erp_vendor_id} is already in use`] });
      return;
    }
    this.update(request, { status: 'synced' });
    Object.assign(vendor, {
      synced_to_erp: true,
      origin_id: String(5_000_000 + vendor.id),
      origin_code: request.erp_vendor_id,
      updated_at: request.updated_at,
    });
  }

  latestRequest(companyId: number, vendorId: number): ErpRequest | undefined {
    return this.listRequests(companyId, { itemId: vendorId })[0];
  }

  private pending(companyId: number, requestId: number): ErpRequest {
    const request = this.request(companyId, requestId);
    if (request.status !== 'pending_acceptance')
      throw conflict(`This request is already ${request.status.replace('_', ' ')}.`);
    return request;
  }

  private update(request: ErpRequest, changes: Partial<ErpRequest>): ErpRequest {
    return Object.assign(request, changes, { updated_at: nowIso() });
  }
}

function requireAdmin(user: User): void {
  if (user.directoryLevel !== 'admin') throw forbidden('You need Admin permission on the Directory tool.');
}

function requireApprover(user: User): void {
  if (!user.canPushToAccounting) throw forbidden('You need the Can Push to Accounting privilege on ERP Integrations.');
}
