import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundApp } from '@/entrypoints/background/app';
import { openStoredItems } from '@/entrypoints/background/stored-items';
import { STORED } from '@/lib/extension/storage-items';

const TRACKED_VERSION = STORED.tracked.version;
import { defaultSettings } from '@/lib/extension/settings';
import { FakeApi, ORIGIN, POPUP_SENDER, request } from './fakes';
import { useLocale } from '../../locale';

const AT = '2026-11-20T10:00:00.000Z';

describe('stored data', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useLocale('en');
  });

  it('migrates tracked requests from version 1 (a list) to version 2 (by key, with the notified status)', async () => {
    const rejected = request(7, 106, 'rejected', AT, { rejection_comment: 'Tax ID missing on W-9' });
    await fakeBrowser.storage.local.set({
      tracked: [{ request: rejected, companyId: 8001, origin: ORIGIN }],
      tracked$: { v: 1 },
    });
    const stored = openStoredItems(() => undefined);
    expect(await stored.tracked.get()).toEqual({
      '8001:7': { request: rejected, companyId: 8001, origin: ORIGIN, notifiedStatus: 'rejected' },
    });
    expect(await fakeBrowser.storage.local.get('tracked$')).toEqual({ tracked$: { v: TRACKED_VERSION } });
  });

  it('keeps the valid entries of a corrupt map, reports it once, and the next read is clean', async () => {
    const good = {
      request: request(1, 101, 'pending_acceptance', AT),
      companyId: 8001,
      origin: ORIGIN,
      notifiedStatus: 'pending_acceptance',
    };
    await fakeBrowser.storage.local.set({
      tracked: { '8001:1': good, '8001:2': { request: { id: 'x' } } },
      tracked$: { v: 2 },
    });
    const reports: string[] = [];
    const stored = openStoredItems((key) => reports.push(key));
    expect(Object.keys(await stored.tracked.get())).toEqual(['8001:1']);
    expect(Object.keys(await stored.tracked.get())).toEqual(['8001:1']);
    expect(reports).toEqual(['local:tracked']);
  });

  it('reads a poll state saved before the repair time existed', async () => {
    await fakeBrowser.storage.local.set({
      poll: { cursors: {}, lastUpdated: null, lastError: null, authError: null, calls: {} },
    });
    const stored = openStoredItems(() => expect.fail('not corrupt'));
    expect(await stored.poll.get()).toMatchObject({ repairedAt: null });
  });

  it('replaces a corrupt poll state with an empty one rather than using it', async () => {
    await fakeBrowser.storage.local.set({ poll: { cursors: 'nonsense' } });
    const stored = openStoredItems(() => undefined);
    expect(await stored.poll.get()).toMatchObject({ cursors: {}, authError: null });
  });

  it('rebuilds corrupt tracked requests from the API for the companies the admin visited', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const api = new FakeApi();
    api.seed(
      8001,
      request(5, 105, 'pending_acceptance', AT),
      request(6, 106, 'rejected', AT),
      request(7, 107, 'synced', AT),
    );
    await fakeBrowser.storage.local.set({
      tracked: 'garbage',
      tracked$: { v: 2 },
      companies: { 8001: { origin: ORIGIN } },
    });
    const settings = { ...defaultSettings(''), apiUrl: 'https://erp.example.com', token: 't' };
    const bg = createBackgroundApp({
      createClient: () => api,
      hasHostPermission: async () => true,
      loadSettings: async () => settings,
      sandboxUrl: '',
    });
    await bg.handle('getQueue', { refresh: false, requests: true }, POPUP_SENDER);
    await vi.waitFor(async () => {
      const queue = await bg.handle('getQueue', { refresh: false, requests: true }, POPUP_SENDER);
      expect(queue.requests!.map((e) => [e.request.item_id, e.request.status]).sort()).toEqual([
        [105, 'pending_acceptance'],
        [106, 'rejected'],
      ]);
    });
    expect(warn).toHaveBeenCalledTimes(1);
    // The popup says so.
    expect((await bg.handle('getQueue', { refresh: false, requests: true }, POPUP_SENDER)).repairedAt).toEqual(
      expect.any(String),
    );
    // Rebuilt requests are history: nobody is notified of them again.
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });
});
