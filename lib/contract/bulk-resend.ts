/**
 * A bulk re-send (the popup's "Re-send all that pass the rules"), as the background stores it and the popup receives
 * it: planned (each vendor checked against the export rules, the ones that pass to be sent, the others with why), then
 * started, then finished. zod is imported here; the popup takes only the types.
 */
import { z } from 'zod/mini';
import { idSchema } from './api-bodies';

export const BULK_ITEM_STATES = ['queued', 'sending', 'sent', 'failed'] as const;
export type BulkItemState = (typeof BULK_ITEM_STATES)[number];

const bulkItemSchema = z.lazy(() =>
  z.object({
    companyId: idSchema,
    vendorId: idSchema,
    name: z.string(),
    /** The Procore origin its tracked request was seen on: the link back, as a single send has. */
    origin: z.string(),
    /** The rejected, failed or retrieved request it re-sends: once the vendor's latest is another, it was sent. */
    replaces: idSchema,
    state: z.enum(BULK_ITEM_STATES),
    /** Why it failed, in words. */
    note: z.nullable(z.string()),
  }),
);

const bulkSkipSchema = z.lazy(() =>
  z.object({
    companyId: idSchema,
    vendorId: idSchema,
    name: z.string(),
    /** Every reason it will not be sent, in words. */
    reasons: z.array(z.string()),
  }),
);

export const bulkJobSchema = z.lazy(() =>
  z.object({
    id: z.string(),
    plannedAt: z.string(),
    startedAt: z.nullable(z.string()),
    finishedAt: z.nullable(z.string()),
    items: z.array(bulkItemSchema),
    skipped: z.array(bulkSkipSchema),
  }),
);

export type BulkItem = z.infer<typeof bulkItemSchema>;
export type BulkSkip = z.infer<typeof bulkSkipSchema>;
export type BulkJob = z.infer<typeof bulkJobSchema>;
