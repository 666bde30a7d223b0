/**
 * Why sending is unavailable right now, as data: not a Directory Admin, the ERP data not synced, the integration not
 * exporting companies, the company inactive, unsaved edits, and every export rule the record breaks. Computed from
 * the saved vendor, what is typed in the form, the integration's settings and export rules, and the admin's
 * permission; `why-unavailable-text.ts` words each reason. Pure and zod-free: the content script recomputes it on
 * every keystroke, and the popup checks a re-send with it.
 */
import type { PermissionLevel, Vendor, VendorField } from '../contract/api-bodies';
import type { UserError } from '../contract/errors';
import { exportsCompany, type ErpSettings, type ExportValidator } from './export-settings';

type DigitCount = { digits: number; limit: number; erpName: string };

/** `message`: the integration's own words for the rule, when its metadata gives them. */
type RuleReason<Code extends string, Detail = object> = {
  code: Code;
  field: VendorField;
  message?: string | undefined;
} & Detail;

export type Reason =
  | { code: 'not_admin' }
  | { code: 'erp_not_synced' }
  | { code: 'no_company_sync'; erpName: string }
  | { code: 'inactive' }
  | { code: 'unsaved' }
  | RuleReason<'present'>
  | RuleReason<'numeric'>
  | RuleReason<'positive'>
  /** `source`: 'api' when the integration's export rules gave the limit, 'published' when it came from Procore's per-ERP table. */
  | RuleReason<'max_length', { length: number; limit: number; erpName: string; source: 'api' | 'published' }>
  | RuleReason<'max_line_length', { line: number; length: number; limit: number; erpName: string }>
  /** Digits after the decimal point (`max_length_decimal`) or before it (`max_length_units`). */
  | RuleReason<'max_length_decimal', DigitCount>
  | RuleReason<'max_length_units', DigitCount>
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
  for (const [field, validators] of Object.entries(settings.rules)) {
    byField.set(
      field,
      validators.map((v) => ({ ...v, source: 'api', erpName: settings.erpName })),
    );
  }
  const published: [VendorField, number | null, string][] = [
    ['name', publishedNameLimit(settings.erpSystem), settings.erpName],
    ['abbreviated_name', ABBREVIATED_NAME_LIMIT, 'Procore'],
  ];
  for (const [field, limit, erpName] of published) {
    const validators = byField.get(field) ?? [];
    if (limit === null || validators.some((v) => v.validator === 'max_length' && v.length !== undefined)) continue;
    byField.set(field, [...validators, { validator: 'max_length', length: limit, source: 'published', erpName }]);
  }
  return byField;
}

/** A number as typed: an optional sign, digits, an optional decimal part (`12`, `-3.5`, `.25`). */
const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** The digits before and after the decimal point, or null when the text is not a number. */
function numberParts(text: string): { units: string; decimals: string } | null {
  const match = NUMBER.exec(text);
  if (!match) return null;
  const [, , units = '', decimals = ''] = match;
  return units === '' && decimals === '' ? null : { units, decimals };
}

/** A length validator's broken rule: the reason with the measured count, or none. */
function overLimit(
  field: VendorField,
  v: Validator,
  measured: number,
): { field: VendorField; limit: number; erpName: string; message: string | undefined } | null {
  if (v.length === undefined || measured <= v.length) return null;
  return { field, limit: v.length, erpName: v.erpName, message: v.message };
}

function checkNumber(field: VendorField, text: string, v: Validator): Reason[] {
  const { message } = v;
  if (text === '') return [];
  const parts = numberParts(text);
  switch (v.validator) {
    case 'numeric':
      return parts ? [] : [{ code: 'numeric', field, message }];
    case 'positive':
      return parts && Number(text) > 0 ? [] : [{ code: 'positive', field, message }];
    default: {
      if (!parts) return [];
      const digits = (v.validator === 'max_length_decimal' ? parts.decimals : parts.units).length;
      const over = overLimit(field, v, digits);
      return over ? [{ code: v.validator as 'max_length_decimal' | 'max_length_units', digits, ...over }] : [];
    }
  }
}

function check(field: VendorField, value: string, v: Validator): Reason[] {
  switch (v.validator) {
    case 'present':
      return value.trim() === '' ? [{ code: 'present', field, message: v.message }] : [];
    case 'max_length': {
      const length = charCount(value);
      const over = overLimit(field, v, length);
      return over ? [{ code: 'max_length', length, source: v.source, ...over }] : [];
    }
    case 'max_line_length':
      return value.split(/\r?\n/).flatMap((text, index): Reason[] => {
        const length = charCount(text);
        const over = overLimit(field, v, length);
        return over ? [{ code: 'max_line_length', line: index + 1, length, ...over }] : [];
      });
    default:
      return checkNumber(field, value.trim(), v);
  }
}

/**
 * Every export rule the record breaks, the published limits included, in a stable order: what the form shows wins
 * over the saved vendor. The sandbox's ERP checks a send with this too, so the page and the server agree on a rule.
 */
export function ruleReasons(
  settings: ErpSettings,
  vendor: Vendor,
  form: Partial<Record<VendorField, string>> = {},
): Reason[] {
  const reasons: Reason[] = [];
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

/** Every reason sending is unavailable, all at once, in a stable order; [] when the admin may send. */
export function computeReasons(input: RuleInput): Reason[] {
  const { vendor, settings } = input;
  const reasons: Reason[] = [];
  if (input.permission !== 'admin') reasons.push({ code: 'not_admin' });
  if (!settings.erpDataSynced) reasons.push({ code: 'erp_not_synced' });
  if (!exportsCompany(settings, vendor)) reasons.push({ code: 'no_company_sync', erpName: settings.erpName });
  if (!vendor.is_active) reasons.push({ code: 'inactive' });
  if (input.dirty) reasons.push({ code: 'unsaved' });
  return [...reasons, ...ruleReasons(settings, vendor, input.form)];
}

/** The reasons for the saved vendor alone, nothing typed and nothing unsaved: a re-send from outside its page. */
export const savedVendorReasons = (saved: Pick<RuleInput, 'vendor' | 'settings' | 'permission'>): Reason[] =>
  computeReasons({ ...saved, form: {}, dirty: false });

/** A 422's field errors as reasons, so they show in the same list as the others and name their field. */
export const serverReasons = (error: UserError): Reason[] =>
  Object.entries(error.fieldErrors ?? {}).flatMap(([field, messages]) =>
    messages.map((message): Reason => ({ code: 'server', field, message })),
  );
