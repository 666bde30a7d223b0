/** How records are keyed everywhere (storage, the queue, the badge). zod-free: every context imports this. */

/** Request ids are per company. */
export const trackedKey = (companyId: number, requestId: number): string => `${companyId}:${requestId}`;

/** A vendor is one vendor on whichever Procore host it was seen: company ids are Procore-wide. */
export const vendorKey = (companyId: number, vendorId: number): string => `${companyId}:${vendorId}`;
