/**
 * Why sending is unavailable right now, as data: not a Directory Admin, the ERP data not synced, the integration not
 * exporting companies, the company inactive, unsaved edits, and every export rule the record breaks. Computed from
 * the saved vendor, what is typed in the form, the integration's settings and export rules, and the admin's
 * permission; `why-unavailable-text.ts` words each reason. Pure and zod-free: the content script recomputes it on
 * every keystroke, and the popup checks a re-send with it.
 */
import type { ErpSettings, ExportValidator, PermissionLevel, Vendor, VendorField } from '../contract/api-bodies';
import type { UserError } from '../contract/errors';

export type Reason =
  | { code: 'not_admin' }
  | { code: 'erp_not_synced' }
  | { code: 'no_company_sync'; erpName: string }
  | { code: 'inactive' }
  | { code: 'unsaved' }
  | { code: 'present'; field: VendorField }
  | { code: 'numeric'; field: VendorField }
  /** `source`: 'api' when the integration's export rules gave the limit, 'published' when it came from Procore's per-ERP table. */
  | {
      code: 'max_length';
      field: VendorField;
      length: number;
      limit: number;
      erpName: string;
      source: 'api' | 'published';
    }
  | { code: 'max_line_length'; field: VendorField; line: number; length: number; limit: number; erpName: string }
  /** 422 from the server: its own words for a field, shown as text. */
  | { code: 'server'; field: string; message: string };

export type ReasonCode = Reason['code'];

export interface RuleInput {
  vendor: Vendor;
  /** What the form shows now; it wins over the saved vendor. */
  form: Partial<Record<VendorField, string>>;
  settings: ErpSettings;
  permission: PermissionLevel;
  /** The form has edits that are not saved yet (the API sends the saved record). */
  dirty: boolean;
}

/** Company name limits Procore publishes per ERP (its FAQ on company name lengths), by `erp_system`. */
export const PUBLISHED_NAME_LIMITS: Record<string, number> = Object.freeze({
  viewpoint_vista: 60,
  quickbooks_desktop: 41,
  quickbooks_online: 100,
  sage_100_contractor: 30,
  sage_300_cre: 30,
  viewpoint_spectrum: 30,
  acumatica: 30,
});

/** Procore's Abbreviated Name field holds at most this many characters, whatever the ERP. */
export const ABBREVIATED_NAME_LIMIT = 10;

/** The published limit, or null for an ERP without one (never invent a limit). */
export const publishedNameLimit = (erpSystem: string): number | null =>
  Object.hasOwn(PUBLISHED_NAME_LIMITS, erpSystem) ? (PUBLISHED_NAME_LIMITS[erpSystem] ?? null) : null;

/** Length as people count it: code points, so an emoji or a CJK extension character counts once. */
const charCount = (text: string): number => [...text].length;

type Validator = ExportValidator & { source: 'api' | 'published'; erpName: string };

/** The API's validators per field, plus the published limits for fields whose rules give no `max_length`. */
function validatorsByField(settings: ErpSettings): Map<string, Validator[]> {
  const byField = new Map<string, Validator[]>();
  for (const [field, validators] of Object.entries(settings.rules.export)) {
    byField.set(
      field,
      validators.map((v) => ({ ...v, source: 'api', erpName: settings.erp_system_name })),
    );
  }
  const published: [VendorField, number | null, string][] = [
    ['name', publishedNameLimit(settings.erp_system), settings.erp_system_name],
    ['abbreviated_name', ABBREVIATED_NAME_LIMIT, 'Procore'],
  ];
  for (const [field, limit, erpName] of published) {
    const validators = byField.get(field) ?? [];
    if (limit === null || validators.some((v) => v.validator === 'max_length' && v.length !== undefined)) continue;
    byField.set(field, [...validators, { validator: 'max_length', length: limit, source: 'published', erpName }]);
  }
  return byField;
}

function check(field: VendorField, value: string, v: Validator): Reason[] {
  switch (v.validator) {
    case 'present':
      return value.trim() === '' ? [{ code: 'present', field }] : [];
    case 'numeric': {
      const trimmed = value.trim();
      return trimmed !== '' && !/^\d+$/.test(trimmed) ? [{ code: 'numeric', field }] : [];
    }
    case 'max_length': {
      if (v.length === undefined) return [];
      const length = charCount(value);
      return length > v.length
        ? [{ code: 'max_length', field, length, limit: v.length, erpName: v.erpName, source: v.source }]
        : [];
    }
    case 'max_line_length': {
      const limit = v.length;
      if (limit === undefined) return [];
      return value.split(/\r?\n/).flatMap((line, index): Reason[] => {
        const length = charCount(line);
        return length > limit
          ? [{ code: 'max_line_length', field, line: index + 1, length, limit, erpName: v.erpName }]
          : [];
      });
    }
  }
}

/** Every reason sending is unavailable, all at once, in a stable order; [] when the admin may send. */
export function computeReasons(input: RuleInput): Reason[] {
  const { vendor, form, settings } = input;
  const reasons: Reason[] = [];
  if (input.permission !== 'admin') reasons.push({ code: 'not_admin' });
  if (!settings.erp_data_synced) reasons.push({ code: 'erp_not_synced' });
  if (!settings.syncs_companies) reasons.push({ code: 'no_company_sync', erpName: settings.erp_system_name });
  if (!vendor.is_active) reasons.push({ code: 'inactive' });
  if (input.dirty) reasons.push({ code: 'unsaved' });

  for (const [key, validators] of validatorsByField(settings)) {
    const saved: unknown = vendor[key as keyof Vendor];
    // A rule on a field the vendor holds no text for (unknown to this contract) cannot be checked here; the server's 422 will name it.
    if (typeof saved !== 'string') continue;
    const field = key as VendorField;
    const value = form[field] ?? saved;
    for (const validator of validators) reasons.push(...check(field, value, validator));
  }
  return reasons;
}

/** A 422's field errors as reasons, so they show in the same list as the others and name their field. */
export const serverReasons = (error: UserError): Reason[] =>
  Object.entries(error.fieldErrors ?? {}).flatMap(([field, messages]) =>
    messages.map((message): Reason => ({ code: 'server', field, message })),
  );
