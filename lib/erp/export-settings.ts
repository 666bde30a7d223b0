/**
 * The integration's settings as the rules read them, from the API's body in Procore's ERP metadata format: the ERP's
 * name, whether it exports companies, the warning it asks to show, and the export validators that apply (enabled, and
 * known to this extension). The background makes it once per answer; the page, the popup and the sandbox read it.
 */
import type { ErpSettingsBody, ErpVendorEntity } from '../contract/api-bodies';

/** Every validator Procore's metadata guide documents. */
export const VALIDATORS = [
  'present',
  'numeric',
  'max_length',
  'max_length_decimal',
  'max_length_units',
  'max_line_length',
  'positive',
] as const;
export type ValidatorName = (typeof VALIDATORS)[number];

export interface ExportValidator {
  validator: ValidatorName;
  length?: number;
  /** The integration's own words, `%{length}` already filled in; absent when it gave none. */
  message?: string;
}

export interface ErpSettings {
  erpSystem: string;
  /** The metadata's `labels.name` (else its short name, else the ERP's key): the ERP as every reason names it. */
  erpName: string;
  erpDataSynced: boolean;
  /** Whether the integration exports a company it never exported (`create`) and one it did (`update`). */
  exports: { create: boolean; update: boolean };
  /** The integration's enabled export `warning_message`, shown beside the control. */
  warning: string | null;
  /** The export validators that apply, by vendor field. */
  rules: Record<string, ExportValidator[]>;
  /** Validators the metadata names that this extension does not know (`field.validator`): ignored, and said once. */
  ignored: string[];
}

const isValidator = (name: string): name is ValidatorName => (VALIDATORS as readonly string[]).includes(name);

/** A flag the metadata left out is on. */
const on = (flag: { enabled?: boolean } | undefined): boolean => flag?.enabled !== false;

/** Procore interpolates `%{length}` into a validator's message; other placeholders are the integration's own. */
export const interpolate = (message: string, length: number | undefined): string =>
  length === undefined ? message : message.replaceAll('%{length}', String(length));

function exportRules(vendors: ErpVendorEntity | undefined): Pick<ErpSettings, 'rules' | 'ignored'> {
  const rules: Record<string, ExportValidator[]> = {};
  const ignored: string[] = [];
  for (const [field, spec] of Object.entries(vendors?.rules?.export?.fields ?? {})) {
    if (!on(spec)) continue;
    const validators: ExportValidator[] = [];
    for (const [name, { enabled, length, message }] of Object.entries(spec.validation ?? {})) {
      if (!isValidator(name)) {
        ignored.push(`${field}.${name}`);
        continue;
      }
      if (!on({ enabled })) continue;
      validators.push({
        validator: name,
        ...(length === undefined ? {} : { length }),
        ...(message ? { message: interpolate(message, length) } : {}),
      });
    }
    if (validators.length > 0) rules[field] = validators;
  }
  return { rules, ignored };
}

/** The API's body as the rules read it. A metadata without a vendor entity exports no companies. */
export function exportSettings(body: ErpSettingsBody): ErpSettings {
  const { labels, entities } = body.metadata.settings;
  const vendors = entities?.vendors;
  const exporting = vendors !== undefined && on(vendors) && on(vendors.configs?.export);
  const warning = vendors?.rules?.export?.warning_message;
  return {
    erpSystem: body.erp_system,
    erpName: labels?.name || labels?.short_name || body.erp_system,
    erpDataSynced: body.erp_data_synced,
    exports: {
      create: exporting && on(vendors.configs?.export?.create),
      update: exporting && on(vendors.configs?.export?.update),
    },
    warning: warning && on(warning) && warning.message?.trim() ? warning.message : null,
    ...exportRules(vendors),
  };
}

/** Whether the integration takes this company: a company it exported before (`origin_id` set) needs `update`. */
export const exportsCompany = (settings: ErpSettings, vendor: { origin_id: string | null }): boolean =>
  vendor.origin_id === null ? settings.exports.create : settings.exports.update;
