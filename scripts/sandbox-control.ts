/** The sandbox's test-control endpoints (`/__sandbox/*`, no auth), as the tests, the demo and the bench use them. */
import type { Fault, LogEntry } from '../sandbox/faults';

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
  /** Requests created by POST (replays of an Idempotency-Key not counted): the exactly-once counter. */
  created(): Promise<CreatedRequest[]>;
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
  return {
    url,
    reset: async () => void (await call('POST', 'reset')),
    fault: async (fault) => void (await call('POST', 'faults', fault)),
    clearFaults: async () => void (await call('DELETE', 'faults')),
    log: async () => (await call('GET', 'log')) as SandboxLogEntry[],
    extensionCalls: async () => ((await call('GET', 'log')) as SandboxLogEntry[]).filter((entry) => !entry.fromPage),
    created: async () => (await call('GET', 'created')) as CreatedRequest[],
    async decide(companyId, requestId, decision, body) {
      const response = await fetch(`${url}/rest/v1.0/companies/${companyId}/erp/requests/${requestId}/${decision}`, {
        method: 'POST',
        headers: {
          Authorization: 'Bearer sandbox-approver',
          'Procore-Company-Id': String(companyId),
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${decision} ${requestId}: HTTP ${response.status} ${await response.text()}`);
    },
  };
}
