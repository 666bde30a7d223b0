/**
 * The background's stored items (declared in `lib/extension/storage-items.ts`), each with the zod schema that checks
 * it on every load (the kept views, read first by a worker woken for a vendor page: when written), its fallback, what
 * can be salvaged of it, and its migrations. Each schema is built the first time it checks something (`z.lazy`). The
 * background is the only writer; `update` serialises its read-modify-write cycles so two handlers never overwrite each
 * other's change.
 */
import { z } from 'zod/mini';
import {
  erpRequestSchema,
  idSchema,
  PERMISSION_LEVELS,
  storedRequestSchema,
  vendorSchema,
} from '@/lib/contract/api-bodies';
import type { VendorView } from '@/lib/contract/messages';
import { VALIDATORS, type ErpSettings } from '@/lib/erp/export-settings';
import type { UserError } from '@/lib/contract/errors';
import { bulkJobSchema, type BulkJob } from '@/lib/contract/bulk-resend';
import { trackedRequestSchema, type TrackedMap } from '@/lib/contract/tracked-request';
import { dropOldestSynced } from './tracked-requests';
import { trackedKey } from '@/lib/contract/keys';
import { checkedItem, type CheckedItem, type CorruptListener } from '@/lib/extension/checked-item';
import { STORED } from '@/lib/extension/storage-items';
import { checkFirstScreen, type FirstScreen } from '@/lib/erp/queue';
import { WHOSE, type Whose } from '@/lib/erp/whose';

/** A send whose outcome is not known yet: the lock for its vendor and the key every retry reuses. */
const sendLockSchema = z.lazy(() =>
  z.object({
    idempotencyKey: z.string().check(z.minLength(1)),
    companyId: idSchema,
    vendorId: idSchema,
    origin: z.string(),
    startedAt: z.string(),
  }),
);
export type SendLock = z.infer<typeof sendLockSchema>;

const userErrorSchema = z.lazy(
  () =>
    z.object({
      kind: z.string(),
      detail: z.optional(z.string()),
      fieldErrors: z.optional(z.record(z.string(), z.array(z.string()))),
      status: z.optional(z.number()),
    }) as unknown as z.ZodMiniType<UserError>,
);

/** Where the last poll of a company left off: the `updated_since` it asked with and the ETag of that answer. */
const cursorSchema = z.lazy(() => z.object({ since: z.nullable(z.string()), etag: z.nullable(z.string()) }));
export type CompanyCursor = z.infer<typeof cursorSchema>;

/**
 * What the last poll of a company had to leave out, for the popup's one line about it: the list refused (the token no
 * longer reaches the company: 403, 404) or items of another company in its answer. What is stored stays.
 */
const companyNoteSchema = z.lazy(() =>
  z.object({ error: z.nullable(userErrorSchema), foreign: z.int().check(z.nonnegative()) }),
);
export type CompanyNote = z.infer<typeof companyNoteSchema>;

const pollStateSchema = z.lazy(() =>
  z.object({
    cursors: z.record(z.string(), cursorSchema),
    lastUpdated: z.nullable(z.string()),
    lastError: z.nullable(userErrorSchema),
    /** A 401: polling stops until the settings change. */
    authError: z.nullable(userErrorSchema),
    /** API calls per minute (epoch minute → count), for the hourly budget. */
    calls: z.record(z.string(), z.int().check(z.nonnegative())),
    /** When the stored tracked requests were found corrupt and rebuilt from the API (the popup says so for a day). */
    repairedAt: z._default(z.nullable(z.string()), null),
    /** Synced requests dropped because storage was full, not yet told to the admin (the popup's next list says so). */
    droppedForSpace: z._default(z.nullable(z.object({ count: z.int(), at: z.string() })), null),
    /** The signed-in user (`GET /me`), whose requests are "mine"; asked again when the settings change. */
    me: z._default(z.nullable(z.object({ id: z.number(), name: z.string() })), null),
    /** By company id: what its last poll left out. */
    companyNotes: z._default(z.record(z.string(), companyNoteSchema), {}),
  }),
);
export type PollState = z.infer<typeof pollStateSchema>;
const emptyPollState = (): PollState => ({
  cursors: {},
  lastUpdated: null,
  lastError: null,
  authError: null,
  calls: {},
  repairedAt: null,
  droppedForSpace: null,
  me: null,
  companyNotes: {},
});

const rateGateSchema = z.lazy(() => z.object({ closedUntil: z.number() }));
export type RateGateState = z.infer<typeof rateGateSchema>;

const companySchema = z.lazy(() => z.object({ origin: z.string() }));
/** Companies the admin has visited, with the Procore origin to link back to. */
export type Companies = Record<string, z.infer<typeof companySchema>>;

const tabIdsSchema = z.lazy(() => z.array(z.int()));
/** Tabs to tell when a vendor changes, by `vendorKey`. */
export type Watchers = Record<string, z.infer<typeof tabIdsSchema>>;

/** The integration's settings as a vendor view carries them (`ErpSettings`), made from the API's answer already. */
const erpSettingsSchema = z.lazy(
  () =>
    z.object({
      erpSystem: z.string(),
      erpName: z.string(),
      erpDataSynced: z.boolean(),
      exports: z.object({ create: z.boolean(), update: z.boolean() }),
      warning: z.nullable(z.string()),
      rules: z.record(
        z.string(),
        z.array(
          z.object({ validator: z.enum(VALIDATORS), length: z.optional(z.number()), message: z.optional(z.string()) }),
        ),
      ),
      ignored: z.array(z.string()),
    }) as unknown as z.ZodMiniType<ErpSettings>,
);

/** A vendor page's view as it was answered, without a notice (that was said once), and when (`kept-views.ts`). */
const keptViewSchema = z.lazy(() =>
  z.object({
    at: z.number(),
    told: z.boolean(),
    view: z.object({
      companyId: idSchema,
      vendorId: idSchema,
      vendor: vendorSchema,
      settings: erpSettingsSchema,
      permission: z.enum(PERMISSION_LEVELS),
      latest: z.nullable(storedRequestSchema),
      history: z.array(storedRequestSchema),
    }) as unknown as z.ZodMiniType<VendorView>,
  }),
);
export type KeptView = z.infer<typeof keptViewSchema>;

/** Version 1 kept tracked requests as a list, without the notified status. */
const trackedV1Schema = z.lazy(() =>
  z.array(z.object({ request: z.unknown(), companyId: z.number(), origin: z.string() })),
);

function migrateTrackedV1(old: unknown): unknown {
  const parsed = trackedV1Schema.safeParse(old);
  if (!parsed.success) return old; // left for the zod check on read to detect and rebuild
  const map: Record<string, unknown> = {};
  for (const entry of parsed.data) {
    const request = erpRequestSchema.safeParse(entry.request);
    if (!request.success) continue;
    // What was stored had already been seen by the admin: do not announce it again.
    map[trackedKey(entry.companyId, request.data.id)] = {
      ...entry,
      request: request.data,
      notifiedStatus: request.data.status,
    };
  }
  return map;
}

/** Keeps each valid entry of a record whose other entries are corrupt. */
function salvageRecord<T>(entry: z.ZodMiniType<T>): (raw: unknown) => Record<string, T> {
  return (raw) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    const kept: Record<string, T> = {};
    for (const [key, value] of Object.entries(raw)) {
      const parsed = entry.safeParse(value);
      if (parsed.success) kept[key] = parsed.data;
    }
    return kept;
  };
}

/** A record of entries, each checked, the valid ones kept when others are corrupt. */
const recordOf = <T>(entry: z.ZodMiniType<T>) => {
  const record = z.lazy(() => z.record(z.string(), entry));
  return {
    check: (raw: unknown) => record.safeParse(raw),
    fallback: (): Record<string, T> => ({}),
    salvage: salvageRecord(entry),
  };
};

export interface StoredItems {
  tracked: CheckedItem<TrackedMap>;
  sends: CheckedItem<Record<string, SendLock>>;
  poll: CheckedItem<PollState>;
  companies: CheckedItem<Companies>;
  watchers: CheckedItem<Watchers>;
  rateGate: CheckedItem<RateGateState>;
  firstScreen: CheckedItem<FirstScreen | null>;
  queueFilter: CheckedItem<Whose>;
  bulkResend: CheckedItem<BulkJob | null>;
  keptViews: CheckedItem<Record<string, KeptView>>;
}

/**
 * The background's items. Opened by a call (not at import) so that tests start each case from a fresh definition.
 * `onDropped`: synced requests were dropped to fit a write into full storage.
 */
export function openStoredItems(
  onCorrupt: CorruptListener,
  onDropped: (count: number) => void = () => {},
): StoredItems {
  const trackedChecked = checkedItem<string | null>(STORED.trackedChecked, {
    check: (raw) => (typeof raw === 'string' ? { success: true, data: raw } : { success: false }),
    fallback: () => null,
    onCorrupt,
  });
  return {
    tracked: checkedItem(STORED.tracked, {
      ...recordOf(trackedRequestSchema),
      // Checked requests are stored as they were checked: the check strips, defaults and transforms nothing.
      checkedText: { load: () => trackedChecked.get(), save: (digest) => trackedChecked.set(digest) },
      onCorrupt,
      whenFull: (tracked) => {
        const { next, dropped } = dropOldestSynced(tracked);
        if (!dropped) return null;
        onDropped(dropped);
        return next;
      },
      // Version 3 is version 2's map stored as JSON text (`asJsonText`): the item writes it so as it reads it.
      migrations: { 2: migrateTrackedV1, 3: (map) => map },
    }),
    sends: checkedItem(STORED.sends, { ...recordOf(sendLockSchema), onCorrupt }),
    poll: checkedItem(STORED.poll, {
      check: (raw) => pollStateSchema.safeParse(raw),
      fallback: emptyPollState,
      onCorrupt,
    }),
    companies: checkedItem(STORED.companies, { ...recordOf(companySchema), onCorrupt }),
    watchers: checkedItem(STORED.watchers, { ...recordOf(tabIdsSchema), onCorrupt }),
    rateGate: checkedItem(STORED.rateGate, {
      check: (raw) => rateGateSchema.safeParse(raw),
      fallback: () => ({ closedUntil: 0 }),
      onCorrupt,
    }),
    // Written only from values already checked; an unreadable copy is dropped (the popup then asks the worker).
    firstScreen: checkedItem<FirstScreen | null>(STORED.firstScreen, {
      check: (raw) =>
        raw === null || checkFirstScreen(raw)
          ? { success: true as const, data: raw as FirstScreen | null }
          : { success: false as const },
      fallback: () => null,
      onCorrupt,
    }),
    queueFilter: checkedItem<Whose>(STORED.queueFilter, {
      check: (raw) => z.enum(WHOSE).safeParse(raw),
      fallback: () => 'everyone',
      onCorrupt,
    }),
    bulkResend: checkedItem<BulkJob | null>(STORED.bulkResend, {
      check: (raw) => z.nullable(bulkJobSchema).safeParse(raw),
      fallback: () => null,
      onCorrupt,
    }),
    keptViews: checkedItem(STORED.keptViews, { ...recordOf(keptViewSchema), checkOnRead: false, onCorrupt }),
  };
}
