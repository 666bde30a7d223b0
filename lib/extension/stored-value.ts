/**
 * Reading one stored value and its schema version, kept at `key$` as WXT's storage does, in one `storage.get`. Apart
 * from `checked-item.ts` so that the popup, which only reads its first screen, loads nothing more.
 */
import { browser } from 'wxt/browser';
import { storagePlace, type StoredItemSpec } from './storage-items';

export const place = (spec: StoredItemSpec) => {
  const { area, name } = storagePlace(spec);
  return { area: browser.storage[area], areaName: area, name, meta: `${name}$` };
};

/**
 * A value as the item stores it, and back: JSON text for `asJsonText` items. Text that is not JSON is returned as it
 * is, for the item's check to reject; an older version stored as an object is read as it is.
 */
export const encodeStored = (spec: StoredItemSpec, value: unknown): unknown =>
  spec.asJsonText ? JSON.stringify(value) : value;

export function decodeStored(spec: StoredItemSpec, value: unknown): unknown {
  if (!spec.asJsonText || typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/**
 * The stored value and its version (1 when none is stored, as WXT counts), or null when nothing is stored; `text`: the
 * JSON text it was read from, for `asJsonText` items.
 */
export async function readStored(
  spec: StoredItemSpec,
): Promise<{ value: unknown; version: number; text: string | null } | null> {
  const { area, name, meta } = place(spec);
  const stored = await area.get([name, meta]);
  const raw: unknown = stored[name];
  const value = decodeStored(spec, raw);
  if (value === null || value === undefined) return null;
  const version = (stored[meta] as { v?: unknown } | undefined)?.v;
  const text = spec.asJsonText && typeof raw === 'string' ? raw : null;
  return { value, version: typeof version === 'number' ? version : 1, text };
}
