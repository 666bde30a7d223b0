/**
 * The integration API's bodies (the contract in `docs/contract/openapi.yaml`), parsed with zod. Only the background runs these
 * schemas; the content script and the popup import their types with `import type`, so zod stays out of their bundles.
 *
 * Each exported schema is built the first time it checks something (`z.lazy`), its parts with it: a worker woken by
 * one message pays for the schemas that message uses, not for all of them before it may answer (`npm run bench`).
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

const nullableText = () =>
  z.pipe(
    z.nullish(z.string()),
    z.transform((v) => v ?? ''),
  );
const textOrNull = () =>
  z.pipe(
    z.nullish(z.string()),
    z.transform((v) => v ?? null),
  );
const person = () => z.object({ id: z.number(), name: z.string() });

export const meSchema = z.lazy(() => z.object({ id: z.number(), login: z.string(), name: z.string() }));
export type Me = z.infer<typeof meSchema>;

const enabledFlag = () => ({ enabled: z.optional(z.boolean()) });

/**
 * One validator as Procore's ERP metadata words it; every validator, known to the extension or not, has this shape.
 * A missing `enabled` means enabled (Procore's own example leaves it out).
 */
const metadataValidatorSchema = () =>
  z.object({
    ...enabledFlag(),
    length: z.optional(z.int().check(z.nonnegative())),
    message: z.optional(z.string()),
  });

const metadataFieldSchema = () =>
  z.object({
    ...enabledFlag(),
    validation: z.optional(z.record(z.string(), metadataValidatorSchema())),
  });

/** The vendor entity of the metadata: whether vendors are exported (new ones, ones exported before) and the export rules. */
const vendorEntitySchema = () =>
  z.object({
    ...enabledFlag(),
    configs: z.optional(
      z.object({
        export: z.optional(
          z.object({
            ...enabledFlag(),
            create: z.optional(z.object(enabledFlag())),
            update: z.optional(z.object(enabledFlag())),
          }),
        ),
      }),
    ),
    rules: z.optional(
      z.object({
        export: z.optional(
          z.object({
            warning_message: z.optional(z.object({ ...enabledFlag(), message: z.optional(z.string()) })),
            fields: z.optional(z.record(z.string(), metadataFieldSchema())),
          }),
        ),
      }),
    ),
  });

/**
 * The integration's metadata as Procore's ERP connection holds it (its "ERP Integration Metadata" format). Only the
 * labels and the vendor entity are read; every other entity and key (tab, save rules, jobs…) is ignored.
 */
export const erpMetadataSchema = z.lazy(() =>
  z.object({
    settings: z.object({
      labels: z.optional(
        z.object({ name: z.optional(z.string()), id_name: z.optional(z.string()), short_name: z.optional(z.string()) }),
      ),
      entities: z.optional(z.object({ vendors: z.optional(vendorEntitySchema()) })),
    }),
  }),
);
export type ErpMetadata = z.infer<typeof erpMetadataSchema>;
export type ErpVendorEntity = z.infer<ReturnType<typeof vendorEntitySchema>>;

/** `GET /companies/{id}/erp/settings`: the ERP, whether its data is synced, and the integration's metadata. */
export const erpSettingsSchema = z.lazy(() =>
  z.object({
    erp_system: z.string(),
    erp_data_synced: z.boolean(),
    metadata: erpMetadataSchema,
  }),
);
export type ErpSettingsBody = z.infer<typeof erpSettingsSchema>;

export const PERMISSION_LEVELS = ['none', 'read_only', 'standard', 'admin'] as const;
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

/**
 * Procore's permission manifest (`GET /rest/v1.0/settings/permissions`): one entry per tool with the user's access
 * level on it. Only what the extension reads is checked; every other key Procore sends is ignored.
 */
export const permissionManifestSchema = z.lazy(() =>
  z.object({
    tools: z.array(
      z.object({
        name: z.string(),
        available_for_user: z.optional(z.boolean()),
        user_access_level: z.nullish(z.object({ name: z.string() })),
      }),
    ),
  }),
);
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

export const projectSchema = z.lazy(() =>
  z.object({
    id: z.number(),
    name: z.string(),
    company: z.object({ id: z.number(), name: z.string() }),
  }),
);
export type Project = z.infer<typeof projectSchema>;

export const vendorSchema = z.lazy(() => {
  const text = nullableText();
  return z.object({
    id: z.number(),
    ...(Object.fromEntries(VENDOR_FIELDS.map((field) => [field, text])) as Record<VendorField, typeof text>),
    is_active: z.boolean(),
    synced_to_erp: z.boolean(),
    origin_id: textOrNull(),
    origin_code: textOrNull(),
    updated_at: z.string(),
  });
});
export type Vendor = z.infer<typeof vendorSchema>;

/**
 * A request as this extension keeps it (in storage and in messages): every field present, null where it does not
 * apply. Checked without transforms: a worker that wakes checks a thousand stored requests before it answers.
 */
const storedRequestShape = () => ({
  id: z.number(),
  item_type: z.literal('vendor'),
  item_id: z.number(),
  item_name: z.string(),
  status: z.enum(STATUSES),
  created_at: z.string(),
  updated_at: z.string(),
  sent_by: person(),
  decided_by: z.nullable(person()),
  decided_at: z.nullable(z.string()),
  rejection_comment: z.nullable(z.string()),
  erp_vendor_id: z.nullable(z.string()),
  errors: z.array(z.string()),
});
export const storedRequestSchema = z.lazy(() => z.object(storedRequestShape()));
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
export const erpRequestSchema = z.lazy(() => z.pipe(z.transform(withUnsetFields), storedRequestSchema));
/**
 * A list's items: each may name its company (`company_id`), so that an item of another company than the one asked
 * is left out instead of filed under the wrong one.
 */
export const listedRequestsSchema = z.lazy(() =>
  z.array(
    z.pipe(z.transform(withUnsetFields), z.object({ ...storedRequestShape(), company_id: z.optional(z.number()) })),
  ),
);

export const errorBodySchema = z.lazy(() =>
  z.union([z.object({ errors: z.record(z.string(), z.array(z.string())) }), z.object({ message: z.string() })]),
);
