import { beforeEach, describe, expect, it } from 'vitest';
import { VENDOR_FIELDS } from '@/lib/contract/api-bodies';
import { fieldName, reasonText } from '@/lib/erp/why-unavailable-text';
import type { Reason, ReasonCode } from '@/lib/erp/why-unavailable';
import { useLocale } from '../../locale';

/** One example of every reason code: adding a code without wording makes the `satisfies` below fail to compile. */
const EXAMPLES = {
  not_admin: { code: 'not_admin' },
  erp_not_synced: { code: 'erp_not_synced' },
  no_company_sync: { code: 'no_company_sync', erpName: 'Sage 300 CRE' },
  inactive: { code: 'inactive' },
  unsaved: { code: 'unsaved' },
  present: { code: 'present', field: 'address' },
  numeric: { code: 'numeric', field: 'zip' },
  positive: { code: 'positive', field: 'code' },
  max_length_decimal: { code: 'max_length_decimal', field: 'code', digits: 3, limit: 2, erpName: 'CMiC' },
  max_length_units: { code: 'max_length_units', field: 'code', digits: 7, limit: 6, erpName: 'CMiC' },
  max_length: { code: 'max_length', field: 'name', length: 64, limit: 60, erpName: 'Viewpoint Vista', source: 'api' },
  max_line_length: {
    code: 'max_line_length',
    field: 'address',
    line: 2,
    length: 55,
    limit: 50,
    erpName: 'Viewpoint Vista',
  },
  server: { code: 'server', field: 'email_address', message: 'is not an email' },
} satisfies { [C in ReasonCode]: Extract<Reason, { code: C }> };

describe('reasonText in English', () => {
  beforeEach(() => useLocale('en'));

  it('words the name limit from the export rules with both numbers', () =>
    expect(reasonText(EXAMPLES.max_length)).toBe(
      'Name is 64 characters; Viewpoint Vista allows 60. Shorten it and save.',
    ));

  it('says where a published limit comes from', () =>
    expect(reasonText({ ...EXAMPLES.max_length, limit: 30, erpName: 'Sage 300 CRE', source: 'published' })).toBe(
      "Name is 64 characters; Sage 300 CRE allows 30 (Procore's published limit for Sage 300 CRE). Shorten it and save.",
    ));

  it('names the empty required field', () =>
    expect(reasonText(EXAMPLES.present)).toBe('Address is empty; the ERP requires it. Fill it in and save.'));

  it('names the line that is too long', () =>
    expect(reasonText(EXAMPLES.max_line_length)).toBe(
      'Address line 2 is 55 characters; Viewpoint Vista allows 50 per line. Shorten it and save.',
    ));

  it('asks to save unsaved changes first', () =>
    expect(reasonText(EXAMPLES.unsaved)).toMatch(/^Save your changes first/));

  it('keeps the server words as they are, with the field name', () =>
    expect(reasonText(EXAMPLES.server)).toBe('Email Address: is not an email'));

  it('names every field as the form labels it', () =>
    expect(['name', 'zip', 'state_code', 'country_code'].map(fieldName)).toEqual([
      'Name',
      'ZIP Code',
      'State',
      'Country',
    ]));

  it('keeps an unknown server field name as given', () =>
    expect(reasonText({ code: 'server', field: 'vendor_type', message: 'missing' })).toBe('vendor_type: missing'));

  it('words the number rules with the digits counted', () => {
    expect(reasonText(EXAMPLES.max_length_decimal)).toBe(
      'Code has 3 digits after the decimal point; CMiC allows 2. Shorten it and save.',
    );
    expect(reasonText({ ...EXAMPLES.max_length_units, digits: 1, limit: 0 })).toBe(
      'Code has 1 digit before the decimal point; CMiC allows 0. Shorten it and save.',
    );
    expect(reasonText(EXAMPLES.positive)).toBe('Code must be a number greater than zero. Correct it and save.');
  });

  it("shows the integration's own words for a rule when it gave them, after the field's name", () =>
    expect(reasonText({ ...EXAMPLES.present, field: 'code', message: "Code can't be blank." })).toBe(
      "Code: Code can't be blank.",
    ));

  it('adds what was measured to the integration’s words for a length rule', () => {
    expect(reasonText({ ...EXAMPLES.max_length, message: 'Name is too long. Maximum 60 characters.' })).toBe(
      'Name: Name is too long. Maximum 60 characters. Name now has 64 characters.',
    );
    expect(reasonText({ ...EXAMPLES.max_line_length, length: 51, message: 'Too long.' })).toBe(
      'Address: Too long. Line 2 now has 51 characters.',
    );
  });

  it('names the ERP that does not sync companies', () =>
    expect(reasonText(EXAMPLES.no_company_sync)).toContain('Sage 300 CRE'));

  it.each(Object.values(EXAMPLES))('words $code as a sentence with no leftover placeholder', (reason: Reason) => {
    const text = reasonText(reason);
    expect(text.length).toBeGreaterThan(10);
    expect(text).not.toMatch(/\$\d|^reason/);
  });
});

describe('reasonText in Spanish', () => {
  beforeEach(() => useLocale('es'));

  it('words the name limit in Spanish', () =>
    expect(reasonText(EXAMPLES.max_length)).toBe(
      'Nombre tiene 64 caracteres; Viewpoint Vista admite 60. Acórtelo y guarde.',
    ));

  it.each(Object.values(EXAMPLES))('words $code differently from English', (reason: Reason) => {
    const spanish = reasonText(reason);
    useLocale('en');
    expect(spanish).not.toBe(reasonText(reason));
  });
});

describe('locales', () => {
  it('name every vendor field in both languages', () => {
    for (const lang of ['en', 'es'] as const) {
      const messages = useLocale(lang);
      for (const field of VENDOR_FIELDS) expect(messages[`field_${field}`]?.message, `${lang} ${field}`).toBeTruthy();
    }
  });

  it('have the same keys in English and Spanish', () =>
    expect(Object.keys(useLocale('es')).sort()).toEqual(Object.keys(useLocale('en')).sort()));
});
