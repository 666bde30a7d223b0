import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundApp } from '@/entrypoints/background/app';
import { defaultSettings } from '@/lib/extension/settings';
import { CONTENT_SENDER, FakeApi, ORIGIN, POPUP_SENDER, request } from './fakes';
import { useLocale } from '../../locale';

const TOKEN = 'secret-token-123';

function app(api = new FakeApi()) {
  const settings = { ...defaultSettings(''), apiUrl: 'https://erp.example.com', token: TOKEN };
  return createBackgroundApp({
    createClient: () => api,
    hasHostPermission: async () => true,
    loadSettings: async () => settings,
    sandboxUrl: '',
  });
}

describe('background message handling', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useLocale('en');
  });

  it('refuses a message from a page that is not Procore, before touching the API', async () => {
    const api = new FakeApi();
    const bg = app(api);
    const evil = CONTENT_SENDER(7, 'https://evil.example/8001/company/directory/vendors/101/edit');
    await expect(
      bg.handle('getVendor', { page: { level: 'company', companyId: 8001, vendorId: 101 }, refresh: false }, evil),
    ).rejects.toThrow(/sender not allowed/);
    await expect(
      bg.handle('testConnection', { baseUrl: 'https://x.example', token: 't' }, CONTENT_SENDER()),
    ).rejects.toThrow(/sender not allowed/);
    expect(api.calls).toEqual([]);
  });

  it.each([
    ['getVendor', { page: { level: 'company', companyId: -1, vendorId: 101 }, refresh: false }],
    ['getVendor', { page: { level: 'company', companyId: 8001 } }],
    ['send', { companyId: 8001, vendorId: 101, origin: 'not a url' }],
    ['retrieve', { companyId: '8001', vendorId: 101, requestId: 5 }],
    ['watch', null],
  ] as const)('refuses a malformed %s payload', async (type, data) => {
    const api = new FakeApi();
    await expect(app(api).handle(type, data, CONTENT_SENDER())).rejects.toThrow(/invalid payload/);
    expect(api.calls).toEqual([]);
  });

  it('refuses a send whose link-back origin is not the sending page', async () => {
    const bg = app();
    await expect(
      bg.handle('send', { companyId: 8001, vendorId: 101, origin: 'https://us02.procore.com' }, CONTENT_SENDER()),
    ).rejects.toThrow(/origin/);
    await expect(
      bg.handle('send', { companyId: 8001, vendorId: 101, origin: 'https://evil.example' }, POPUP_SENDER),
    ).rejects.toThrow(/origin/);
  });

  it('answers getVendor with the vendor, settings, permission and history, newest first', async () => {
    const api = new FakeApi();
    api.seed(
      8001,
      request(1, 101, 'rejected', '2026-11-01T10:00:00Z', { rejection_comment: 'Address incomplete' }),
      request(3, 102, 'synced', '2026-11-03T10:00:00Z'),
      request(2, 101, 'pending_acceptance', '2026-11-02T10:00:00Z'),
    );
    const result = await app(api).handle(
      'getVendor',
      { page: { level: 'project', projectId: 501, vendorId: 101 }, refresh: false },
      CONTENT_SENDER(),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      companyId: 8001,
      vendorId: 101,
      permission: 'admin',
      latest: { status: 'pending_acceptance' },
    });
    expect(result.value.history.map((r) => r.status)).toEqual(['pending_acceptance', 'rejected']);
  });

  it("takes a project page's permission from that project's Directory, also in the view after a send", async () => {
    const api = new FakeApi();
    const bg = app(api);
    const page = { level: 'project' as const, projectId: 502, vendorId: 101 };
    const viewed = await bg.handle(
      'getVendor',
      { page, refresh: false },
      CONTENT_SENDER(7, `${ORIGIN}/502/project/directory/vendors/101/edit`),
    );
    expect(viewed).toMatchObject({ ok: true, value: { permission: 'standard' } });
    const sent = await bg.handle(
      'send',
      { companyId: 8001, vendorId: 101, origin: ORIGIN, projectId: 502 },
      CONTENT_SENDER(7, `${ORIGIN}/502/project/directory/vendors/101/edit`),
    );
    expect(sent).toMatchObject({ ok: true, value: { permission: 'standard' } });
    const company = await bg.handle(
      'getVendor',
      { page: { level: 'company', companyId: 8001, vendorId: 101 }, refresh: false },
      CONTENT_SENDER(),
    );
    expect(company).toMatchObject({ ok: true, value: { permission: 'admin' } });
    expect(api.calls.filter((c) => c.method === 'permission').map((c) => c.args)).toEqual([[8001, 502], [8001]]);
    // The company's settings are the same on both pages: asked once.
    expect(api.countOf('settings')).toBe(1);
  });

  it('never puts the token in an answer', async () => {
    const api = new FakeApi();
    const bg = app(api);
    const answers = [
      await bg.handle(
        'getVendor',
        { page: { level: 'company', companyId: 8001, vendorId: 101 }, refresh: true },
        CONTENT_SENDER(),
      ),
      await bg.handle('send', { companyId: 8001, vendorId: 101, origin: ORIGIN }, CONTENT_SENDER()),
      await bg.handle('getQueue', { refresh: true, requests: true }, POPUP_SENDER),
      await bg.handle('testConnection', { baseUrl: 'https://erp.example.com', token: TOKEN }, POPUP_SENDER),
    ];
    expect(JSON.stringify(answers)).not.toContain(TOKEN);
  });

  it('tests a connection with the given settings and says who that is', async () => {
    expect(
      await app().handle('testConnection', { baseUrl: 'https://erp.example.com', token: 'x' }, POPUP_SENDER),
    ).toEqual({
      ok: true,
      value: { id: 1, login: 'alex.admin@example.com', name: 'Alex Admin' },
    });
  });

  it('says what is missing before calling an API it may not reach', async () => {
    const bg = createBackgroundApp({
      createClient: () => new FakeApi(),
      hasHostPermission: async () => false,
      loadSettings: async () => defaultSettings(''),
      sandboxUrl: '',
    });
    expect(await bg.handle('getQueue', { refresh: false, requests: true }, POPUP_SENDER)).toMatchObject({
      requests: [],
    });
    expect(
      await bg.handle(
        'getVendor',
        { page: { level: 'company', companyId: 8001, vendorId: 101 }, refresh: false },
        CONTENT_SENDER(),
      ),
    ).toEqual({
      ok: false,
      error: { kind: 'not_configured' },
    });
    expect(await bg.handle('testConnection', { baseUrl: 'https://erp.example.com', token: 'x' }, POPUP_SENDER)).toEqual(
      {
        ok: false,
        error: { kind: 'no_permission' },
      },
    );
  });
});
