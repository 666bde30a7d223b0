import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadFirstScreen } from '@/entrypoints/popup/first-screen-reader';
import { firstScreen } from '@/lib/erp/queue';
import { bigQueue, minutesAgo, queueView } from '../../lib/erp/queue-fixtures';

const view = (requests = bigQueue(1000)) => queueView({ requests, lastUpdated: minutesAgo(5) });

describe("loading the popup's first screen from storage", () => {
  beforeEach(() => fakeBrowser.reset());

  it('loads the stored copy', async () => {
    const screen = firstScreen(view());
    await fakeBrowser.storage.local.set({ firstScreen: screen });
    expect(await loadFirstScreen()).toEqual(screen);
  });

  it('ignores a copy of another version', async () => {
    await fakeBrowser.storage.local.set({ firstScreen: firstScreen(view()), firstScreen$: { v: 2 } });
    expect(await loadFirstScreen()).toBeNull();
  });

  it('answers null when none is stored or the read fails', async () => {
    expect(await loadFirstScreen()).toBeNull();
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage unavailable'));
    expect(await loadFirstScreen()).toBeNull();
  });
});
