/**
 * The admin's settings (options page): where the integration API is, the token, how often to poll, and what to show.
 * Stored in `local:` storage, which only trusted contexts can read (see `lockStorageToTrustedContexts`). zod is
 * imported here: the background and the options page use it, never the content script or the popup.
 */
import { z } from 'zod/mini';
import { SANDBOX_URL } from './build-flags';
import { checkedItem, type CheckedItem } from './checked-item';
import { SETTINGS_ITEM } from './storage-items';

export const MIN_POLL_SECONDS = 30;
export const MAX_POLL_SECONDS = 3600;
export const DEFAULT_POLL_SECONDS = 60;
export const SANDBOX_TOKEN = 'sandbox-token';

export const settingsSchema = z.lazy(() =>
  z.object({
    apiUrl: z.string(),
    token: z.string(),
    pollSeconds: z.int().check(z.minimum(MIN_POLL_SECONDS), z.maximum(MAX_POLL_SECONDS)),
    notifications: z.boolean(),
    badge: z.boolean(),
    /** Notify of everyone's requests, not only the admin's own (a colleague's rejection too). */
    notifyEveryone: z._default(z.boolean(), false),
    /** The badge counts everyone's rejected and failed requests, not only the admin's own. */
    badgeEveryone: z._default(z.boolean(), false),
  }),
);
export type Settings = z.infer<typeof settingsSchema>;

/** A sandbox build works out of the box against the sandbox; a production build waits for the options page. */
export function defaultSettings(sandboxUrl: string = SANDBOX_URL): Settings {
  return {
    apiUrl: sandboxUrl,
    token: sandboxUrl ? SANDBOX_TOKEN : '',
    pollSeconds: DEFAULT_POLL_SECONDS,
    notifications: true,
    badge: true,
    notifyEveryone: false,
    badgeEveryone: false,
  };
}

/**
 * The settings item. Read afresh every time (it is small, and the options page writes it from another context); a
 * corrupt value is never used: it is replaced by the defaults.
 */
export const settingsItem = (): CheckedItem<Settings> =>
  checkedItem(SETTINGS_ITEM, {
    check: (raw) => settingsSchema.safeParse(raw),
    fallback: () => defaultSettings(),
    onCorrupt: () => console.warn('[erp-resend] the stored settings were unreadable; the defaults apply'),
    keepInMemory: false,
  });

export const loadSettings = (): Promise<Settings> => settingsItem().get();

export const saveSettings = (settings: Settings): Promise<void> => settingsItem().set(settings);

/** The poll period in seconds: a test build's override wins over the admin's choice. */
export const effectivePollSeconds = (settings: Settings, override: number): number =>
  override > 0 ? override : settings.pollSeconds;
