/**
 * The API client for the current settings, or why there is none (no URL or token, the API origin not granted).
 * Tokens stay here: nothing this returns carries them. One client per URL and token, so its hourly count is one.
 */
import { browser } from 'wxt/browser';
import { fail, ok, type Result } from '@/lib/contract/errors';
import { type Settings } from '@/lib/extension/settings';
import { originPattern } from '@/lib/extension/match-pattern';
import { webOrigin } from '@/lib/extension/web-origin';
import { createApiClient, type ApiClient, type ApiConfig } from './api/client';
import type { RateGate } from './api/rate-gate';

export interface ApiAccessDeps {
  settings: () => Promise<Settings>;
  /** `onRequest`: called for every HTTP request the client sends, for the hourly budget. */
  createClient?: (config: ApiConfig, onRequest: () => void) => ApiClient;
  hasHostPermission?: (origin: string) => Promise<boolean>;
  onRequest: () => void;
  /** One gate for every client this makes: the rate limit is the server's, whichever client calls. */
  gate: RateGate;
}

export interface ApiAccess {
  /** A client for the saved settings. */
  current(): Promise<Result<ApiClient>>;
  /** A client for these settings (the options page's Test connection). */
  forSettings(apiUrl: string, token: string): Promise<Result<ApiClient>>;
  /** The settings changed: the next call makes a new client. */
  forget(): void;
}

const grantedOrigin = (origin: string) => browser.permissions.contains({ origins: [originPattern(origin)] });

export function createApiAccess(deps: ApiAccessDeps): ApiAccess {
  const createClient =
    deps.createClient ??
    ((config: ApiConfig, onRequest: () => void) => createApiClient(config, { onRequest, gate: deps.gate }));
  const hasHostPermission = deps.hasHostPermission ?? grantedOrigin;
  let cached: { key: string; client: ApiClient } | null = null;

  const forSettings = async (apiUrl: string, token: string): Promise<Result<ApiClient>> => {
    const origin = webOrigin(apiUrl);
    if (!origin || !token) return fail({ kind: 'not_configured' });
    if (!(await hasHostPermission(origin))) return fail({ kind: 'no_permission' });
    const key = JSON.stringify([apiUrl, token]);
    if (cached?.key !== key) cached = { key, client: createClient({ baseUrl: apiUrl, token }, deps.onRequest) };
    return ok(cached.client);
  };

  return {
    forSettings,
    async current() {
      const { apiUrl, token } = await deps.settings();
      return forSettings(apiUrl, token);
    },
    forget() {
      cached = null;
    },
  };
}
