// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Vendor } from '@/lib/contract/api-bodies';
import { hasUnsavedChanges, readForm } from '@/lib/procore/form-reader';
import { vendorRecord } from '../../records';

const vendor: Vendor = vendorRecord({ email_address: 'ap@acme.example', updated_at: '2026-01-01T00:00:00Z' });

function classicForm(values: Record<string, string>) {
  document.body.innerHTML = `<form>
    <label for="f-name">Name *</label><input id="f-name">
    <label for="f-address">Address</label><textarea id="f-address"></textarea>
    <label>ZIP Code <input id="f-zip"></label>
    <input aria-label="City" id="f-city">
    <label for="f-note">Notes</label><input id="f-note">
    <button>Save</button></form>`;
  for (const [id, value] of Object.entries(values)) (document.getElementById(id) as HTMLInputElement).value = value;
  return document.querySelector('form')!;
}

describe('readForm', () => {
  it('reads each shown vendor field by label and nothing else', () => {
    const form = classicForm({
      'f-name': 'Acme',
      'f-address': 'Line 1\nLine 2',
      'f-zip': '123',
      'f-city': 'X',
      'f-note': 'n',
    });
    expect(readForm(form)).toEqual({ name: 'Acme', address: 'Line 1\nLine 2', zip: '123', city: 'X' });
  });

  it('reads what is typed now, not the initial value attribute', () => {
    document.body.innerHTML = '<label>Name <input value="old"></label>';
    document.querySelector('input')!.value = 'new';
    expect(readForm(document)).toEqual({ name: 'new' });
  });

  it('reads nothing from a page without vendor fields', () => {
    document.body.innerHTML = '<label>Search <input></label>';
    expect(readForm(document)).toEqual({});
  });
});

describe('hasUnsavedChanges', () => {
  it('is false when every shown field equals the saved vendor', () =>
    expect(hasUnsavedChanges({ name: 'Acme Concrete', zip: '80202', business_phone: '' }, vendor)).toBe(false));

  it('ignores surrounding spaces that Procore trims on save', () =>
    expect(hasUnsavedChanges({ name: ' Acme Concrete ' }, vendor)).toBe(false));

  it('is true when one field differs', () =>
    expect(hasUnsavedChanges({ name: 'Acme', zip: '80202' }, vendor)).toBe(true));

  it('is true when a saved field was emptied', () => expect(hasUnsavedChanges({ city: '' }, vendor)).toBe(true));

  it('is false for an empty form', () => expect(hasUnsavedChanges({}, vendor)).toBe(false));
});
