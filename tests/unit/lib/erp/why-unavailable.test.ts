import { describe, expect, it } from 'vitest';
import type { ErpSettings } from '@/lib/contract/api-bodies';
import { computeReasons, publishedNameLimit, PUBLISHED_NAME_LIMITS, type RuleInput } from '@/lib/erp/why-unavailable';
import { vendorRecord } from '../../records';

const vendor = vendorRecord;

/** Summit Builders' integration (sandbox company 8001). */
const vista = (patch: Partial<ErpSettings> = {}): ErpSettings => ({
  erp_system: 'viewpoint_vista',
  erp_system_name: 'Viewpoint Vista',
  syncs_companies: true,
  erp_data_synced: true,
  rules: {
    export: {
      name: [{ validator: 'present' }, { validator: 'max_length', length: 60 }],
      address: [{ validator: 'present' }, { validator: 'max_line_length', length: 50 }],
      zip: [{ validator: 'numeric' }],
      city: [{ validator: 'present' }],
    },
  },
  ...patch,
});

/** Harbor Construction's integration (8002): no name rule, so the published limit applies. */
const sage300 = (patch: Partial<ErpSettings> = {}): ErpSettings =>
  vista({
    erp_system: 'sage_300_cre',
    erp_system_name: 'Sage 300 CRE',
    rules: { export: { city: [{ validator: 'present' }] } },
    ...patch,
  });

const input = (patch: Partial<RuleInput> = {}): RuleInput => ({
  vendor: vendor(),
  form: {},
  settings: vista(),
  permission: 'admin',
  dirty: false,
  ...patch,
});

const codes = (i: RuleInput) => computeReasons(i).map((r) => r.code);

describe('computeReasons: the record-level reasons', () => {
  it('allows sending a ready vendor (no reasons)', () => expect(computeReasons(input())).toEqual([]));

  it.each(['none', 'read_only', 'standard'] as const)('says not_admin for permission level %s', (permission) =>
    expect(computeReasons(input({ permission }))).toEqual([{ code: 'not_admin' }]),
  );

  it('says erp_not_synced when the company has no synced ERP data', () =>
    expect(computeReasons(input({ settings: vista({ erp_data_synced: false }) }))).toEqual([
      { code: 'erp_not_synced' },
    ]));

  it('says no_company_sync, naming the ERP, when the integration does not sync companies', () =>
    expect(computeReasons(input({ settings: vista({ syncs_companies: false }) }))).toEqual([
      { code: 'no_company_sync', erpName: 'Viewpoint Vista' },
    ]));

  it('says inactive for an inactive company', () =>
    expect(computeReasons(input({ vendor: vendor({ is_active: false }) }))).toEqual([{ code: 'inactive' }]));

  it('says unsaved while the form has unsaved edits', () =>
    expect(computeReasons(input({ dirty: true }))).toEqual([{ code: 'unsaved' }]));
});

describe('computeReasons: every reason at once', () => {
  it('lists all reasons together, record-level first, then field rules in rule order', () => {
    const all = computeReasons({
      vendor: vendor({
        is_active: false,
        name: 'N'.repeat(64),
        address: '',
        zip: '8020A',
        city: ' ',
        abbreviated_name: 'ABCDEFGHIJK',
      }),
      form: {},
      settings: vista({ erp_data_synced: false, syncs_companies: false }),
      permission: 'read_only',
      dirty: true,
    });
    expect(all).toEqual([
      { code: 'not_admin' },
      { code: 'erp_not_synced' },
      { code: 'no_company_sync', erpName: 'Viewpoint Vista' },
      { code: 'inactive' },
      { code: 'unsaved' },
      { code: 'max_length', field: 'name', length: 64, limit: 60, erpName: 'Viewpoint Vista', source: 'api' },
      { code: 'present', field: 'address' },
      { code: 'numeric', field: 'zip' },
      { code: 'present', field: 'city' },
      { code: 'max_length', field: 'abbreviated_name', length: 11, limit: 10, erpName: 'Procore', source: 'published' },
    ]);
  });

  it('reports both present and max_length when one field breaks two rules (present and line length on the same field)', () => {
    const settings = vista({
      rules: { export: { address: [{ validator: 'present' }, { validator: 'max_line_length', length: 5 }] } },
    });
    expect(codes(input({ settings, form: { address: '   ' } }))).toEqual(['present']);
    expect(codes(input({ settings, form: { address: 'long line\nok' } }))).toEqual(['max_line_length']);
  });
});

describe('computeReasons: field validators', () => {
  it('present: empty or whitespace-only text is missing', () => {
    expect(computeReasons(input({ vendor: vendor({ city: '' }) }))).toEqual([{ code: 'present', field: 'city' }]);
    expect(computeReasons(input({ vendor: vendor({ city: ' \t\n' }) }))).toEqual([{ code: 'present', field: 'city' }]);
  });

  it('numeric: digits only pass; empty is left to present; anything else fails', () => {
    expect(computeReasons(input({ form: { zip: '02134' } }))).toEqual([]);
    expect(computeReasons(input({ form: { zip: ' 02134 ' } }))).toEqual([]);
    expect(computeReasons(input({ form: { zip: '' } }))).toEqual([]);
    for (const zip of ['02134-1234', '12.5', '-1', 'abc', '١٢٣']) {
      expect(computeReasons(input({ form: { zip } }))).toEqual([{ code: 'numeric', field: 'zip' }]);
    }
  });

  it('max_length: exactly at the limit passes, one over fails with both numbers and source api', () => {
    expect(computeReasons(input({ form: { name: 'x'.repeat(60) } }))).toEqual([]);
    expect(computeReasons(input({ form: { name: 'x'.repeat(61) } }))).toEqual([
      { code: 'max_length', field: 'name', length: 61, limit: 60, erpName: 'Viewpoint Vista', source: 'api' },
    ]);
  });

  it('max_line_length: names every line that is too long, 1-based, for \\n and \\r\\n', () => {
    const long = 'y'.repeat(51);
    expect(computeReasons(input({ form: { address: `${'y'.repeat(50)}\n${long}\r\nok\r\n${long}x` } }))).toEqual([
      { code: 'max_line_length', field: 'address', line: 2, length: 51, limit: 50, erpName: 'Viewpoint Vista' },
      { code: 'max_line_length', field: 'address', line: 4, length: 52, limit: 50, erpName: 'Viewpoint Vista' },
    ]);
  });

  it('ignores a length validator without a length (no limit is invented)', () => {
    const rules = {
      export: { name: [{ validator: 'max_length' as const }], address: [{ validator: 'max_line_length' as const }] },
    };
    const form = { name: 'n'.repeat(500), address: 'a'.repeat(500) };
    const cmic = vista({ erp_system: 'cmic', erp_system_name: 'CMiC', rules });
    expect(computeReasons(input({ settings: cmic, form }))).toEqual([]);
    // Without a usable API limit, the published one still applies.
    expect(computeReasons(input({ settings: vista({ rules }), form }))).toEqual([
      { code: 'max_length', field: 'name', length: 500, limit: 60, erpName: 'Viewpoint Vista', source: 'published' },
    ]);
  });

  it('skips rules on fields the vendor holds no text for (unknown to the contract)', () => {
    const settings = vista({
      rules: { export: { tax_id: [{ validator: 'present' }], id: [{ validator: 'present' }] } },
    });
    expect(computeReasons(input({ settings }))).toEqual([]);
  });

  it('checks fields in the order the rules list them, validators in their order', () => {
    const settings = vista({
      rules: {
        export: { zip: [{ validator: 'numeric' }], city: [{ validator: 'present' }], name: [{ validator: 'present' }] },
      },
    });
    expect(
      computeReasons(input({ settings, vendor: vendor({ zip: 'x', city: '', name: '' }) })).map((r) =>
        r.code === 'numeric' || r.code === 'present' ? r.field : r.code,
      ),
    ).toEqual(['zip', 'city', 'name']);
  });
});

describe('computeReasons: the form overlays the saved vendor', () => {
  it('typing a valid value fixes a saved problem', () => {
    const saved = vendor({ address: '', name: 'N'.repeat(64) });
    expect(codes(input({ vendor: saved }))).toEqual(['max_length', 'present']);
    expect(computeReasons(input({ vendor: saved, form: { address: '9 Elm St', name: 'Short Name' } }))).toEqual([]);
  });

  it('typing breaks a rule the saved vendor met', () => {
    expect(computeReasons(input({ form: { city: '' } }))).toEqual([{ code: 'present', field: 'city' }]);
    expect(computeReasons(input({ form: { name: 'Z'.repeat(70) } }))).toEqual([
      { code: 'max_length', field: 'name', length: 70, limit: 60, erpName: 'Viewpoint Vista', source: 'api' },
    ]);
  });

  it('fields the form does not show keep their saved value', () =>
    expect(computeReasons(input({ vendor: vendor({ zip: 'ABC' }), form: { name: 'Acme' } }))).toEqual([
      { code: 'numeric', field: 'zip' },
    ]));
});

describe('computeReasons: characters are counted as code points, not UTF-16 units', () => {
  // Each of these is one character but two UTF-16 code units.
  const astral = '𝒜'; // U+1D49C
  const emoji = '🏗'; // U+1F3D7

  it('accepts 60 astral characters under a 60 limit (120 UTF-16 units)', () => {
    const name = astral.repeat(60);
    expect(name.length).toBe(120);
    expect(computeReasons(input({ form: { name } }))).toEqual([]);
  });

  it('counts 61 emoji as 61', () =>
    expect(computeReasons(input({ form: { name: emoji.repeat(61) } }))).toEqual([
      { code: 'max_length', field: 'name', length: 61, limit: 60, erpName: 'Viewpoint Vista', source: 'api' },
    ]));

  it('counts code points per line too', () => {
    expect(computeReasons(input({ form: { address: `${emoji.repeat(50)}\n1 Main St` } }))).toEqual([]);
    expect(computeReasons(input({ form: { address: `1 Main St\n${'é'.repeat(51)}` } }))).toEqual([
      { code: 'max_line_length', field: 'address', line: 2, length: 51, limit: 50, erpName: 'Viewpoint Vista' },
    ]);
  });

  it('counts ten astral characters as fitting the 10-character Abbreviated Name', () => {
    expect(computeReasons(input({ form: { abbreviated_name: astral.repeat(10) } }))).toEqual([]);
    expect(codes(input({ form: { abbreviated_name: astral.repeat(11) } }))).toEqual(['max_length']);
  });
});

describe('computeReasons: published limits versus the API rules', () => {
  it('uses the published limit, marked published, when the rules give no max_length for name', () => {
    const settings = sage300();
    expect(computeReasons(input({ settings, form: { name: 'x'.repeat(30) } }))).toEqual([]);
    expect(computeReasons(input({ settings, form: { name: 'x'.repeat(31) } }))).toEqual([
      { code: 'max_length', field: 'name', length: 31, limit: 30, erpName: 'Sage 300 CRE', source: 'published' },
    ]);
  });

  it('keeps the API rules for name and adds the published limit when they have no max_length', () => {
    const settings = sage300({ rules: { export: { name: [{ validator: 'present' }] } } });
    expect(codes(input({ settings, form: { name: '' } }))).toEqual(['present']);
    expect(computeReasons(input({ settings, form: { name: 'x'.repeat(31) } }))).toEqual([
      { code: 'max_length', field: 'name', length: 31, limit: 30, erpName: 'Sage 300 CRE', source: 'published' },
    ]);
  });

  it('the API limit wins over the published one, either way', () => {
    const looser = sage300({ rules: { export: { name: [{ validator: 'max_length', length: 40 }] } } });
    expect(computeReasons(input({ settings: looser, form: { name: 'x'.repeat(35) } }))).toEqual([]);
    const stricter = vista({ rules: { export: { name: [{ validator: 'max_length', length: 20 }] } } });
    expect(computeReasons(input({ settings: stricter, form: { name: 'x'.repeat(21) } }))).toEqual([
      { code: 'max_length', field: 'name', length: 21, limit: 20, erpName: 'Viewpoint Vista', source: 'api' },
    ]);
  });

  it('invents no name limit for an ERP without a published one', () => {
    const settings = vista({ erp_system: 'cmic', erp_system_name: 'CMiC', rules: { export: {} } });
    expect(computeReasons(input({ settings, form: { name: 'x'.repeat(500) } }))).toEqual([]);
  });

  it('applies an API max_length for abbreviated_name instead of the 10-character field limit', () => {
    const settings = vista({ rules: { export: { abbreviated_name: [{ validator: 'max_length', length: 6 }] } } });
    expect(computeReasons(input({ settings, form: { abbreviated_name: 'ABCDEFG' } }))).toEqual([
      { code: 'max_length', field: 'abbreviated_name', length: 7, limit: 6, erpName: 'Viewpoint Vista', source: 'api' },
    ]);
  });
});

describe('publishedNameLimit', () => {
  it.each([
    ['viewpoint_vista', 60],
    ['quickbooks_desktop', 41],
    ['quickbooks_online', 100],
    ['sage_100_contractor', 30],
    ['sage_300_cre', 30],
    ['viewpoint_spectrum', 30],
    ['acumatica', 30],
  ])('%s allows %i', (erp, limit) => expect(publishedNameLimit(erp)).toBe(limit));

  it.each(['cmic', 'netsuite', 'sage_intacct', '', 'constructor', 'toString', '__proto__'])(
    'has no published limit for %j',
    (erp) => expect(publishedNameLimit(erp)).toBeNull(),
  );

  it('holds exactly the seven ERPs of the published table, and cannot be changed', () => {
    expect(Object.keys(PUBLISHED_NAME_LIMITS)).toHaveLength(7);
    expect(Object.isFrozen(PUBLISHED_NAME_LIMITS)).toBe(true);
  });
});
