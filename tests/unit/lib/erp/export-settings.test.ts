import { describe, expect, it } from 'vitest';
import { erpSettingsSchema, type ErpSettingsBody, type ErpVendorEntity } from '@/lib/contract/api-bodies';
import { exportSettings, exportsCompany, interpolate, VALIDATORS } from '@/lib/erp/export-settings';

const body = (
  vendors: ErpVendorEntity | undefined,
  labels = { name: 'Sage 300 CRE', short_name: 'Sage' },
): ErpSettingsBody => ({
  erp_system: 'sage_300_cre',
  erp_data_synced: true,
  metadata: { settings: { labels, entities: vendors ? { vendors } : {} } },
});

const fields = (
  f: NonNullable<NonNullable<NonNullable<ErpVendorEntity['rules']>['export']>['fields']>,
): ErpVendorEntity => ({
  enabled: true,
  rules: { export: { fields: f } },
});

/**
 * The vendor entity of Procore's own full metadata example, as the guide publishes it: the field-level `enabled` and
 * some messages left out, an import config, a tab and save rules the extension has no use for.
 */
const PUBLISHED_EXAMPLE = {
  erp_system: 'sage_300_cre',
  erp_data_synced: true,
  metadata: {
    settings: {
      labels: { name: 'ERP Integration', id_name: 'erp_integration_id', short_name: 'erp_integration_nickname' },
      configurations: { settings: { cost_codes_segment_delimiter: '-' } },
      entities: {
        vendors: {
          enabled: true,
          configs: {
            export: { enabled: true },
            import: { enabled: true, create: { enabled: true }, update: { enabled: true } },
          },
          tab: { enabled: true, columns: { code: { enabled: true, text: 'Code' } } },
          rules: {
            export: {
              fields: {
                code: { enabled: true, validation: { present: { enabled: true, message: "Code can't be blank." } } },
              },
            },
            save: {
              fields: {
                address: {
                  validation: {
                    max_line_length: { enabled: true, length: 50, message: 'Address is too long. Maximum %{length}' },
                  },
                },
              },
            },
          },
        },
        jobs: { enabled: true, configs: { export: { enabled: true } } },
      },
    },
  },
};

describe("exportSettings: Procore's ERP metadata format", () => {
  it("reads Procore's published example as published: exporting, code required with its message, save rules not export's", () => {
    const settings = exportSettings(erpSettingsSchema.parse(PUBLISHED_EXAMPLE));
    expect(settings).toEqual({
      erpSystem: 'sage_300_cre',
      erpName: 'ERP Integration',
      erpDataSynced: true,
      exports: { create: true, update: true },
      warning: null,
      rules: { code: [{ validator: 'present', message: "Code can't be blank." }] },
      ignored: [],
    });
  });

  it('takes a missing enabled as enabled, on the field and on the validator', () =>
    expect(exportSettings(body(fields({ name: { validation: { max_length: { length: 30 } } } }))).rules).toEqual({
      name: [{ validator: 'max_length', length: 30 }],
    }));

  it('leaves out a field or a validator whose enabled is false', () => {
    const settings = exportSettings(
      body(
        fields({
          city: { enabled: false, validation: { present: { enabled: true } } },
          zip: { validation: { numeric: { enabled: false }, max_length: { enabled: true, length: 10 } } },
          fax_number: { enabled: false },
        }),
      ),
    );
    expect(settings.rules).toEqual({ zip: [{ validator: 'max_length', length: 10 }] });
  });

  it('reads all seven documented validators, in the order the metadata lists them', () => {
    const validation = Object.fromEntries(VALIDATORS.map((name) => [name, { enabled: true, length: 4 }]));
    expect(exportSettings(body(fields({ code: { validation } }))).rules.code?.map((v) => v.validator)).toEqual([
      ...VALIDATORS,
    ]);
  });

  it('ignores a validator it does not know, and names it so the background can say so once', () => {
    const settings = exportSettings(
      body(fields({ code: { validation: { format: { enabled: true, message: '%{job_code_format}' }, present: {} } } })),
    );
    expect(settings.rules).toEqual({ code: [{ validator: 'present' }] });
    expect(settings.ignored).toEqual(['code.format']);
  });

  it('fills %{length} into the message, and only that placeholder', () => {
    const settings = exportSettings(
      body(
        fields({
          address: {
            validation: { max_line_length: { length: 50, message: 'Maximum %{length}; again %{length}; %{other}' } },
          },
        }),
      ),
    );
    expect(settings.rules.address).toEqual([
      { validator: 'max_line_length', length: 50, message: 'Maximum 50; again 50; %{other}' },
    ]);
    expect(interpolate('No length: %{length}', undefined)).toBe('No length: %{length}');
  });

  it('names the ERP by labels.name, else its short name, else the ERP key', () => {
    expect(exportSettings(body(fields({}))).erpName).toBe('Sage 300 CRE');
    expect(exportSettings(body(fields({}), { name: '', short_name: 'Sage' })).erpName).toBe('Sage');
    expect(exportSettings(body(fields({}), { name: '', short_name: '' })).erpName).toBe('sage_300_cre');
  });
});

describe('exportSettings: whether the integration exports companies', () => {
  const exportsOf = (vendors: ErpVendorEntity | undefined) => exportSettings(body(vendors)).exports;

  it('exports when the vendor entity and its export config are on or say nothing', () => {
    expect(exportsOf({})).toEqual({ create: true, update: true });
    expect(exportsOf({ enabled: true, configs: { export: { enabled: true } } })).toEqual({
      create: true,
      update: true,
    });
  });

  it.each([
    ['the vendor entity is off', { enabled: false }],
    ['the export config is off', { configs: { export: { enabled: false, create: { enabled: true } } } }],
  ])('exports nothing when %s', (_, vendors: ErpVendorEntity) =>
    expect(exportsOf(vendors)).toEqual({ create: false, update: false }),
  );

  it('exports nothing when the metadata has no vendor entity', () =>
    expect(exportsOf(undefined)).toEqual({ create: false, update: false }));

  it('keeps create and update apart: a company never exported needs create, one exported before needs update', () => {
    const settings = exportSettings(
      body({ configs: { export: { create: { enabled: false }, update: { enabled: true } } } }),
    );
    expect(settings.exports).toEqual({ create: false, update: true });
    expect(exportsCompany(settings, { origin_id: null })).toBe(false);
    expect(exportsCompany(settings, { origin_id: '5001' })).toBe(true);
  });
});

describe('exportSettings: the warning message', () => {
  const warningOf = (warning_message: { enabled?: boolean; message?: string }) =>
    exportSettings(body({ rules: { export: { warning_message } } })).warning;

  it('keeps an enabled warning with words', () =>
    expect(warningOf({ enabled: true, message: 'Caution: exported vendors start on hold.' })).toBe(
      'Caution: exported vendors start on hold.',
    ));

  it('drops a disabled or empty one', () => {
    expect(warningOf({ enabled: false, message: 'Caution' })).toBeNull();
    expect(warningOf({ enabled: true, message: '  ' })).toBeNull();
    expect(warningOf({ enabled: true })).toBeNull();
  });
});

describe('erpSettingsSchema', () => {
  it('refuses an answer without metadata (the shape the contract had before)', () =>
    expect(
      erpSettingsSchema.safeParse({
        erp_system: 'viewpoint_vista',
        erp_system_name: 'Viewpoint Vista',
        syncs_companies: true,
        erp_data_synced: true,
        rules: { export: {} },
      }).success,
    ).toBe(false));

  it('refuses a validator whose length is not a whole number', () =>
    expect(
      erpSettingsSchema.safeParse(body(fields({ name: { validation: { max_length: { length: 'sixty' as never } } } })))
        .success,
    ).toBe(false));
});
