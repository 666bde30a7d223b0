/**
 * Reading and writing the extension's stored items from outside, through its service worker, in the form the
 * extension keeps them (`lib/extension/storage-items.ts`: the key, the `key$` version, JSON text where it says so).
 * The bench and the soak use it to start from a full queue and to read what the extension ended with.
 */
import type { Browser } from 'webextension-polyfill';
import type { ExtensionBrowser } from './extension-browser';
import { storagePlace, type StoredItemSpec } from '../lib/extension/storage-items';
import { decodeStored, encodeStored } from '../lib/extension/stored-value';

/** Chrome's MV3 `chrome.*` answers promises with the same shapes the polyfill's types describe. */
declare const chrome: Browser;

/** Stores each value as its item, with the item's current version, in one write. */
export async function writeStoredItems(ext: ExtensionBrowser, items: [StoredItemSpec, unknown][]): Promise<void> {
  const writes: Record<'local' | 'session', Record<string, unknown>> = { local: {}, session: {} };
  for (const [spec, value] of items) {
    const { area, name } = storagePlace(spec);
    writes[area][name] = encodeStored(spec, value);
    writes[area][`${name}$`] = { v: spec.version };
  }
  await (
    await ext.serviceWorker()
  ).evaluate(async ({ local, session }) => {
    await chrome.storage.local.set(local);
    await chrome.storage.session.set(session);
  }, writes);
}

/** The item's stored value, decoded (undefined when nothing is stored). */
export async function readStoredItem(ext: ExtensionBrowser, spec: StoredItemSpec): Promise<unknown> {
  const { area, name } = storagePlace(spec);
  const raw = await (
    await ext.serviceWorker()
  ).evaluate(async ([where, key]) => (await chrome.storage[where].get(key))[key], [area, name] as const);
  return decodeStored(spec, raw);
}
