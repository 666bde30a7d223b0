import { describe, expect, it } from 'vitest';
import {
  directoryLevel,
  erpRequestSchema,
  permissionManifestSchema,
  storedRequestSchema,
} from '@/lib/contract/api-bodies';
import { requestRecord } from '../../records';

const UNSET = ['decided_by', 'decided_at', 'rejection_comment', 'erp_vendor_id', 'errors'] as const;

describe('an ERP request, as the API answers it and as it is kept', () => {
  it('reads what the API leaves out, or sends as null, until it applies as null (errors as none)', () => {
    const full = requestRecord();
    const left = Object.fromEntries(
      Object.entries(full).filter(([key]) => !(UNSET as readonly string[]).includes(key)),
    );
    const nulls = { ...left, ...Object.fromEntries(UNSET.map((key) => [key, null])) };
    const kept = {
      ...left,
      decided_by: null,
      decided_at: null,
      rejection_comment: null,
      erp_vendor_id: null,
      errors: [],
    };
    expect(erpRequestSchema.parse(left)).toEqual(kept);
    expect(erpRequestSchema.parse(nulls)).toEqual(kept);
  });

  it('keeps what the API says when it applies', () => {
    const decided = requestRecord({
      status: 'rejected',
      decided_by: { id: 3, name: 'Avery Approver' },
      decided_at: '2026-11-20T11:00:00.000Z',
      rejection_comment: 'Tax ID missing',
      errors: ['one'],
    });
    expect(erpRequestSchema.parse(decided)).toEqual(decided);
  });

  it('still rejects a request that is not one', () => {
    expect(erpRequestSchema.safeParse(null).success).toBe(false);
    expect(erpRequestSchema.safeParse([requestRecord()]).success).toBe(false);
    expect(erpRequestSchema.safeParse({ ...requestRecord(), status: 'lost' }).success).toBe(false);
  });

  it('a kept request has every field: one stored without them is corrupt', () => {
    expect(storedRequestSchema.safeParse(requestRecord()).success).toBe(true);
    for (const key of UNSET) {
      const { [key]: _dropped, ...partial } = requestRecord();
      expect(storedRequestSchema.safeParse(partial).success, key).toBe(false);
    }
  });
});

describe("the admin's Directory level, from Procore's permission manifest", () => {
  const level = (tools: unknown[]) => directoryLevel(permissionManifestSchema.parse({ tools }));
  const directory = (name: string, extra: Record<string, unknown> = {}) => ({
    id: 5,
    name: 'directory',
    friendly_name: 'Directory',
    available_for_user: true,
    user_access_level: { id: 3, name },
    permitted_actions: [],
    ...extra,
  });

  it.each([
    ['Admin', 'admin'],
    ['Standard', 'standard'],
    ['Read Only', 'read_only'],
    ['None', 'none'],
    ['Owner', 'none'],
  ])('reads %s as %s', (name, expected) => {
    expect(level([directory(name)])).toBe(expected);
  });

  it('is none without the Directory tool, or when it is not available to the user', () => {
    expect(level([{ id: 12, name: 'documents', user_access_level: { id: 3, name: 'Admin' } }])).toBe('none');
    expect(level([directory('Admin', { available_for_user: false })])).toBe('none');
    expect(level([directory('Admin', { user_access_level: null })])).toBe('none');
  });

  it('ignores every key it does not read, and reads the Directory among other tools', () => {
    const manifest = permissionManifestSchema.parse({
      tools: [{ name: 'documents', novel: 1 }, directory('Admin', { beta: { x: 1 } })],
      company: { id: 8001 },
    });
    expect(directoryLevel(manifest)).toBe('admin');
    expect(manifest).not.toHaveProperty('company');
  });

  it('refuses a manifest without its tools list', () => {
    expect(permissionManifestSchema.safeParse({ level: 'admin' }).success).toBe(false);
  });
});
