/**
 * Test switches that make the extension's API calls fail in the ways a real network and server do (5xx, 429, slow
 * answers, malformed bodies, dropped connections): the next `count` matching calls, or each call with a probability
 * (`rate`) until cleared. The sandbox's own pages (and the approver acting through them) are never faulted.
 */

export interface Fault {
  /** Substring of the path. */
  match?: string;
  method?: string;
  /** How many matching calls it fails; a switch with a `rate` and no count stays until cleared. */
  count?: number;
  /** The chance, above 0 and at most 1, that it applies to each matching call. */
  rate?: number;
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
  const rate = typed<number>('rate', 'number');
  if (rate === null || (rate !== undefined && !(rate > 0 && rate <= 1)))
    return 'rate must be a number above 0, at most 1';
  if (f.count === undefined ? rate === undefined : !Number.isInteger(f.count) || (f.count as number) < 1)
    return 'count must be a whole number of calls, 1 or more (it may be left out only with a rate)';
  if (match === null || method === null) return 'match and method must be strings';
  if (status === null || retryAfter === null || delayMs === null)
    return 'status, retryAfter and delayMs must be numbers';
  if (status !== undefined && (status < 100 || status > 599)) return 'status must be an HTTP status';
  if (malformed === null) return 'malformed must be true or false';
  if (!(f.drop === undefined || typeof f.drop === 'boolean' || f.drop === 'after'))
    return "drop must be true, false or 'after'";
  const count = f.count as number | undefined;
  return { count, rate, match, method: method?.toUpperCase(), status, retryAfter, delayMs, malformed, drop: f.drop };
}

export class Faults {
  private active: Fault[] = [];

  /** `random` is `Math.random` unless a run needs its faults to repeat (the soak's seed). */
  constructor(private readonly random: () => number = Math.random) {}

  add(fault: Fault): void {
    this.active.push(fault);
  }

  clear(): void {
    this.active = [];
  }

  list(): Fault[] {
    return this.active.map((f) => ({ ...f }));
  }

  /**
   * The switch applied to this call, if any, used up by one. Counted switches come first, in the order they were
   * added; then one draw picks at most one of the matching rated switches, so their rates add up.
   */
  take(method: string, path: string): Fault | null {
    const matching = this.active.filter(
      (f) => (f.match === undefined || path.includes(f.match)) && (f.method === undefined || f.method === method),
    );
    const fault = matching.find((f) => f.rate === undefined) ?? this.drawn(matching);
    if (!fault) return null;
    if (fault.count !== undefined) {
      fault.count -= 1;
      if (fault.count === 0) this.active = this.active.filter((f) => f !== fault);
    }
    return { ...fault };
  }

  private drawn(matching: Fault[]): Fault | undefined {
    let draw = this.random();
    for (const fault of matching) {
      draw -= fault.rate ?? 0;
      if (draw < 0) return fault;
    }
    return undefined;
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
  /** The body as sent, for POST and PATCH (which vendor a send was for); null otherwise. */
  body: string | null;
  /** Calls made by the sandbox's own pages rather than by the extension. */
  fromPage: boolean;
  /** The fault switch applied to this call, if any. */
  fault: Fault | null;
}
