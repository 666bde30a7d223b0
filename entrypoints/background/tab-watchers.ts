/**
 * Tabs showing a vendor, told when it changes (`vendorChanged`). Kept in `session:` storage so a worker restart does
 * not forget them; a tab that closed or no longer answers is dropped the first time it is told something. Closed tabs
 * are not listened for (`tabs.onRemoved`): a worker woken for any event would make Chrome's `tabs` binding first
 * (~0.5 ms), and a closed tab's id, never given to another tab, costs only its few bytes until then.
 */
import { sendMessage } from '@/lib/contract/messaging';
import type { VendorIds } from '@/lib/contract/messages';
import { vendorKey } from '@/lib/contract/keys';
import type { CheckedItem } from '@/lib/extension/checked-item';
import type { Watchers } from './stored-items';

export interface TabWatchers {
  watch(tabId: number, companyId: number, vendorId: number): Promise<void>;
  /** Pushes `vendorChanged` to every tab watching one of these vendors. */
  notify(vendors: VendorIds[]): Promise<void>;
  /** Pushes `vendorChanged` to this tab, whether it watches yet or not (it asked for the vendor a moment ago). */
  tell(tabId: number, vendor: VendorIds): Promise<void>;
}

export type PushVendorChanged = (tabId: number, data: VendorIds) => Promise<void>;

const defaultPush: PushVendorChanged = (tabId, data) => sendMessage('vendorChanged', data, tabId);

export function createTabWatchers(item: CheckedItem<Watchers>, push: PushVendorChanged = defaultPush): TabWatchers {
  const forgetTab = async (tabId: number) => {
    await item.update((all) => {
      const next: Watchers = {};
      for (const [key, tabs] of Object.entries(all)) {
        const kept = tabs.filter((id) => id !== tabId);
        if (kept.length) next[key] = kept;
      }
      return next;
    });
  };
  const tell = (tabId: number, vendor: VendorIds) => push(tabId, vendor).catch(() => forgetTab(tabId));
  return {
    async watch(tabId, companyId, vendorId) {
      // A tab shows one vendor at a time: after a client-side navigation it watches the new one only.
      await forgetTab(tabId);
      await item.update((all) => {
        const key = vendorKey(companyId, vendorId);
        return { ...all, [key]: [...(all[key] ?? []), tabId] };
      });
    },
    async notify(vendors) {
      const all = await item.get();
      const unique = new Map(vendors.map((v) => [vendorKey(v.companyId, v.vendorId), v]));
      await Promise.all([...unique].flatMap(([key, vendor]) => (all[key] ?? []).map((tabId) => tell(tabId, vendor))));
    },
    tell,
  };
}
