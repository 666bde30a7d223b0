/**
 * Everything the extension keeps in browser storage, declared once: the key (WXT's `area:name` form) and the schema
 * version of each item. The background and the options page open them as checked items (`checked-item.ts`), with the
 * zod schema each one is checked by; the popup reads the first screen's raw value alone, for speed.
 *
 * `local:` items are closed to content scripts (`lockStorageToTrustedContexts`), which read no storage at all: the
 * token is in `settings`. `session:` items survive a worker restart, not a browser restart.
 */
export type StorageKey = `local:${string}` | `session:${string}`;

export interface StoredItemSpec {
  key: StorageKey;
  /** Bumped with a migration whenever the stored shape changes. */
  version: number;
  /**
   * Stored as one JSON string instead of an object: Chrome reads a thousand tracked requests kept as objects in ~40 ms
   * (each field converted on its own), the same as a string in ~8 ms with `JSON.parse`. For large items only.
   */
  asJsonText?: boolean;
}

/** Where an item lives: its storage area and its key there (`local:tracked` → `local`, `tracked`). */
export const storagePlace = ({ key }: StoredItemSpec) => {
  const [area, name] = key.split(':') as ['local' | 'session', string];
  return { area, name };
};

/*
 * The items read outside the background have exports of their own, so that the popup's and the options page's
 * bundles carry only their own declarations.
 */
/** The admin's settings (options page): API URL, token, poll period, notifications, badge. */
export const SETTINGS_ITEM: StoredItemSpec = { key: 'local:settings', version: 1 };
/** The popup's first screen, kept ready by the background. */
export const FIRST_SCREEN_ITEM: StoredItemSpec = { key: 'local:firstScreen', version: 1 };
/**
 * Every tracked request, by company and request id. Version 1 was a list without the notified status; version 2
 * the same map stored as an object. The popup reads it when its text is the one last checked (`TRACKED_CHECKED_ITEM`).
 */
export const TRACKED_ITEM: StoredItemSpec = { key: 'local:tracked', version: 3, asJsonText: true };
/** The digest of the tracked requests' text last checked: a worker woken again need not check that text again. */
export const TRACKED_CHECKED_ITEM: StoredItemSpec = { key: 'session:trackedChecked', version: 1 };

export const STORED = {
  settings: SETTINGS_ITEM,
  tracked: TRACKED_ITEM,
  trackedChecked: TRACKED_CHECKED_ITEM,
  /** Sends whose outcome is not known yet: the per-vendor lock and its Idempotency-Key. */
  sends: { key: 'local:sends', version: 1 },
  /** Where each company's poll left off, the last update and error, the hourly call count. */
  poll: { key: 'local:poll', version: 1 },
  /** Companies the admin has worked in, with the Procore origin to link back to. */
  companies: { key: 'local:companies', version: 1 },
  /** Tabs to tell when a vendor changes: tab ids mean nothing after a browser restart. */
  watchers: { key: 'session:watchers', version: 1 },
  /** Until when the rate-limit gate holds every call (a 429's wait): a stopped worker's successor waits it out too. */
  rateGate: { key: 'session:rateGate', version: 1 },
  firstScreen: FIRST_SCREEN_ITEM,
  /** The popup's "Everyone / Sent by me". */
  queueFilter: { key: 'local:queueFilter', version: 1 },
  /** The popup's bulk re-send: its plan, then its progress, until the admin has seen its summary. */
  bulkResend: { key: 'local:bulkResend', version: 1 },
  /** The last view answered to each vendor page, shown again at once by a worker just woken (`kept-views.ts`). */
  keptViews: { key: 'session:keptViews', version: 1 },
} as const satisfies Record<string, StoredItemSpec>;
