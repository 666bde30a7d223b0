/** What the admin has typed in the vendor form right now, read by label (see `selectors.ts`). */
import type { Vendor, VendorField } from '../contract/api-bodies';
import { findFields } from './selectors';

export type FormValues = Partial<Record<VendorField, string>>;

/** The current value of every vendor field the form shows; fields it does not show are absent. */
export function readForm(root: ParentNode): FormValues {
  const values: FormValues = {};
  for (const [field, control] of findFields(root)) values[field] = control.value;
  return values;
}

/**
 * True when any shown field differs from the saved vendor: the admin must save before sending, since the API sends
 * the saved record. Surrounding spaces are ignored because Procore trims them on save.
 */
export function hasUnsavedChanges(form: FormValues, vendor: Vendor): boolean {
  return Object.entries(form).some(
    ([field, value]) => (value ?? '').trim() !== String(vendor[field as VendorField] ?? '').trim(),
  );
}
