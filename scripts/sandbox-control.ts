/** The sandbox's test-control endpoints (`/__sandbox/*`, no auth), as the tests, the demo and the bench use them. */

export interface SandboxLogEntry {
  method: string;
  path: string;
  query: Record<string, unknown>;
  status: number;
  at: string;
  token: string | null;
  idempotencyKey: string | null;
}

export interface CreatedRequest {
  id: number;
  item_id: number;
  status: string;
  [field: string]: unknown;
}

export interface Fault {
  /** Substring of the API path. */
  match?: string;
  method?: string;
  /** Applies to the next `count` matching calls. */
  count: number;
  status?: number;
  /** Seconds, with 429. */
  retryAfter?: number;
  delayMs?: number;
  malformed?: boolean;
  /** Destroy the socket (after the server handled the call). */
  drop?: boolean;
}

export interface SandboxControl {
  url: string;
  reset(): Promise<void>;
  fault(fault: Fault): Promise<void>;
  clearFaults(): Promise<void>;
  log(): Promise<SandboxLogEntry[]>;
  /** Requests created by POST (replays of an Idempotency-Key not counted): the exactly-once counter. */
  created(): Promise<CreatedRequest[]>;
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
    created: async () => (await call('GET', 'created')) as CreatedRequest[],
  };
}
