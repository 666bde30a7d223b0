/** The checks the sandbox's ERP applies before export: the rules `/erp/settings` advertises, plus the published name limit. */
import type { Company, ExportRule, Vendor, VendorTextField } from './model';

export type FieldErrors = Record<string, string[]>;

function passes(rule: ExportRule, value: string): boolean {
  switch (rule.validator) {
    case 'present':
      return value.trim() !== '';
    case 'numeric':
      return value === '' || /^\d+$/.test(value);
    case 'max_length':
      return value.length <= (rule.length ?? Infinity);
    case 'max_line_length':
      return value.split(/\r?\n/).every((line) => line.length <= (rule.length ?? Infinity));
  }
}

export function exportErrors(company: Company, vendor: Vendor): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  for (const [field, rules] of Object.entries(company.rules.export)) {
    const value = vendor[field as VendorTextField] ?? '';
    for (const rule of rules) if (!passes(rule, value)) add(field, rule.message);
  }
  const nameRuled = company.rules.export.name?.some((r) => r.validator === 'max_length');
  const limit = company.publishedNameLimit;
  if (!nameRuled && limit !== null && vendor.name.length > limit) {
    add('name', `This Vendor cannot be sent to ERP because name must be less than ${limit} characters.`);
  }
  return errors;
}
