import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundApp } from '@/entrypoints/background/app';
import { loadCheckedTracked } from '@/entrypoints/popup/tracked-reader';
import type { TrackedMap } from '@/lib/contract/tracked-request';
import { defaultSettings } from '@/lib/extension/settings';
import { textDigest } from '@/lib/extension/text-digest';
import { CONTENT_SENDER, FakeApi, ORIGIN, POPUP_SENDER, trackedEntry, trackedMap } from '../background/fakes';

const MAP: TrackedMap = trackedMap(
  trackedEntry(8001, 1, 'rejected', 101, '2026-11-20T10:00:00.000Z'),
  trackedEntry(8001, 2, 'pending_acceptance', 102, '2026-11-20T11:00:00.000Z'),
);

/** The tracked requests' text in storage, as the background writes it, and a digest noted as checked. */
async function store(text: string, checked: string | null, version = 3): Promise<void> {
  await fakeBrowser.storage.local.set({ tracked: text, tracked$: { v: version } });
  if (checked !== null) await fakeBrowser.storage.session.set({ trackedChecked: checked });
}

describe('the popup reading the tracked requests itself', () => {
  beforeEach(() => fakeBrowser.reset());

  it('takes the stored text a worker checked, newest first', async () => {
    const text = JSON.stringify(MAP);
    await store(text, await textDigest(text));
    expect((await loadCheckedTracked())?.map((e) => e.request.id)).toEqual([2, 1]);
  });

  it('leaves any other text to the worker: another digest, none noted, another version, a failed read', async () => {
    const text = JSON.stringify(MAP);
    await store(text, await textDigest(`${text} `));
    expect(await loadCheckedTracked()).toBeNull();
    fakeBrowser.reset();
    await store(text, null);
    expect(await loadCheckedTracked()).toBeNull();
    fakeBrowser.reset();
    await store(text, await textDigest(text), 2);
    expect(await loadCheckedTracked()).toBeNull();
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage unavailable'));
    expect(await loadCheckedTracked()).toBeNull();
  });

  it('reads what a worker answers when asked for the requests, and the worker answers without them otherwise', async () => {
    const api = new FakeApi();
    const bg = createBackgroundApp({
      createClient: () => api,
      hasHostPermission: async () => true,
      loadSettings: async () => ({ ...defaultSettings(''), apiUrl: 'https://erp.example.com', token: 't' }),
      sandboxUrl: '',
    });
    for (const vendorId of [101, 102])
      await bg.handle(
        'send',
        { companyId: 8001, vendorId, origin: ORIGIN },
        CONTENT_SENDER(7, `${ORIGIN}/8001/company/directory/vendors/${vendorId}/edit`),
      );
    const whole = await bg.handle('getQueue', { refresh: false, requests: true }, POPUP_SENDER);
    const state = await bg.handle('getQueue', { refresh: false, requests: false }, POPUP_SENDER);
    expect(state.requests).toBeNull();
    expect({ ...state, requests: whole.requests }).toEqual(whole);
    expect(whole.requests).toHaveLength(2);
    // The digest of the background's last write is noted a moment after it.
    await vi.waitFor(async () => expect(await loadCheckedTracked()).toEqual(whole.requests));
  });
});
