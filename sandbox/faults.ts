/** Test switches that make the next matching API calls fail in the ways a real network and server do (5xx, 429, timeouts, malformed bodies, dropped connections). */

export interface Fault {
  /** Substring of the path. */
  match?: string;
  method?: string;
  count: number;
  status?: number;
  /** Seconds, sent as Retry-After with a 429. */
  retryAfter?: number;
  delayMs?: number;
  malformed?: boolean;
  /** true: destroy the socket without processing; 'after': process the call, then destroy the socket. */
  drop?: boolean | 'after';
}

/** A fault from the control endpoint's JSON, or the sentence saying what is wrong with it. */
export function parseFault(input: unknown): Fault | string {
  if (!input || typeof input !== 'object') return 'a fault is a JSON object';
  const f = input as Record<string, unknown>;
  const typed = <T>(key: string, type: string): T | undefined | null =>
    f[key] === undefined ? undefined : typeof f[key] === type ? (f[key] as T) : null;
  const [match, method] = [typed<string>('match', 'string'), typed<string>('method', 'string')];
  const [status, retryAfter, delayMs] = [
    typed<number>('status', 'number'),
    typed<number>('retryAfter', 'number'),
    typed<number>('delayMs', 'number'),
  ];
  const malformed = typed<boolean>('malformed', 'boolean');
  if (typeof f.count !== 'number' || !Number.isInteger(f.count) || f.count < 1)
    return 'count must be a whole number of calls, 1 or more';
  if (match === null || method === null) return 'match and method must be strings';
  if (status === null || retryAfter === null || delayMs === null)
    return 'status, retryAfter and delayMs must be numbers';
  if (status !== undefined && (status < 100 || status > 599)) return 'status must be an HTTP status';
  if (malformed === null) return 'malformed must be true or false';
  if (!(f.drop === undefined || typeof f.drop === 'boolean' || f.drop === 'after'))
    return "drop must be true, false or 'after'";
  return { count: f.count, match, method: method?.toUpperCase(), status, retryAfter, delayMs, malformed, drop: f.drop };
}

export class Faults {
  private active: Fault[] = [];

  add(fault: Fault): void {
    this.active.push(fault);
  }

  clear(): void {
    this.active = [];
  }

  list(): Fault[] {
    return this.active.map((f) => ({ ...f }));
  }

  /** The first switch that matches this call, used up by one. */
  take(method: string, path: string): Fault | null {
    const fault = this.active.find(
      (f) => (f.match === undefined || path.includes(f.match)) && (f.method === undefined || f.method === method),
    );
    if (!fault) return null;
    fault.count -= 1;
    if (fault.count === 0) this.active = this.active.filter((f) => f !== fault);
    return { ...fault };
  }
}

export interface LogEntry {
  method: string;
  path: string;
  /** The raw query string without "?", "" when none. */
  query: string;
  /** 0 when the connection was dropped before an answer. */
  status: number;
  at: string;
  token: string | null;
  idempotencyKey: string | null;
  companyIdHeader: string | null;
  /** Calls made by the sandbox's own pages rather than by the extension. */
  fromPage: boolean;
  /** The fault switch applied to this call, if any. */
  fault: Fault | null;
}
