/** zod schemas for every message the background accepts (the content script is on a page we do not own). */
import { z } from 'zod';

const id = z.number().int().positive();
export const pageRefSchema = z.discriminatedUnion('level', [
  z.object({ level: z.literal('company'), companyId: id, vendorId: id }),
  z.object({ level: z.literal('project'), projectId: id, vendorId: id }),
]);

export const messageSchemas = {
  getVendor: z.object({ page: pageRefSchema, refresh: z.boolean() }),
  send: z.object({ companyId: id, vendorId: id, origin: z.string().url() }),
  retrieve: z.object({ companyId: id, vendorId: id, requestId: id }),
  watch: z.object({ companyId: id, vendorId: id }),
  getQueue: z.object({ refresh: z.boolean() }),
  testConnection: z.object({ baseUrl: z.string().url(), token: z.string().min(1) }),
} as const;
