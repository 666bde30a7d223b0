/**
 * What happens around every `/rest/` call before and after the API proper: the call log, the fault switches,
 * and Procore's rate-limit headers.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import type { Faults, Fault, LogEntry } from './faults';

const WINDOW_MS = 3_600_000;
/** Sent by the sandbox's own pages so the log can tell their calls from the extension's. */
export const PAGE_HEADER = 'X-Sandbox-Page';

type Env = { Bindings: HttpBindings };

export interface Traffic {
  log: LogEntry[];
  faults: Faults;
  /** Calls per token in the current hour window: the budget the rate-limit headers report and enforce. */
  budget: Map<string, { windowStart: number; used: number }>;
  /** Calls allowed per token per hour (Procore's default: 3,600). */
  rateLimit: number;
  /** What the contract check found wrong with the API's answers, and how many it checked (`answerCheckMiddleware`). */
  contract: { checked: number; violations: string[] };
}

/** An answer as it went over the wire, for a check against the contract document. */
export interface Answer {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  body: string;
}
/** What is wrong with an answer; [] when the contract allows it. */
export type AnswerCheck = (answer: Answer) => string[];

export function bearer(c: Context): string | null {
  const match = /^Bearer\s+(.+)$/i.exec(c.req.header('Authorization') ?? '');
  return match?.[1]?.trim() ?? null;
}

function dropConnection(c: Context<Env>): void {
  c.env.incoming.socket.destroy();
}

function spend(traffic: Traffic, token: string | null, now: number) {
  const key = token ?? '';
  let slot = traffic.budget.get(key);
  if (!slot || now - slot.windowStart >= WINDOW_MS) {
    slot = { windowStart: now, used: 0 };
    traffic.budget.set(key, slot);
  }
  slot.used += 1;
  return {
    remaining: Math.max(0, traffic.rateLimit - slot.used),
    resetAt: Math.ceil((slot.windowStart + WINDOW_MS) / 1000),
    exhausted: slot.used > traffic.rateLimit,
  };
}

function tooManyRequests(c: Context, retryAfterSeconds: number): Response {
  c.header('Retry-After', String(retryAfterSeconds));
  c.header('X-Rate-Limit-Remaining', '0');
  c.header('X-Rate-Limit-Reset', String(Math.ceil(Date.now() / 1000) + retryAfterSeconds));
  return c.json({ message: 'Rate limit exceeded. Try again later.' }, 429);
}

function faultResponse(c: Context, fault: Fault & { status: number }): Response {
  if (fault.status === 429) return tooManyRequests(c, fault.retryAfter ?? 1);
  return c.json({ message: `Sandbox fault: status ${fault.status}` }, fault.status as 500);
}

export function trafficMiddleware(traffic: Traffic): MiddlewareHandler<Env> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const token = bearer(c);
    const entry: LogEntry = {
      method: c.req.method,
      path: url.pathname,
      query: url.search.slice(1),
      status: 0,
      at: new Date().toISOString(),
      token,
      idempotencyKey: c.req.header('Idempotency-Key') ?? null,
      companyIdHeader: c.req.header('Procore-Company-Id') ?? null,
      // Hono keeps the text it read, so the API reads the same body again.
      body: ['POST', 'PATCH'].includes(c.req.method) ? await c.req.text() : null,
      fromPage: c.req.header(PAGE_HEADER) === '1',
      fault: null,
    };
    traffic.log.push(entry);
    const budget = spend(traffic, token, Date.now());
    // Rails' default, as Procore sends it: clients may keep a copy but must revalidate it every time.
    c.header('Cache-Control', 'max-age=0, private, must-revalidate');
    c.header('X-Rate-Limit-Limit', String(traffic.rateLimit));
    c.header('X-Rate-Limit-Remaining', String(budget.remaining));
    c.header('X-Rate-Limit-Reset', String(budget.resetAt));

    if (budget.exhausted) {
      c.res = tooManyRequests(c, budget.resetAt - Math.floor(Date.now() / 1000));
      entry.status = 429;
      return;
    }
    const fault = entry.fromPage ? null : traffic.faults.take(c.req.method, url.pathname);
    entry.fault = fault;
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.drop === true) {
      dropConnection(c);
      return c.body(null);
    }
    if (fault?.status !== undefined) {
      c.res = faultResponse(c, { ...fault, status: fault.status });
      entry.status = fault.status;
      return;
    }
    await next();
    if (fault?.malformed) {
      c.res = new Response('{"id":', { status: 200, headers: { 'Content-Type': 'application/json' } });
    }
    entry.status = c.res.status;
    if (fault?.drop === 'after') dropConnection(c);
  };
}

/**
 * Checks every answer the API itself gives against the contract. Mounted inside the traffic middleware, so a fault's
 * or the budget's answer (the sandbox's own inventions) is never checked, and a malformed fault replaces an answer
 * that was.
 */
export function answerCheckMiddleware(check: AnswerCheck, traffic: Traffic): MiddlewareHandler<Env> {
  return async (c, next) => {
    await next();
    const answer = {
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      status: c.res.status,
      headers: c.res.headers,
      body: await c.res.clone().text(),
    };
    traffic.contract.checked += 1;
    traffic.contract.violations.push(...check(answer));
  };
}
