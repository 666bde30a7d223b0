/** The sandbox: a local stand-in for Procore serving the integration API, its pages and the test controls from one origin. */
import type { AddressInfo } from 'node:net';
import { serve, type HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { apiRoutes } from './api';
import { webAppRoutes } from './web-app';
import { controlRoutes } from './control';
import { Faults } from './faults';
import { loadAssets, pageRoutes } from './pages';
import { Problem } from './problem';
import { Account } from './account';
import type { Db } from './model';
import { answerCheckMiddleware, PAGE_HEADER, trafficMiddleware, type AnswerCheck, type Traffic } from './traffic';

export interface SandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** How long an accepted request stays `accepted` before it is `synced` or `failed`. */
  syncDelayMs?: number;
  /** API calls allowed per token per hour before 429 (default 3600, Procore's budget). */
  rateLimitPerHour?: number;
  /** The account's starting data, made again on every reset (default: `seed.ts`). */
  seed?: () => Db;
  /** The draw behind rated fault switches (default `Math.random`). */
  random?: () => number;
  /** Checks every API answer against the contract document; what it finds is at `GET /__sandbox/contract`. */
  checkAnswer?: AnswerCheck;
}

export interface Sandbox {
  url: string;
  close(): Promise<void>;
  reset(): void;
}

// Chrome exempts the extension (it holds host permission); Firefox and the options page's test call need these.
const apiCors = cors({
  origin: '*',
  allowMethods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
  allowHeaders: [
    'Authorization',
    'Procore-Company-Id',
    'Idempotency-Key',
    'If-None-Match',
    'Content-Type',
    PAGE_HEADER,
  ],
  exposeHeaders: [
    'ETag',
    'Total',
    'Per-Page',
    'Link',
    'Retry-After',
    'X-Rate-Limit-Limit',
    'X-Rate-Limit-Remaining',
    'X-Rate-Limit-Reset',
    'Idempotent-Replayed',
  ],
  maxAge: 600,
});

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const {
    port = 0,
    host = '127.0.0.1',
    syncDelayMs = 1500,
    rateLimitPerHour = 3600,
    seed,
    random,
    checkAnswer,
  } = options;
  const assets = await loadAssets();
  const account = new Account(syncDelayMs, seed);
  const traffic: Traffic = {
    log: [],
    faults: new Faults(random),
    budget: new Map(),
    rateLimit: rateLimitPerHour,
    contract: { checked: 0, violations: [] },
  };
  const reset = () => {
    account.reset();
    traffic.faults.clear();
    traffic.log.length = 0;
    traffic.budget.clear();
    traffic.contract = { checked: 0, violations: [] };
  };

  const app = new Hono<{ Bindings: HttpBindings }>();
  app.onError((error, c) => {
    if (error instanceof Problem) return c.json(error.body, error.status);
    console.error('sandbox:', error);
    return c.json({ message: 'Internal sandbox error' }, 500);
  });
  app.use('/rest/*', apiCors);
  app.use('/rest/*', trafficMiddleware(traffic));
  if (checkAnswer) app.use('/rest/*', answerCheckMiddleware(checkAnswer, traffic));
  app.route('/rest/v1.0', apiRoutes(account));
  app.all('/rest/*', (c) => c.json({ message: 'Not found' }, 404));
  app.route('/web', webAppRoutes(account));
  app.route('/__sandbox', controlRoutes(account, traffic, reset));
  app.route('/', pageRoutes(assets));

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(started));
    started.once('error', reject);
  });
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
    reset,
    close: () => {
      account.close();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
    },
  };
}
