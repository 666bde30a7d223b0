/**
 * One HTTP exchange with the integration API: an attempt with a timeout that covers the body, retried for transient
 * failures with backoff (`retry.ts`), and the answer's status turned into the `UserError` the views word.
 */
import type { z } from 'zod/mini';
import { errorBodySchema } from '@/lib/contract/api-bodies';
import type { ErrorKind, UserError } from '@/lib/contract/errors';
import { ApiError } from './api-error';
import type { CallKind, RateGate } from './rate-gate';
import { backoffDelay, DEFAULT_BACKOFF, retryAfterDelay, serverDelay } from './retry';

export interface HttpOptions {
  fetch?: typeof fetch;
  /** Per attempt, from sending the request to the end of its body. */
  timeoutMs?: number;
  /** Retries after the first attempt, for transient failures only. */
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Called for every HTTP request sent (each page of a list, each retry): what a server's rate limit counts. */
  onRequest?: () => void;
  /** Every attempt waits for it and tells it each answer (`rate-gate.ts`); shared by every client of the worker. */
  gate?: RateGate;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_RETRIES = 4;

const STATUS_KIND: Partial<Record<number, ErrorKind>> = {
  400: 'validation',
  401: 'auth',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'validation',
  429: 'rate_limited',
};

type Attempt = { kind: 'response'; status: number; headers: Headers; text: string } | { kind: 'timeout' | 'network' };
export type Answered = Extract<Attempt, { kind: 'response' }>;

const isTransientStatus = (status: number): boolean => status === 429 || status >= 500;

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
  return 'errors' in body.data
    ? { kind, status, fieldErrors: body.data.errors }
    : { kind, status, detail: body.data.message };
}

/** The body of a 2xx answer, checked against its schema; anything else throws the matching `ApiError`. */
export function expectBody<T>(response: Answered, schema: z.ZodMiniType<T>): T {
  if (response.status < 200 || response.status > 299) throw new ApiError(statusError(response.status, response.text));
  const parsed = schema.safeParse(parseJson(response.text));
  if (!parsed.success) throw new ApiError({ kind: 'malformed', status: response.status });
  return parsed.data;
}

/**
 * Sends with retries; answers the first non-transient response (any status), or throws once retries run out. `kind`
 * is what the gate orders held calls by.
 */
type Exchange = (target: string, init: RequestInit, kind: CallKind) => Promise<Answered>;

export function createExchange(options: HttpOptions = {}): Exchange {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const policy = { ...DEFAULT_BACKOFF, random: options.random ?? Math.random };

  /** One attempt; the timeout covers the body too, and wins even over a fetch that ignores its signal. */
  async function attempt(target: string, init: RequestInit, kind: CallKind): Promise<Attempt> {
    await options.gate?.pass(kind);
    const controller = new AbortController();
    const timedOut = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(new Error('timeout')), { once: true });
    });
    timedOut.catch(() => undefined);
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    options.onRequest?.();
    try {
      const response = await Promise.race([doFetch(target, { ...init, signal: controller.signal }), timedOut]);
      options.gate?.observe(response.status, response.headers);
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
    // The gate, told of the 429, holds this retry and every other call until the wait it asked for.
    if (options.gate && failed.kind === 'response' && failed.status === 429) return 0;
    const asked =
      failed.kind !== 'response'
        ? null
        : failed.status === 429
          ? serverDelay(failed.headers, Date.now())
          : failed.status === 503
            ? retryAfterDelay(failed.headers, Date.now())
            : null;
    return Math.min(policy.cap, asked ?? backoffDelay(retry, policy));
  }

  return async (target, init, kind) => {
    for (let retry = 0; ; retry++) {
      const result = await attempt(target, init, kind);
      if (result.kind === 'response' && !isTransientStatus(result.status)) return result;
      if (retry >= maxRetries) {
        throw new ApiError(
          result.kind === 'response' ? statusError(result.status, result.text) : { kind: result.kind },
        );
      }
      await sleep(waitBefore(retry, result));
    }
  };
}
