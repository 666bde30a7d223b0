/**
 * One stored value with a schema version, checked on every load. zod-free: the caller passes the check (a zod
 * schema's `safeParse` fits), so the popup can import the raw read without zod.
 *
 * The version is kept at `key$` as WXT's storage does, and read with the value in one `storage.get`: WXT's
 * `defineItem` reads the whole value once when defined and again to check its version, and for 1,000 tracked requests
 * each read is tens of milliseconds at the start of a worker that a popup is waiting for.
 *
 * Each item keeps its last checked value in memory (frozen, shared by every reader): the popup asks for 1,000 tracked
 * requests each time it opens. The copy follows the item's own writes, and any other change to the stored value
 * (seen through `storage.onChanged`) drops it, so the next read loads and checks again. Corrupt data is replaced by
 * what could be salvaged, written back at once (so it is reported once) and reported through `onCorrupt`.
 */
import { browser } from 'wxt/browser';
import { jsonEqual } from './json-equal';
import type { StoredItemSpec } from './storage-items';
import { encodeStored, place, readStored } from './stored-value';
import { textDigest } from './text-digest';

export type Check<T> = (raw: unknown) => { success: true; data: T } | { success: false };
export type Migrations = Record<number, (old: unknown) => unknown>;
export type CorruptListener = (key: string, raw: unknown) => void;

export interface CheckedItem<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Read, change, write, one at a time. */
  update(change: (value: T) => T | Promise<T>): Promise<T>;
  /** Calls back after every change to the stored value, the item's own writes included. */
  watch(callback: () => void): void;
  /** The value this context holds, or null when `get` would first read storage (a worker just woken). */
  inMemory(): T | null;
}

export interface ItemOptions<T> {
  check: Check<T>;
  fallback: () => T;
  onCorrupt: CorruptListener;
  /** What can be kept of a value that failed its check; the fallback by default. */
  salvage?: (raw: unknown) => T;
  /** `migrations[n]` turns a version n − 1 value into version n. */
  migrations?: Migrations;
  /** false: every read loads and checks again (a small item read by contexts that come and go). Default true. */
  keepInMemory?: boolean;
  /**
   * When storage refuses a write as full: a smaller value to write instead, or null when nothing can be given up (the
   * write then fails). Asked again as long as storage stays full.
   */
  whenFull?: (value: T) => T | null;
  /**
   * For an item stored as JSON text: where the digest of the last text that passed the check (or was written from a
   * checked value) is kept. The same text checks the same, so a context reading that text again (a worker woken
   * again) parses it without checking it: for 1,000 tracked requests the check is most of a cold read. Only for a
   * check that changes nothing of a value it passes (no defaults, no transforms, no keys dropped).
   */
  checkedText?: CheckedTexts;
  /**
   * false: what is read is taken as it is; a value is still checked when written. Only for a `session:` item that the
   * background alone writes: session storage is out of the pages' reach and emptied whenever the extension is
   * reloaded or updated, so all it holds was checked by this same code when written. A worker woken for a vendor page
   * then answers without first building and running the item's schema. Default true.
   */
  checkOnRead?: boolean;
}

/** The digest of the text last known to pass the item's check (`session:` storage, which pages cannot reach). */
export interface CheckedTexts {
  load(): Promise<string | null>;
  save(digest: string): Promise<void>;
}

/** Chrome: "QUOTA_BYTES quota exceeded"; Firefox: a QuotaExceededError. */
const isQuotaError = (err: unknown): boolean =>
  err instanceof Error && (/quota/i.test(err.message) || err.name === 'QuotaExceededError');

/** One value, its version and migrations: read, migrated in place, written, watched. */
function rawItem(spec: StoredItemSpec, migrations: Migrations) {
  const { area, areaName, name, meta } = place(spec);
  let versionStored = spec.version === 1;
  /** The JSON text last read or written here: a change to that same text is this context's own write coming back. */
  let lastText: string | null = null;
  return {
    /** `text`: what an up-to-date value was read from (`asJsonText`); null after a migration. */
    async read(): Promise<{ value: unknown; text: string | null }> {
      const stored = await readStored(spec);
      if (!stored) return { value: null, text: null };
      if (stored.version >= spec.version) {
        versionStored = true;
        lastText = stored.text;
        return { value: stored.value, text: stored.text };
      }
      let migrated = stored.value;
      for (let next = stored.version + 1; next <= spec.version; next += 1)
        migrated = migrations[next]?.(migrated) ?? migrated;
      await area.set({ [name]: encodeStored(spec, migrated), [meta]: { v: spec.version } });
      versionStored = true;
      lastText = null;
      return { value: migrated, text: null };
    },
    /** Resolves with what was stored. */
    async write(value: unknown): Promise<unknown> {
      const stored = encodeStored(spec, value);
      lastText = typeof stored === 'string' ? stored : null;
      await area.set(versionStored ? { [name]: stored } : { [name]: stored, [meta]: { v: spec.version } });
      versionStored = true;
      return stored;
    },
    /**
     * Calls back with the new value as stored (JSON text for `asJsonText` items), not decoded: a context's own write
     * of 10,000 tracked requests comes back as 4.6 MB of text, and decoding it only to find it unchanged stalls the
     * worker for tens of milliseconds.
     */
    watch(callback: (stored: unknown) => void): void {
      browser.storage.onChanged.addListener((changes, changedArea) => {
        const change = changes[name];
        if (changedArea === areaName && change) callback(change.newValue);
      });
    },
    /** Whether a stored value is the same as one the context has: the text it last read or wrote, or an equal value. */
    holds(stored: unknown, value: unknown): boolean {
      if (typeof stored === 'string' && stored === lastText) return true;
      return !spec.asJsonText && jsonEqual(stored, value);
    },
  };
}

/** Writes `value`, or what `whenFull` gives up of it while storage refuses it as full; resolves with what was written. */
async function writeWithinQuota<T>(
  write: (value: unknown) => Promise<unknown>,
  value: T,
  whenFull?: (value: T) => T | null,
): Promise<{ written: T; stored: unknown }> {
  for (let next = value; ;) {
    try {
      return { written: next, stored: await write(next) };
    } catch (err) {
      const smaller = isQuotaError(err) ? whenFull?.(next) : null;
      if (!smaller) throw err;
      next = smaller;
    }
  }
}

/** Freezes a value and everything in it: one cached value is handed to every reader, and none may change it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** What an item knows of the texts that passed its check (`ItemOptions.checkedText`); nothing when it has none. */
function checkedTextsOf(spec: StoredItemSpec, checkedText: CheckedTexts | undefined) {
  return {
    /**
     * Remembered as checked. Never fails: a digest that is missing or behind only means one more check (and a popup
     * that asks the worker for the requests instead of reading them).
     */
    async noteChecked(stored: unknown): Promise<void> {
      if (!checkedText || typeof stored !== 'string') return;
      try {
        await checkedText.save(await textDigest(stored));
      } catch (err) {
        console.warn(`[erp-resend] ${spec.key}: the checked text was not noted`, err);
      }
    },
    /** The text read is the one last checked: no need to check it again. */
    async checkedBefore(text: string | null): Promise<boolean> {
      if (!checkedText || text === null) return false;
      const [digest, known] = await Promise.all([textDigest(text), checkedText.load().catch(() => null)]);
      return digest === known;
    },
  };
}

/** The stored value, checked (unless it is the text last checked), else what can be salvaged of it, written back. */
async function loadChecked<T>(
  spec: StoredItemSpec,
  item: ReturnType<typeof rawItem>,
  options: ItemOptions<T>,
  { noteChecked, checkedBefore }: ReturnType<typeof checkedTextsOf>,
): Promise<T> {
  const { check, fallback, onCorrupt, salvage = fallback } = options;
  const { value: raw, text } = await item.read();
  if (raw === null || raw === undefined) return fallback();
  if (options.checkOnRead === false || (await checkedBefore(text))) return raw as T;
  const parsed = check(raw);
  if (parsed.success) {
    // Not awaited: the reader need not wait for it.
    if (jsonEqual(parsed.data, raw)) void noteChecked(text);
    return parsed.data;
  }
  const repaired = salvage(raw);
  await item.write(repaired);
  onCorrupt(spec.key, raw);
  return repaired;
}

export function checkedItem<T>(spec: StoredItemSpec, options: ItemOptions<T>): CheckedItem<T> {
  const { check } = options;
  if (options.checkOnRead === false && !spec.key.startsWith('session:'))
    throw new TypeError(`${spec.key}: only a session item may be read without its check`);
  const item = rawItem(spec, options.migrations ?? {});
  let queue: Promise<unknown> = Promise.resolve();
  let cached: { value: T } | null = null;
  let loading: Promise<T> | null = null;
  /** Bumped by every change: a load that started before one is not kept. */
  let generation = 0;

  const forget = () => {
    generation += 1;
    cached = null;
    loading = null;
  };
  const keep = (value: T): T => {
    generation += 1;
    loading = null;
    if (options.keepInMemory !== false) cached = { value: deepFreeze(value) };
    return value;
  };
  // Our own writes come back here too: a value the same as the cached one changes nothing.
  if (options.keepInMemory !== false) {
    item.watch((stored) => {
      if (!cached || !item.holds(stored, cached.value)) forget();
    });
  }

  const texts = checkedTextsOf(spec, options.checkedText);
  const load = () => loadChecked(spec, item, options, texts);
  const get = (): Promise<T> => {
    if (cached) return Promise.resolve(cached.value);
    if (loading) return loading;
    const started = generation;
    const current = load().then(
      (value) => (generation === started ? keep(value) : value),
      (err: unknown) => {
        if (loading === current) loading = null;
        throw err;
      },
    );
    loading = current;
    return current;
  };
  const set = async (value: T): Promise<void> => {
    const parsed = check(value);
    if (!parsed.success) throw new TypeError(`${spec.key}: the value does not match its schema`);
    const checked = keep(parsed.data);
    try {
      const { written, stored } = await writeWithinQuota(item.write, checked, options.whenFull);
      if (written !== checked) keep(written);
      // Awaited: once a write is done, a popup reading the requests itself finds them noted as checked.
      await texts.noteChecked(stored);
    } catch (err) {
      forget(); // what is stored now is not known
      throw err;
    }
  };
  const update = (change: (value: T) => T | Promise<T>): Promise<T> => {
    const next = queue.then(async () => {
      const current = await get();
      const value = await change(current);
      // Nothing changed: no write, no storage event for every context to handle.
      if (value !== current && !jsonEqual(value, current)) await set(value);
      return value;
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return { get, set, update, watch: (callback) => item.watch(() => callback()), inMemory: () => cached?.value ?? null };
}
