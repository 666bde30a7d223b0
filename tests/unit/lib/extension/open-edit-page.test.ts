import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openEditPage } from '@/lib/extension/open-edit-page';

const PAGE = 'https://app.procore.com/8001/company/directory/vendors/101/edit';

describe('opening a company edit page', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('opens a new tab when none shows the page', async () => {
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    await openEditPage(PAGE);
    expect(created).toHaveBeenCalledWith({ url: PAGE });
  });

  it('brings forward the tab that shows it, trailing slash or not, and its window', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 4, windowId: 2, url: `${PAGE}/` } as never]);
    const activated = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue({} as never);
    const focused = vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue({} as never);
    await openEditPage(PAGE);
    expect(activated).toHaveBeenCalledWith(4, { active: true });
    expect(focused).toHaveBeenCalledWith(2, { focused: true });
  });

  it('works where the browser has no windows API (Firefox for Android)', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 4, windowId: 2, url: PAGE } as never]);
    const activated = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue({} as never);
    vi.spyOn(fakeBrowser, 'windows', 'get').mockReturnValue(undefined as never);
    await expect(openEditPage(PAGE)).resolves.toBeUndefined();
    expect(activated).toHaveBeenCalledWith(4, { active: true });
  });
});
