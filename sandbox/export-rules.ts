/**
 * The checks the sandbox's ERP applies before export: the company's metadata and the published limits, through the
 * extension's own rule engine (so a rule means one thing on both sides), worded as an integration words them: its
 * metadata's message, else a plain English sentence.
 */
import type { ErpSettingsBody } from '../lib/contract/api-bodies';
import { exportSettings, type ErpSettings } from '../lib/erp/export-settings';
import { ruleReasons, type Reason } from '../lib/erp/why-unavailable';
import type { Company, Vendor } from './model';

export type FieldErrors = Record<string, string[]>;

/** `GET /companies/{id}/erp/settings`. */
export const settingsBody = ({ erp_system, erp_data_synced, metadata }: Company): ErpSettingsBody => ({
  erp_system,
  erp_data_synced,
  metadata,
});

/** The integration's settings read as the extension reads them. */
export const companySettings = (company: Company): ErpSettings => exportSettings(settingsBody(company));

function words(reason: Reason): string {
  if ('message' in reason && reason.message) return reason.message;
  const cannot = 'This Vendor cannot be sent to ERP because';
  switch (reason.code) {
    case 'present':
      return `${cannot} ${reason.field} must be present.`;
    case 'numeric':
      return `${cannot} ${reason.field} must be numeric.`;
    case 'positive':
      return `${cannot} ${reason.field} must be a positive number.`;
    case 'max_length':
      return `${cannot} ${reason.field} must be less than ${reason.limit} characters.`;
    case 'max_line_length':
      return `${cannot} each line of ${reason.field} must be at most ${reason.limit} characters.`;
    case 'max_length_decimal':
      return `${cannot} ${reason.field} may have at most ${reason.limit} decimal places.`;
    case 'max_length_units':
      return `${cannot} ${reason.field} may have at most ${reason.limit} digits before the decimal point.`;
    default:
      return `${cannot} it does not meet the export rules.`;
  }
}

export function exportErrors(settings: ErpSettings, vendor: Vendor): FieldErrors {
  const errors: FieldErrors = {};
  for (const reason of ruleReasons(settings, vendor)) {
    if ('field' in reason) (errors[reason.field] ??= []).push(words(reason));
  }
  return errors;
}
