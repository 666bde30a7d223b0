/**
 * Everything the background remembers, in typed storage items with a schema version and migrations.
 * Every read is checked with zod: corrupt data is detected, reported once (through `onCorrupt`), replaced by what could
 * be salvaged, and the caller rebuilds the rest from the API. The background is the only writer; `update` serialises
 * its read-modify-write cycles so two handlers never overwrite each other's change.
 *
 * Each item keeps its last checked value in memory (frozen, shared by every reader): reading and checking 1,000 tracked
 * requests costs tens of milliseconds, and the popup asks for them each time it opens. The copy follows the store's own
 * writes, and any other change to the stored value (seen through `storage.onChanged`) drops it, so the next read loads
 * and checks again. A worker that starts has no copy: its first reads share one load.
 */
import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { erpRequestSchema } from '../../../lib/contract/api-bodies';
import { STATUSES } from '../../../lib/erp/status';
import type { UserError } from '../../../lib/contract/errors';
import { jsonEqual } from './json-equal';

const id = z.number().int().positive();

/** A request the background tracks, with what it needs to link back and notify once. */
export const trackedRequestSchema = z.object({
  request: erpRequestSchema,
  companyId: id,
  /** Origin of the Procore page it was sent from, to build the link back. */
  origin: z.string(),
  /** The status the admin was last told about (notification/badge de-duplication). */
  notifiedStatus: z.enum(STATUSES).nullable(),
});
export type TrackedRequest = z.infer<typeof trackedRequestSchema>;
/** Tracked requests by `trackedKey`. */
export type TrackedMap = Record<string, TrackedRequest>;
const trackedMapSchema = z.record(z.string(), trackedRequestSchema);

export const trackedKey = (companyId: number, requestId: number): string => `${companyId}:${requestId}`;
export const vendorKey = (companyId: number, vendorId: number): string => `${companyId}:${vendorId}`;

/** A send whose outcome is not known yet: the lock for its vendor and the key every retry reuses. */
export const sendLockSchema = z.object({
  idempotencyKey: z.string().min(1),
  companyId: id,
  vendorId: id,
  origin: z.string(),
  startedAt: z.string(),
});
export type SendLock = z.infer<typeof sendLockSchema>;
const sendLocksSchema = z.record(z.string(), sendLockSchema);

const userErrorSchema = z.object({
  kind: z.string(),
  detail: z.string().optional(),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  status: z.number().optional(),
}) as unknown as z.ZodType<UserError>;

/** Where the last poll of a company left off: the `updated_since` it asked with and the ETag of that answer. */
export const cursorSchema = z.object({ since: z.string().nullable(), etag: z.string().nullable() });
export type CompanyCursor = z.infer<typeof cursorSchema>;

export const pollStateSchema = z.object({
  cursors: z.record(z.string(), cursorSchema),
  lastUpdated: z.string().nullable(),
  lastError: userErrorSchema.nullable(),
  /** A 401: polling stops until the settings change. */
  authError: userErrorSchema.nullable(),
  /** API calls per minute (epoch minute → count), for the hourly budget. */
  calls: z.record(z.string(), z.number().int().nonnegative()),
  /** When the stored tracked requests were found corrupt and rebuilt from the API (the popup says so for a day). */
  repairedAt: z.string().nullable().default(null),
});
export type PollState = z.infer<typeof pollStateSchema>;
export const emptyPollState = (): PollState => ({
  cursors: {},
  lastUpdated: null,
  lastError: null,
  authError: null,
  calls: {},
  repairedAt: null,
});

/** Companies the admin has visited, with the Procore origin to link back to. */
const companiesSchema = z.record(z.string(), z.object({ origin: z.string() }));
export type Companies = z.infer<typeof companiesSchema>;

/** Tabs to tell when a vendor changes, by `vendorKey`. */
const watchersSchema = z.record(z.string(), z.array(z.number().int()));
export type Watchers = z.infer<typeof watchersSchema>;

/** Version 1 kept tracked requests as a list, without the notified status. */
const trackedV1Schema = z.array(z.object({ request: z.unknown(), companyId: z.number(), origin: z.string() }));

export function migrateTrackedV1(old: unknown): unknown {
  const parsed = trackedV1Schema.safeParse(old);
  if (!parsed.success) return old; // left for the zod check on read to detect and rebuild
  const map: Record<string, unknown> = {};
  for (const entry of parsed.data) {
    const request = erpRequestSchema.safeParse(entry.request);
    if (!request.success) continue;
    // What was stored had already been seen by the admin: do not announce it again.
    map[trackedKey(entry.companyId, request.data.id)] = { ...entry, request: request.data, notifiedStatus: request.data.status };
  }
  return map;
}

/** Keeps each valid entry of a record whose other entries are corrupt. */
function salvageRecord<T>(raw: unknown, entry: z.ZodType<T>): Record<string, T> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const kept: Record<string, T> = {};
  for (const [key, value] of Object.entries(raw)) {
    const parsed = entry.safeParse(value);
    if (parsed.success) kept[key] = parsed.data;
  }
  return kept;
}

export interface CheckedItem<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Read, change, write, one at a time. */
  update(change: (value: T) => T | Promise<T>): Promise<T>;
  /** Calls back after every change to the stored value, the store's own writes included. */
  watch(callback: () => void): void;
}

export type CorruptListener = (key: string, raw: unknown) => void;

type StorageKey = `local:${string}` | `session:${string}`;
type Migrations = Record<number, (old: unknown) => unknown>;

/**
 * One stored value with a schema version (kept at `key$`, as WXT does). Not WXT's `defineItem`: that reads the whole
 * value once when defined and again to check its version, and for 1,000 tracked requests each read is tens of
 * milliseconds at the start of a worker that a popup is waiting for. Here one read returns the value and its version.
 */
interface RawItem {
  key: StorageKey;
  read(): Promise<unknown>;
  write(value: unknown): Promise<void>;
  watch(callback: (value: unknown) => void): void;
}

function rawItem(key: StorageKey, version: number, migrations: Migrations): RawItem {
  const metaKey = `${key}$` as StorageKey;
  let versionStored = false;
  return {
    key,
    async read() {
      const [valueEntry, metaEntry] = await storage.getItems([key, metaKey]);
      const value: unknown = valueEntry?.value;
      const meta = metaEntry?.value as Record<string, unknown> | null | undefined;
      if (value === null || value === undefined) return null;
      const stored = typeof meta?.v === 'number' ? meta.v : 1;
      if (stored >= version) {
        versionStored = true;
        return value;
      }
      let migrated: unknown = value;
      for (let next = stored + 1; next <= version; next += 1) migrated = migrations[next]?.(migrated) ?? migrated;
      await storage.setItems([{ key, value: migrated }, { key: metaKey, value: { ...meta, v: version } }]);
      versionStored = true;
      return migrated;
    },
    async write(value) {
      if (versionStored || version === 1) return storage.setItem(key, value);
      await storage.setItems([{ key, value }, { key: metaKey, value: { v: version } }]);
      versionStored = true;
    },
    watch: (callback) => void storage.watch(key, callback),
  };
}

/** Freezes a value and everything in it: one cached value is handed to every reader, and none may change it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function checkedItem<T>(
  item: RawItem,
  schema: z.ZodType<T>,
  fallback: () => T,
  onCorrupt: CorruptListener,
  salvage: (raw: unknown) => T = fallback,
): CheckedItem<T> {
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
    cached = { value: deepFreeze(value) };
    return value;
  };
  // Our own writes come back here too: a value equal to the cached one changes nothing.
  item.watch((stored) => {
    if (!cached || !jsonEqual(stored, cached.value)) forget();
  });

  const load = async (): Promise<T> => {
    const raw = await item.read();
    if (raw === null || raw === undefined) return fallback();
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const repaired = salvage(raw);
    await item.write(repaired); // written back at once, so the same corruption is reported only once
    onCorrupt(item.key, raw);
    return repaired;
  };
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
    const checked = keep(schema.parse(value));
    try {
      await item.write(checked);
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
  return { get, set, update, watch: (callback) => item.watch(() => callback()) };
}

export interface Store {
  tracked: CheckedItem<TrackedMap>;
  sends: CheckedItem<Record<string, SendLock>>;
  poll: CheckedItem<PollState>;
  companies: CheckedItem<Companies>;
  watchers: CheckedItem<Watchers>;
}

export const TRACKED_VERSION = 2;

/** The storage items. Defined by a call (not at import) so that tests start each case from a fresh definition. */
export function createStore(onCorrupt: CorruptListener): Store {
  const define = (key: StorageKey, version = 1, migrations: Migrations = {}) => rawItem(key, version, migrations);
  return {
    tracked: checkedItem(
      define('local:tracked', TRACKED_VERSION, { 2: migrateTrackedV1 }),
      trackedMapSchema,
      () => ({}),
      onCorrupt,
      (raw) => salvageRecord(raw, trackedRequestSchema),
    ),
    sends: checkedItem(define('local:sends'), sendLocksSchema, () => ({}), onCorrupt, (raw) => salvageRecord(raw, sendLockSchema)),
    poll: checkedItem(define('local:poll'), pollStateSchema, emptyPollState, onCorrupt),
    companies: checkedItem(define('local:companies'), companiesSchema, () => ({}), onCorrupt, (raw) =>
      salvageRecord(raw, z.object({ origin: z.string() })),
    ),
    // Session storage: tab ids mean nothing after a browser restart, but they must survive a worker restart.
    watchers: checkedItem(define('session:watchers'), watchersSchema, () => ({}), onCorrupt, (raw) =>
      salvageRecord(raw, z.array(z.number().int())),
    ),
  };
}
