/**
 * The vendor edit form in Procore's two markups. Classic: `label for`, `<button>Save</button>`, Bootstrap-like classes.
 * Beta (the redesigned Directory): wrapping labels, `aria-label` and `aria-labelledby`, `input type=submit`,
 * generated class names. The extension must find its place in both.
 */
import { el } from './dom';
import { s, type StringKey } from './strings';
import type { VendorJson } from './types';

export const FORM_FIELDS = [
  'name',
  'abbreviated_name',
  'address',
  'city',
  'state_code',
  'zip',
  'country_code',
  'business_phone',
  'email_address',
] as const satisfies readonly (keyof VendorJson & StringKey)[];
export type FormField = (typeof FORM_FIELDS)[number];

export interface VendorForm {
  form: HTMLFormElement;
  /** The row of Cancel and Save, where Procore's own ERP control goes first. */
  actions: HTMLElement;
  values(): Record<FormField, string>;
}

interface FormOptions {
  vendor: VendorJson;
  required: ReadonlySet<string>;
  onSave: () => void;
  onCancel: () => void;
}

const inputType = (field: FormField) =>
  field === 'email_address' ? 'email' : field === 'business_phone' ? 'tel' : 'text';

function classicField(
  field: FormField,
  value: string,
  required: boolean,
): { row: HTMLElement; input: HTMLInputElement } {
  const id = `vendor_${field}`;
  const input = el('input', {
    type: inputType(field),
    id,
    name: `vendor[${field}]`,
    class: 'form-control',
    value,
    'aria-required': required ? 'true' : undefined,
  });
  // The star sits beside the label, so the label's text stays exactly Procore's field name.
  const label = el(
    'div',
    { class: 'label-line' },
    el('label', { for: id, class: 'control-label' }, s(field)),
    required && el('span', { class: 'required-mark', 'aria-hidden': 'true' }, '*'),
  );
  return { row: el('div', { class: 'form-group' }, label, input), input };
}

/** Beta labels its fields three ways, as the redesign does: wrapping label, aria-labelledby, aria-label; required ones end in " *". */
function betaField(field: FormField, value: string, required: boolean): { row: HTMLElement; input: HTMLInputElement } {
  const text = `${s(field)}${required ? ' *' : ''}`;
  const input = el('input', { type: inputType(field), name: field, class: 'TextInput-sc-8ks1k4-0 hXbpcq', value });
  if (field === 'business_phone' || field === 'email_address') {
    input.setAttribute('aria-label', text);
    return {
      row: el(
        'div',
        { class: 'FormField-sc-uz3ecl-0 kGvBQe' },
        el('span', { class: 'FieldLabel-sc-1b0l9e-0 jXoRnb', 'aria-hidden': 'true' }, text),
        input,
      ),
      input,
    };
  }
  if (field === 'state_code') {
    const labelId = `beta-label-${field}`;
    input.setAttribute('aria-labelledby', labelId);
    return {
      row: el(
        'div',
        { class: 'FormField-sc-uz3ecl-0 kGvBQe' },
        el('span', { id: labelId, class: 'FieldLabel-sc-1b0l9e-0 jXoRnb' }, text),
        input,
      ),
      input,
    };
  }
  const label = el(
    'label',
    { class: 'FormField-sc-uz3ecl-0 kGvBQe' },
    el('span', { class: 'FieldLabel-sc-1b0l9e-0 jXoRnb' }, text),
    input,
  );
  return { row: label, input };
}

export function buildVendorForm(variant: 'classic' | 'beta', options: FormOptions): VendorForm {
  const inputs = new Map<FormField, HTMLInputElement>();
  const rows = FORM_FIELDS.map((field) => {
    const build = variant === 'beta' ? betaField : classicField;
    const { row, input } = build(field, options.vendor[field], options.required.has(field));
    inputs.set(field, input);
    return row;
  });
  const cancel = el(
    'button',
    { type: 'button', class: variant === 'beta' ? 'Button-sc-1f3ry6x-0 ihPnQm' : 'btn btn-default' },
    s('cancel'),
  );
  cancel.addEventListener('click', options.onCancel);
  const save =
    variant === 'beta'
      ? el('input', { type: 'submit', value: s('save'), class: 'Button-sc-1f3ry6x-0 fZqLhA' })
      : el('button', { type: 'submit', class: 'btn btn-primary' }, s('save'));
  const actions = el(
    'div',
    { class: variant === 'beta' ? 'ActionBar-sc-4n1x5f-0 bRtLkd' : 'form-actions' },
    cancel,
    save,
  );
  const form =
    variant === 'beta'
      ? el(
          'form',
          { class: 'StyledForm-sc-1h2k3l-0 dYtHqE', novalidate: true },
          el('div', { class: 'Grid-sc-9aqy2m-0 cQwZpn' }, ...rows),
          actions,
        )
      : el(
          'form',
          { id: 'vendor-edit-form', class: 'vendor-edit-form', novalidate: true },
          el('fieldset', { class: 'form-section' }, el('legend', {}, s('companyInformation')), ...rows),
          actions,
        );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    options.onSave();
  });
  return {
    form,
    actions,
    values: () =>
      Object.fromEntries(FORM_FIELDS.map((f) => [f, inputs.get(f)?.value ?? ''])) as Record<FormField, string>,
  };
}
