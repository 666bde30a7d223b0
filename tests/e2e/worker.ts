/** Reading the extension's own state (badge, notifications, tabs) from inside its service worker. */
import type { Page } from 'playwright-core';
import type { Browser } from 'webextension-polyfill';
import type { ExtensionBrowser } from '../../scripts/extension-browser';
import { STORED, storagePlace } from '../../lib/extension/storage-items';

const FIRST_SCREEN_KEY = storagePlace(STORED.firstScreen).name;

/** Chrome's MV3 `chrome.*` answers promises with the same shapes the polyfill's types describe. */
declare const chrome: Browser;

export const badgeText = async (ext: ExtensionBrowser): Promise<string> =>
  (await ext.serviceWorker()).evaluate(() => chrome.action.getBadgeText({}));

export const notificationCount = async (ext: ExtensionBrowser): Promise<number> =>
  (await ext.serviceWorker()).evaluate(async () => Object.keys(await chrome.notifications.getAll()).length);

/** The ids of the notifications shown (`entrypoints/background/notifications.ts` names them). */
export const notificationIds = async (ext: ExtensionBrowser): Promise<string[]> =>
  (await ext.serviceWorker()).evaluate(async () => Object.keys(await chrome.notifications.getAll()));

/** The active tab's URL, where the extension may see it (a Procore page; not its own pages without `tabs`). */
export const activeTabUrl = async (ext: ExtensionBrowser): Promise<string | undefined> => (await activeTab(ext))?.url;

export const activeTabId = async (ext: ExtensionBrowser): Promise<number | undefined> => (await activeTab(ext))?.id;

/** The tab an extension page is in, as the page itself reads it. */
export const tabIdOf = (page: Page): Promise<number | undefined> =>
  page.evaluate(async () => (await chrome.tabs.getCurrent())?.id);

const activeTab = async (ext: ExtensionBrowser) =>
  (await ext.serviceWorker()).evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0],
  );

/** Each section's count in the popup's first screen as the background stored it (`firstScreen` in `lib/erp/queue.ts`), or null. */
export const storedFirstScreenCounts = async (ext: ExtensionBrowser): Promise<number[] | null> =>
  (await ext.serviceWorker()).evaluate(async (key) => {
    const screen = (await chrome.storage.local.get(key))[key] as { sections?: { count: number }[] } | undefined;
    return screen?.sections?.map((section) => section.count) ?? null;
  }, FIRST_SCREEN_KEY);

/** The manifest as the browser loaded it. */
export const loadedManifest = async (ext: ExtensionBrowser) =>
  (await ext.serviceWorker()).evaluate(() => chrome.runtime.getManifest());
