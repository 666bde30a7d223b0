/**
 * The admin's settings (options page): where the integration API is, the token, how often to poll, and what to show.
 * Stored in `local:` storage, which only trusted contexts can read (see `lockStorageToTrustedContexts`).
 */
import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { SANDBOX_URL } from './build-flags';

export const MIN_POLL_SECONDS = 30;
export const DEFAULT_POLL_SECONDS = 60;
export const SANDBOX_TOKEN = 'sandbox-token';

export const settingsSchema = z.object({
  apiUrl: z.string(),
  token: z.string(),
  pollSeconds: z.number().int().min(MIN_POLL_SECONDS).max(3600),
  notifications: z.boolean(),
  badge: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A sandbox build works out of the box against the sandbox; a production build waits for the options page. */
export function defaultSettings(sandboxUrl: string = SANDBOX_URL): Settings {
  return {
    apiUrl: sandboxUrl,
    token: sandboxUrl ? SANDBOX_TOKEN : '',
    pollSeconds: DEFAULT_POLL_SECONDS,
    notifications: true,
    badge: true,
  };
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: defaultSettings(),
  version: 1,
});

/** Stored settings, or the defaults when missing or not matching the schema (a corrupt value is never used). */
export async function loadSettings(): Promise<Settings> {
  const parsed = settingsSchema.safeParse(await settingsItem.getValue());
  return parsed.success ? parsed.data : defaultSettings();
}

export const saveSettings = (settings: Settings): Promise<void> => settingsItem.setValue(settingsSchema.parse(settings));

/** `https://erp.example.com/base/` → `https://erp.example.com`; null when it is not an http(s) URL. */
export function apiOrigin(apiUrl: string): string | null {
  try {
    const url = new URL(apiUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** The host-permission pattern for the API's origin, as `permissions.request` wants it. */
export const originPattern = (origin: string): string => `${origin}/*`;

/** The poll period in seconds: a test build's override wins over the admin's choice. */
export const effectivePollSeconds = (settings: Settings, override: number): number =>
  override > 0 ? override : settings.pollSeconds;
