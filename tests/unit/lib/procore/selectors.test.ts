// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  fieldOf,
  findDirectoryRows,
  findFields,
  findSaveButton,
  isSaveButton,
  neighbourButton,
  normalizeLabel,
} from '@/lib/procore/selectors';

const page = (html: string) => {
  document.body.innerHTML = html;
  return document.body;
};

describe('normalizeLabel', () => {
  it.each([
    ['Name', 'name'],
    ['  NAME *', 'name'],
    ['Name:', 'name'],
    ['Name *:', 'name'],
    ['ZIP\n   Code', 'zip code'],
    ['Dirección:', 'dirección'],
  ])('reads %j as %j', (raw, expected) => expect(normalizeLabel(raw)).toBe(expected));
});

describe('fields by accessible label', () => {
  beforeEach(() => (document.body.innerHTML = ''));

  it('finds a field by label[for]', () => {
    page('<label for="a">Name</label><input id="a">');
    expect(findFields(document).get('name')?.id).toBe('a');
  });

  it('finds a field by a wrapping label, ignoring the required marker', () => {
    page('<label><span>Address *</span><input class="x"></label>');
    expect(findFields(document).get('address')?.className).toBe('x');
  });

  it('finds a field by aria-label, case-insensitively', () => {
    page('<input aria-label="zip CODE:" id="z">');
    expect(findFields(document).get('zip')?.id).toBe('z');
  });

  it('finds a field by aria-labelledby, joining several ids', () => {
    page('<span id="l1">Business</span><span id="l2">Phone</span><input aria-labelledby="l1 l2" id="p">');
    expect(findFields(document).get('business_phone')?.id).toBe('p');
  });

  it("does not take a wrapped select's options for its label", () => {
    page('<label>Country <select id="c"><option>Name</option></select></label>');
    expect(fieldOf(document.querySelector('select')!)).toBe('country_code');
  });

  it('finds Spanish labels', () => {
    page(`<label for="n">Nombre *</label><input id="n">
      <label>Dirección <input id="d"></label>
      <label for="cp">Código postal:</label><input id="cp">
      <input aria-label="Correo electrónico" id="e">`);
    const fields = findFields(document);
    expect([...fields].map(([field, el]) => [field, el.id])).toEqual([
      ['name', 'n'],
      ['address', 'd'],
      ['zip', 'cp'],
      ['email_address', 'e'],
    ]);
  });

  it('ignores controls whose labels are not vendor fields, and buttons and hidden inputs', () => {
    page(`<label for="s">Search</label><input id="s">
      <input type="hidden" aria-label="Name"><input type="submit" aria-label="Name" value="Name">
      <label for="names">Names</label><input id="names">`);
    expect(findFields(document).size).toBe(0);
  });

  it('finds a textarea and a select', () => {
    page(
      '<label for="t">Address</label><textarea id="t"></textarea><label for="st">State</label><select id="st"></select>',
    );
    expect([...findFields(document).keys()]).toEqual(['address', 'state_code']);
  });
});

describe('the Save button', () => {
  it.each([
    ['a button by its text', '<button id="s">Save</button>'],
    ['a button with spaces and an icon span', '<button id="s"> <span>SAVE</span> </button>'],
    ['a submit input by its value', '<input type="submit" id="s" value="Save">'],
    ['the Spanish button', '<button id="s">Guardar</button>'],
    ['the Spanish submit input', '<input type="submit" id="s" value="Guardar">'],
  ])('finds %s', (_, html) => {
    page(`<form><label>Name <input></label><button type="button">Cancel</button>${html}</form>`);
    expect(findSaveButton(document)?.id).toBe('s');
  });

  it('ignores other buttons and look-alikes', () => {
    page(
      '<button>Save and close</button><a href="#">Save</a><input type="button" value="Save"><button>Cancel</button>',
    );
    expect(findSaveButton(document)).toBeNull();
  });

  it("picks the vendor form's Save on a page with two forms", () => {
    page(`<form id="filters"><label>Search <input></label><button id="other">Save</button></form>
      <form id="vendor"><label for="n">Name *</label><input id="n"><button>Cancel</button><button id="s">Save</button></form>`);
    expect(findSaveButton(document)?.id).toBe('s');
  });

  it('recognises a Save button by itself', () => {
    page('<button id="a">Guardar</button><button id="b">Cancelar</button>');
    expect(isSaveButton(document.getElementById('a')!)).toBe(true);
    expect(isSaveButton(document.getElementById('b')!)).toBe(false);
  });

  it('takes Cancel as the neighbour whose look the control copies, or Save when alone', () => {
    page(
      '<div><button id="c">Cancel</button><button id="s">Save</button></div><div><button id="alone">Save</button></div>',
    );
    expect(neighbourButton(document.getElementById('s')!).id).toBe('c');
    expect(neighbourButton(document.getElementById('alone')!).id).toBe('alone');
  });
});

describe("the Directory list's companies", () => {
  const rows = () => findDirectoryRows(document).map((row) => [row.vendorId, row.nameCell.textContent]);

  it('finds each row by its Edit link, the name in its header cell', () => {
    page(`<table><tbody>
      <tr><th scope="row">Acme Concrete</th><td>Denver</td><td><a href="/8001/company/directory/vendors/101/edit">Edit</a></td></tr>
      <tr><th scope="row">Ridge Roofing</th><td><a href="/8001/company/directory/vendors/106/edit">Edit</a>
        <a href="/8001/company/directory/vendors/106/edit">Open</a></td></tr>
      <tr><th scope="row">Not a company</th><td><a href="/8001/company/directory/users/5/edit">Edit</a></td></tr>
    </tbody></table>`);
    expect(rows()).toEqual([
      [101, 'Acme Concrete'],
      [106, 'Ridge Roofing'],
    ]);
  });

  it('reads ARIA grids too, the name in the first cell when no cell is a header', () => {
    page(`<div role="grid">
      <div role="row"><div role="gridcell"><a href="/501/project/directory/vendors/102/edit">Beacon Glass</a></div>
        <div role="gridcell">Active</div></div>
    </div>`);
    expect(rows()).toEqual([[102, 'Beacon Glass']]);
  });

  it('finds nothing on a page without vendor links or rows', () => {
    page('<p><a href="/8001/company/directory/vendors/101/edit">Acme</a> outside any list</p>');
    expect(rows()).toEqual([]);
  });
});
