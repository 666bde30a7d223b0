/**
 * A request the background tracks, as it is stored and as the popup receives it (`QueueView`). zod is imported here;
 * the popup takes only the type.
 */
import { z } from 'zod/mini';
import { STATUSES } from '../erp/status';
import { idSchema, storedRequestSchema } from './api-bodies';

export const trackedRequestSchema = z.lazy(() =>
  z.object({
    request: storedRequestSchema,
    companyId: idSchema,
    /** Origin of the Procore page it was seen on, to build the link back. */
    origin: z.string(),
    /** The status the admin was last told about (notification/badge de-duplication). */
    notifiedStatus: z.nullable(z.enum(STATUSES)),
  }),
);
export type TrackedRequest = z.infer<typeof trackedRequestSchema>;

/** Tracked requests by `trackedKey`. */
export type TrackedMap = Record<string, TrackedRequest>;
