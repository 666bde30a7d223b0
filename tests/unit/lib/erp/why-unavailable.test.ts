import { describe, expect, it } from 'vitest';
import type { ErpSettings, ExportValidator } from '@/lib/erp/export-settings';
import { computeReasons, publishedNameLimit, PUBLISHED_NAME_LIMITS, type RuleInput } from '@/lib/erp/why-unavailable';
import { settingsRecord, vendorRecord } from '../../records';

const vendor = vendorRecord;

/** Summit Builders' integration (sandbox company 8001). */
const vista = (patch: Partial<ErpSettings> = {}): ErpSettings =>
  settingsRecord({
    rules: {
      name: [{ validator: 'present' }, { validator: 'max_length', length: 60 }],
      address: [{ validator: 'present' }, { validator: 'max_line_length', length: 50 }],
      zip: [{ validator: 'numeric' }],
      city: [{ validator: 'present' }],
    },
    ...patch,
  });

/** Harbor Construction's integration (8002): no name rule, so the published limit applies. */
const sage300 = (patch: Partial<ErpSettings> = {}): ErpSettings =>
  vista({ erpSystem: 'sage_300_cre', erpName: 'Sage 300 CRE', rules: { city: [{ validator: 'present' }] }, ...patch });

const NOT_EXPORTING = { create: false, update: false };

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
    expect(computeReasons(input({ settings: vista({ erpDataSynced: false }) }))).toEqual([{ code: 'erp_not_synced' }]));

  it('says no_company_sync, naming the ERP, when the integration does not sync companies', () =>
    expect(computeReasons(input({ settings: vista({ exports: NOT_EXPORTING }) }))).toEqual([
      { code: 'no_company_sync', erpName: 'Viewpoint Vista' },
    ]));

  it('needs create for a company never exported, update for one the ERP knows (origin_id set)', () => {
    const createOnly = vista({ exports: { create: true, update: false } });
    const updateOnly = vista({ exports: { create: false, update: true } });
    const known = vendor({ origin_id: '5001101' });
    expect(codes(input({ settings: createOnly }))).toEqual([]);
    expect(codes(input({ settings: createOnly, vendor: known }))).toEqual(['no_company_sync']);
    expect(codes(input({ settings: updateOnly }))).toEqual(['no_company_sync']);
    expect(codes(input({ settings: updateOnly, vendor: known }))).toEqual([]);
  });

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
      settings: vista({ erpDataSynced: false, exports: NOT_EXPORTING }),
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
      rules: { address: [{ validator: 'present' }, { validator: 'max_line_length', length: 5 }] },
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

  it('numeric: a number as written passes (sign, decimals); empty is left to present; anything else fails', () => {
    for (const zip of ['02134', ' 02134 ', '', '12.5', '-1', '+3', '.25', '7.']) {
      expect(computeReasons(input({ form: { zip } })), zip).toEqual([]);
    }
    for (const zip of ['02134-1234', 'abc', '١٢٣', '1.2.3', '.', '-', '1e5', '1 000']) {
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
      name: [{ validator: 'max_length' as const }],
      address: [{ validator: 'max_line_length' as const }],
    };
    const form = { name: 'n'.repeat(500), address: 'a'.repeat(500) };
    const cmic = vista({ erpSystem: 'cmic', erpName: 'CMiC', rules });
    expect(computeReasons(input({ settings: cmic, form }))).toEqual([]);
    // Without a usable API limit, the published one still applies.
    expect(computeReasons(input({ settings: vista({ rules }), form }))).toEqual([
      { code: 'max_length', field: 'name', length: 500, limit: 60, erpName: 'Viewpoint Vista', source: 'published' },
    ]);
  });

  it('skips rules on fields the vendor holds no text for (unknown to the contract)', () => {
    const settings = vista({
      rules: { tax_id: [{ validator: 'present' }], id: [{ validator: 'present' }] },
    });
    expect(computeReasons(input({ settings }))).toEqual([]);
  });

  it('checks fields in the order the rules list them, validators in their order', () => {
    const settings = vista({
      rules: { zip: [{ validator: 'numeric' }], city: [{ validator: 'present' }], name: [{ validator: 'present' }] },
    });
    expect(
      computeReasons(input({ settings, vendor: vendor({ zip: 'x', city: '', name: '' }) })).map((r) =>
        r.code === 'numeric' || r.code === 'present' ? r.field : r.code,
      ),
    ).toEqual(['zip', 'city', 'name']);
  });
});

describe('computeReasons: the number validators', () => {
  /** CMiC's rules on the vendor code (sandbox company 8003), one validator at a time. */
  const onCode = (validator: ExportValidator) =>
    vista({ erpSystem: 'cmic', erpName: 'CMiC', rules: { code: [validator] } });
  const reasonsFor = (validator: ExportValidator, code: string) =>
    computeReasons(input({ settings: onCode(validator), form: { code } }));

  it('positive: a number above zero passes; zero, negatives and text fail; empty is left to present', () => {
    for (const code of ['1', '0.5', '+7', ' 12 ', ''])
      expect(reasonsFor({ validator: 'positive' }, code), code).toEqual([]);
    for (const code of ['0', '-1', '-0.5', '0.0', 'abc']) {
      expect(reasonsFor({ validator: 'positive' }, code), code).toEqual([{ code: 'positive', field: 'code' }]);
    }
  });

  it('max_length_decimal: counts the digits after the decimal point; a length of 0 allows none', () => {
    const two = { validator: 'max_length_decimal', length: 2 } as const;
    for (const code of ['12', '12.5', '12.50', '-0.01', '7.']) expect(reasonsFor(two, code), code).toEqual([]);
    expect(reasonsFor(two, '1.125')).toEqual([
      { code: 'max_length_decimal', field: 'code', digits: 3, limit: 2, erpName: 'CMiC' },
    ]);
    expect(codes(input({ settings: onCode({ ...two, length: 0 }), form: { code: '3.1' } }))).toEqual([
      'max_length_decimal',
    ]);
  });

  it('max_length_units: counts the digits before the decimal point, sign left out', () => {
    const six = { validator: 'max_length_units', length: 6 } as const;
    for (const code of ['123456', '-123456.789', '.5']) expect(reasonsFor(six, code), code).toEqual([]);
    expect(reasonsFor(six, '1234567.1')).toEqual([
      { code: 'max_length_units', field: 'code', digits: 7, limit: 6, erpName: 'CMiC' },
    ]);
  });

  it('leaves text that is not a number to numeric: the digit counts do not apply to it', () => {
    expect(reasonsFor({ validator: 'max_length_units', length: 1 }, 'ABCDEF')).toEqual([]);
    expect(reasonsFor({ validator: 'max_length_decimal', length: 0 }, 'A.BC')).toEqual([]);
  });
});

describe("computeReasons: the integration's own words", () => {
  it('carries the message of the broken rule into its reason, for every kind of rule', () => {
    const settings = vista({
      rules: {
        name: [{ validator: 'max_length', length: 5, message: 'Name: at most 5.' }],
        address: [{ validator: 'max_line_length', length: 3, message: 'Lines: at most 3.' }],
        city: [{ validator: 'present', message: 'City must be present.' }],
        zip: [
          { validator: 'numeric', message: 'Numbers only.' },
          { validator: 'positive', message: 'Above zero.' },
        ],
      },
    });
    const reasons = computeReasons(
      input({ settings, form: { name: 'Acme Co', address: '1 Main', city: '', zip: 'x' } }),
    );
    expect(reasons.map((r) => ('message' in r ? r.message : null))).toEqual([
      'Name: at most 5.',
      'Lines: at most 3.',
      'City must be present.',
      'Numbers only.',
      'Above zero.',
    ]);
  });

  it('gives no message to a published limit, which has no integration words', () =>
    expect(computeReasons(input({ form: { abbreviated_name: 'ABCDEFGHIJK' } }))[0]).not.toEqual(
      expect.objectContaining({ message: expect.any(String) }),
    ));
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
    const settings = sage300({ rules: { name: [{ validator: 'present' }] } });
    expect(codes(input({ settings, form: { name: '' } }))).toEqual(['present']);
    expect(computeReasons(input({ settings, form: { name: 'x'.repeat(31) } }))).toEqual([
      { code: 'max_length', field: 'name', length: 31, limit: 30, erpName: 'Sage 300 CRE', source: 'published' },
    ]);
  });

  it('the API limit wins over the published one, either way', () => {
    const looser = sage300({ rules: { name: [{ validator: 'max_length', length: 40 }] } });
    expect(computeReasons(input({ settings: looser, form: { name: 'x'.repeat(35) } }))).toEqual([]);
    const stricter = vista({ rules: { name: [{ validator: 'max_length', length: 20 }] } });
    expect(computeReasons(input({ settings: stricter, form: { name: 'x'.repeat(21) } }))).toEqual([
      { code: 'max_length', field: 'name', length: 21, limit: 20, erpName: 'Viewpoint Vista', source: 'api' },
    ]);
  });

  it('invents no name limit for an ERP without a published one', () => {
    const settings = vista({ erpSystem: 'cmic', erpName: 'CMiC', rules: {} });
    expect(computeReasons(input({ settings, form: { name: 'x'.repeat(500) } }))).toEqual([]);
  });

  it('applies an API max_length for abbreviated_name instead of the 10-character field limit', () => {
    const settings = vista({ rules: { abbreviated_name: [{ validator: 'max_length', length: 6 }] } });
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
