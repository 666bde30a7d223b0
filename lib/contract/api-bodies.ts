/**
 * The integration API's bodies (the contract in `docs/contract.md`), parsed with zod. Only the background runs these
 * schemas; the content script and the popup import their types with `import type`, so zod stays out of their bundles.
 */
import { z } from 'zod/mini';
import { STATUSES } from '../erp/status';

export const VENDOR_FIELDS = [
  'name',
  'abbreviated_name',
  'code',
  'address',
  'city',
  'state_code',
  'zip',
  'country_code',
  'business_phone',
  'mobile_phone',
  'fax_number',
  'email_address',
] as const;
export type VendorField = (typeof VENDOR_FIELDS)[number];

/** A record id as this extension's messages and storage accept it. */
export const idSchema = z.int().check(z.positive());

const nullableText = z.pipe(
  z.nullish(z.string()),
  z.transform((v) => v ?? ''),
);
const textOrNull = z.pipe(
  z.nullish(z.string()),
  z.transform((v) => v ?? null),
);
const person = z.object({ id: z.number(), name: z.string() });

export const meSchema = z.object({ id: z.number(), login: z.string(), name: z.string() });
export type Me = z.infer<typeof meSchema>;

export const validatorSchema = z.object({
  validator: z.enum(['present', 'numeric', 'max_length', 'max_line_length']),
  length: z.optional(z.int().check(z.positive())),
  message: z.optional(z.string()),
});
export type ExportValidator = z.infer<typeof validatorSchema>;

export const erpSettingsSchema = z.object({
  erp_system: z.string(),
  erp_system_name: z.string(),
  syncs_companies: z.boolean(),
  erp_data_synced: z.boolean(),
  rules: z._default(z.object({ export: z._default(z.record(z.string(), z.array(validatorSchema)), {}) }), {
    export: {},
  }),
});
export type ErpSettings = z.infer<typeof erpSettingsSchema>;

export const PERMISSION_LEVELS = ['none', 'read_only', 'standard', 'admin'] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

/**
 * Procore's permission manifest (`GET /rest/v1.0/settings/permissions`): one entry per tool with the user's access
 * level on it. Only what the extension reads is checked; every other key Procore sends is ignored.
 */
export const permissionManifestSchema = z.object({
  tools: z.array(
    z.object({
      name: z.string(),
      available_for_user: z.optional(z.boolean()),
      user_access_level: z.nullish(z.object({ name: z.string() })),
    }),
  ),
});
export type PermissionManifest = z.infer<typeof permissionManifestSchema>;

/** Procore's level names, as the manifest words them. */
const MANIFEST_LEVELS: Record<string, PermissionLevel> = {
  Admin: 'admin',
  Standard: 'standard',
  'Read Only': 'read_only',
  None: 'none',
};

/** The user's level on the Directory tool: none when the tool is missing, not available to them, or at a level Procore has not documented. */
export function directoryLevel({ tools }: PermissionManifest): PermissionLevel {
  const directory = tools.find((tool) => tool.name === 'directory');
  if (!directory || directory.available_for_user === false) return 'none';
  return MANIFEST_LEVELS[directory.user_access_level?.name ?? ''] ?? 'none';
}

export const projectSchema = z.object({
  id: z.number(),
  name: z.string(),
  company: z.object({ id: z.number(), name: z.string() }),
});
export type Project = z.infer<typeof projectSchema>;

export const vendorSchema = z.object({
  id: z.number(),
  name: nullableText,
  abbreviated_name: nullableText,
  code: nullableText,
  address: nullableText,
  city: nullableText,
  state_code: nullableText,
  zip: nullableText,
  country_code: nullableText,
  business_phone: nullableText,
  mobile_phone: nullableText,
  fax_number: nullableText,
  email_address: nullableText,
  is_active: z.boolean(),
  synced_to_erp: z.boolean(),
  origin_id: textOrNull,
  origin_code: textOrNull,
  updated_at: z.string(),
});
export type Vendor = z.infer<typeof vendorSchema>;

/**
 * A request as this extension keeps it (in storage and in messages): every field present, null where it does not
 * apply. Checked without transforms: a worker that wakes checks a thousand stored requests before it answers.
 */
export const storedRequestSchema = z.object({
  id: z.number(),
  item_type: z.literal('vendor'),
  item_id: z.number(),
  item_name: z.string(),
  status: z.enum(STATUSES),
  created_at: z.string(),
  updated_at: z.string(),
  sent_by: person,
  decided_by: z.nullable(person),
  decided_at: z.nullable(z.string()),
  rejection_comment: z.nullable(z.string()),
  erp_vendor_id: z.nullable(z.string()),
  errors: z.array(z.string()),
});
export type ErpRequest = z.infer<typeof storedRequestSchema>;

/** What the API may leave out of a request (or send as null) until it applies, and what it then reads as. */
const UNTIL_IT_APPLIES = {
  decided_by: null,
  decided_at: null,
  rejection_comment: null,
  erp_vendor_id: null,
  errors: [],
};

const withUnsetFields = (raw: unknown): unknown => {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const body = raw as Record<string, unknown>;
  const filled = Object.entries(UNTIL_IT_APPLIES).map(([key, unset]) => [key, body[key] ?? unset]);
  return { ...body, ...Object.fromEntries(filled) };
};

/** A request as the API answers it. */
export const erpRequestSchema = z.pipe(z.transform(withUnsetFields), storedRequestSchema);
export const erpRequestListSchema = z.array(erpRequestSchema);

export const errorBodySchema = z.union([
  z.object({ errors: z.record(z.string(), z.array(z.string())) }),
  z.object({ message: z.string() }),
]);
