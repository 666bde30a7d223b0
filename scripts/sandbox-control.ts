/** The sandbox's test-control endpoints (`/__sandbox/*`, no auth), as the tests, the demo and the bench use them. */
import type { Fault, LogEntry } from '../sandbox/faults';
import { PAGE_HEADER } from '../sandbox/traffic';

export type { Fault };
export type SandboxLogEntry = LogEntry;

export interface CreatedRequest {
  id: number;
  item_id: number;
  status: string;
  [field: string]: unknown;
}

export interface SandboxControl {
  url: string;
  reset(): Promise<void>;
  fault(fault: Fault): Promise<void>;
  clearFaults(): Promise<void>;
  log(): Promise<SandboxLogEntry[]>;
  /** The extension's calls only (the sandbox pages mark theirs). */
  extensionCalls(): Promise<SandboxLogEntry[]>;
  /** What the contract check found wrong with the API's answers since the last reset, and how many it checked. */
  contract(): Promise<{ checked: number; violations: string[] }>;
  /** Turns Procore's own ERP control on a company's vendor edit pages on or off. */
  procoreErpControl(companyId: number, enabled: boolean): Promise<void>;
  /** Requests created by POST (replays of an Idempotency-Key not counted): the exactly-once counter. */
  created(): Promise<CreatedRequest[]>;
  /** A company's requests (in one status when given), newest first, as the approver's page lists them. */
  requests(companyId: number, status?: string): Promise<CreatedRequest[]>;
  /** The accounting approver accepts or rejects a request through the API, as the approver's page does. */
  decide(
    companyId: number,
    requestId: number,
    decision: 'accept' | 'reject',
    body: Record<string, string>,
  ): Promise<void>;
}

export function sandboxControl(url: string): SandboxControl {
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${url}/__sandbox/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} /__sandbox/${path}: HTTP ${response.status} ${await response.text()}`);
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  };
  // The approver's calls are marked as the approver's page's, so faults and the extension's call log leave them out.
  const asApprover = (path: string, method: string, body?: unknown) =>
    fetch(`${url}/rest/v1.0${path}`, {
      method,
      headers: {
        Authorization: 'Bearer sandbox-approver',
        [PAGE_HEADER]: '1',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    url,
    reset: async () => void (await call('POST', 'reset')),
    fault: async (fault) => void (await call('POST', 'faults', fault)),
    clearFaults: async () => void (await call('DELETE', 'faults')),
    log: async () => (await call('GET', 'log')) as SandboxLogEntry[],
    extensionCalls: async () => ((await call('GET', 'log')) as SandboxLogEntry[]).filter((entry) => !entry.fromPage),
    created: async () => (await call('GET', 'created')) as CreatedRequest[],
    procoreErpControl: async (companyId, enabled) =>
      void (await call('POST', `companies/${companyId}/procore-erp-control`, { enabled })),
    contract: async () => (await call('GET', 'contract')) as { checked: number; violations: string[] },
    async requests(companyId, status) {
      const query = `${status ? `filters[status][]=${encodeURIComponent(status)}&` : ''}per_page=1000`;
      const response = await asApprover(`/companies/${companyId}/erp/requests?${query}`, 'GET');
      if (!response.ok) throw new Error(`requests ${status}: HTTP ${response.status} ${await response.text()}`);
      return (await response.json()) as CreatedRequest[];
    },
    async decide(companyId, requestId, decision, body) {
      const response = await asApprover(`/companies/${companyId}/erp/requests/${requestId}/${decision}`, 'POST', body);
      if (!response.ok) throw new Error(`${decision} ${requestId}: HTTP ${response.status} ${await response.text()}`);
    },
  };
}
