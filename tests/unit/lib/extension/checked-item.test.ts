import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkedItem } from '@/lib/extension/checked-item';
import { textDigest } from '@/lib/extension/text-digest';
import { jsonEqual } from '@/lib/extension/json-equal';
import type { TrackedRequest } from '@/lib/contract/tracked-request';
import { openStoredItems } from '@/entrypoints/background/stored-items';
import type { TrackedMap } from '@/lib/contract/tracked-request';
import { STORED, type StoredItemSpec } from '@/lib/extension/storage-items';

const TRACKED_VERSION = STORED.tracked.version;
import { ORIGIN, request } from '../../entrypoints/background/fakes';

const AT = '2026-11-20T10:00:00.000Z';

const entry = (id: number, status: TrackedRequest['request']['status'] = 'pending_acceptance'): TrackedRequest => ({
  request: request(id, 100 + id, status, AT),
  companyId: 8001,
  origin: ORIGIN,
  notifiedStatus: status,
});
const map = (...ids: number[]): TrackedMap => Object.fromEntries(ids.map((id) => [`8001:${id}`, entry(id)]));

/** Written by someone other than the item (another context, devtools, a test). */
const writeElsewhere = (tracked: unknown) =>
  fakeBrowser.storage.local.set({ tracked, tracked$: { v: TRACKED_VERSION } });

/** Storage events are delivered asynchronously in a browser; give them a turn. */
const settle = () => new Promise((done) => setTimeout(done, 0));

describe('the checked in-memory copy of stored items', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads and checks storage once for repeated and concurrent reads', async () => {
    await writeElsewhere(map(1, 2));
    const stored = openStoredItems(() => undefined);
    // Two separate loads would each parse a value of their own: the same object means one shared load.
    const [a, b] = await Promise.all([stored.tracked.get(), stored.tracked.get()]);
    expect(a).toBe(b);
    const read = vi.spyOn(fakeBrowser.storage.local, 'get');
    const c = await stored.tracked.get();
    expect(c).toBe(a);
    expect(Object.keys(c)).toEqual(['8001:1', '8001:2']);
    expect(read).not.toHaveBeenCalled();
  });

  it('reads the stored value once when a worker starts, with its version in the same read', async () => {
    await writeElsewhere(map(1, 2));
    const read = vi.spyOn(fakeBrowser.storage.local, 'get');
    const stored = openStoredItems(() => undefined);
    await Promise.all([stored.tracked.get(), stored.tracked.get()]);
    await settle();
    expect(read.mock.calls.filter(([keys]) => JSON.stringify(keys).includes('"tracked"'))).toEqual([
      [['tracked', 'tracked$']],
    ]);
  });

  it('says what it holds without reading: nothing before a read, the value after, nothing once changed elsewhere', async () => {
    await writeElsewhere(map(1, 2));
    const stored = openStoredItems(() => undefined);
    expect(stored.tracked.inMemory()).toBeNull();
    const read = await stored.tracked.get();
    expect(stored.tracked.inMemory()).toBe(read);
    await writeElsewhere(map(3));
    await settle();
    expect(stored.tracked.inMemory()).toBeNull();
  });

  it('stores the schema version with the first value it writes', async () => {
    const stored = openStoredItems(() => undefined);
    await stored.tracked.set(map(1));
    expect(await fakeBrowser.storage.local.get(['tracked$'])).toEqual({ tracked$: { v: TRACKED_VERSION } });
  });

  it('sees a value written elsewhere on the next read', async () => {
    await writeElsewhere(map(1));
    const stored = openStoredItems(() => undefined);
    expect(Object.keys(await stored.tracked.get())).toEqual(['8001:1']);
    await writeElsewhere(map(1, 2, 3));
    await settle();
    expect(Object.keys(await stored.tracked.get())).toEqual(['8001:1', '8001:2', '8001:3']);
    await fakeBrowser.storage.local.remove('tracked');
    await settle();
    expect(await stored.tracked.get()).toEqual({});
  });

  it('still detects corrupt data written after the first read, and salvages what is valid', async () => {
    await writeElsewhere(map(1));
    const reports: string[] = [];
    const stored = openStoredItems((key) => reports.push(key));
    await stored.tracked.get();
    await writeElsewhere({ '8001:2': entry(2), '8001:3': { request: { id: 'not a number' } } });
    await settle();
    expect(Object.keys(await stored.tracked.get())).toEqual(['8001:2']);
    expect(reports).toEqual(['local:tracked']);
  });

  it('keeps its own writes without reading them back, and their storage events change nothing', async () => {
    const stored = openStoredItems(() => undefined);
    await stored.tracked.update((tracked) => ({ ...tracked, ...map(4) }));
    await settle();
    const read = vi.spyOn(fakeBrowser.storage.local, 'get');
    expect(Object.keys(await stored.tracked.get())).toEqual(['8001:4']);
    expect(read).not.toHaveBeenCalled();
    expect(JSON.parse((await fakeBrowser.storage.local.get('tracked')).tracked as string)).toEqual(map(4));
  });

  it('takes its own write coming back as the text it wrote, without parsing it again', async () => {
    const stored = openStoredItems(() => undefined);
    const parse = vi.spyOn(JSON, 'parse');
    await stored.tracked.set(map(1, 2));
    const kept = stored.tracked.inMemory();
    await settle();
    // The fake storage copies what it stores through JSON; only a parse of the written text itself counts.
    const written = JSON.stringify(map(1, 2));
    expect(parse.mock.calls.filter(([parsed]) => parsed === written)).toEqual([]);
    parse.mockRestore();
    expect(stored.tracked.inMemory()).toBe(kept);
  });

  it('keeps its copy when the text it read is written again, and drops it for any other text', async () => {
    const text = (tracked: TrackedMap) =>
      fakeBrowser.storage.local.set({ tracked: JSON.stringify(tracked), tracked$: { v: TRACKED_VERSION } });
    await text(map(1));
    const stored = openStoredItems(() => undefined);
    const read = await stored.tracked.get();
    await text(map(1));
    await settle();
    expect(stored.tracked.inMemory()).toBe(read);
    await text(map(1, 2));
    await settle();
    expect(stored.tracked.inMemory()).toBeNull();
    expect(Object.keys(await stored.tracked.get())).toEqual(['8001:1', '8001:2']);
  });

  it('keeps the tracked requests as JSON text, and reads the object an older version stored', async () => {
    await fakeBrowser.storage.local.set({ tracked: map(5), tracked$: { v: 2 } });
    const stored = openStoredItems(() => undefined);
    expect(await stored.tracked.get()).toEqual(map(5));
    const raw = await fakeBrowser.storage.local.get(['tracked', 'tracked$']);
    expect(raw).toEqual({ tracked: JSON.stringify(map(5)), tracked$: { v: TRACKED_VERSION } });
  });

  it('takes text that is not JSON for corrupt data, and salvages it', async () => {
    const corrupt = vi.fn();
    await fakeBrowser.storage.local.set({ tracked: '{"8001:1": {', tracked$: { v: TRACKED_VERSION } });
    const stored = openStoredItems(corrupt);
    expect(await stored.tracked.get()).toEqual({});
    expect(corrupt).toHaveBeenCalledWith('local:tracked', '{"8001:1": {');
  });

  it('checks what it writes: an invalid value is refused and the copy stays as stored', async () => {
    await writeElsewhere(map(1));
    const stored = openStoredItems(() => undefined);
    await expect(stored.tracked.set({ bad: { request: null } } as unknown as TrackedMap)).rejects.toThrow();
    expect(Object.keys(await stored.tracked.get())).toEqual(['8001:1']);
  });

  it('does not write when an update changes nothing', async () => {
    await writeElsewhere(map(1));
    const stored = openStoredItems(() => undefined);
    await stored.tracked.get();
    const write = vi.spyOn(fakeBrowser.storage.local, 'set');
    await stored.tracked.update((tracked) => tracked);
    await stored.tracked.update((tracked) => ({ ...tracked }));
    expect(write).not.toHaveBeenCalled();
  });

  it('does not keep a value read before a change that landed while it was loading', async () => {
    await writeElsewhere(map(1));
    const stored = openStoredItems(() => undefined);
    const storageArea = fakeBrowser.storage.local;
    const original = storageArea.get.bind(storageArea);
    let raced = false;
    vi.spyOn(storageArea, 'get').mockImplementation(async (keys) => {
      const answer = await original(keys);
      if (!raced && JSON.stringify(keys).includes('"tracked"')) {
        raced = true; // the old value is read; a new one lands before the read is checked
        await writeElsewhere(map(1, 2));
        await settle();
      }
      return answer;
    });
    expect(Object.keys(await stored.tracked.get())).toEqual(['8001:1']);
    expect(raced).toBe(true);
    expect(Object.keys(await stored.tracked.get())).toEqual(['8001:1', '8001:2']);
  });

  it('hands out frozen values, so no reader can change what the others see', async () => {
    await writeElsewhere(map(1));
    const stored = openStoredItems(() => undefined);
    const tracked = await stored.tracked.get();
    expect(() => {
      (tracked as Record<string, unknown>)['8001:9'] = entry(9);
    }).toThrow(TypeError);
    expect(() => {
      tracked['8001:1']!.request.status = 'synced';
    }).toThrow(TypeError);
  });
});

describe('jsonEqual', () => {
  it('ignores key order and properties set to undefined, as storage does', () => {
    expect(jsonEqual({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1, gone: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, gone: undefined })).toBe(true);
  });

  it('tells apart any difference in values, keys, lengths or kinds', () => {
    expect(jsonEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(jsonEqual({ a: 1 }, { b: 1 })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(jsonEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(jsonEqual([1], { 0: 1 })).toBe(false);
    expect(jsonEqual({ a: '1' }, { a: 1 })).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual({ a: { b: { c: 'x' } } }, { a: { b: { c: 'y' } } })).toBe(false);
  });
});

describe('a write that storage refuses as full', () => {
  beforeEach(() => fakeBrowser.reset());
  /** Synced on 1 November for id 1, on the 2nd for id 2, and so on. */
  const synced = (id: number): TrackedRequest => ({
    ...entry(id, 'synced'),
    request: request(id, 100 + id, 'synced', `2026-11-${String(id).padStart(2, '0')}T10:00:00.000Z`),
  });
  /** Storage that refuses, as Chrome does, any value for `tracked` holding more than `max` requests. */
  const fullAbove = (max: number) => {
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      const text = (items as Record<string, unknown>).tracked;
      if (typeof text === 'string' && Object.keys(JSON.parse(text) as object).length > max) {
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      return set(items);
    });
  };

  it('drops the oldest synced requests until it fits, never an open one, and says how many', async () => {
    const dropped: number[] = [];
    const stored = openStoredItems(
      () => undefined,
      (count) => dropped.push(count),
    );
    await stored.tracked.set({
      ...map(20),
      ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((id) => [`8001:${id}`, synced(id)])),
    });
    fullAbove(6);
    await stored.tracked.update((tracked) => ({ ...tracked, ...map(21) }));
    const kept = JSON.parse((await fakeBrowser.storage.local.get('tracked')).tracked as string) as TrackedMap;
    expect(Object.keys(kept).length).toBeLessThanOrEqual(6);
    expect(kept).toHaveProperty(['8001:20']);
    expect(kept).toHaveProperty(['8001:21']);
    // The oldest went first.
    expect(Object.keys(kept)).not.toContain('8001:1');
    expect(dropped.reduce((a, b) => a + b, 0)).toBe(10 - Object.keys(kept).length);
    expect(await stored.tracked.get()).toEqual(kept);
  });

  it('fails the write, and keeps what was stored, when nothing synced is left to give up', async () => {
    const stored = openStoredItems(() => undefined);
    await stored.tracked.set(map(1, 2));
    fullAbove(2);
    await expect(stored.tracked.update((tracked) => ({ ...tracked, ...map(3) }))).rejects.toThrow(/quota/i);
    expect(Object.keys(await stored.tracked.get())).toEqual(['8001:1', '8001:2']);
  });
});

describe('a text checked before', () => {
  beforeEach(() => fakeBrowser.reset());

  /** A new item over the same storage (a worker woken again) whose check counts its calls; `digests` outlives it. */
  function woken(digests: { last: string | null }, check = (raw: unknown) => raw) {
    const counted = { calls: 0 };
    const item = checkedItem<unknown>(STORED.tracked, {
      check: (raw) => {
        counted.calls += 1;
        return { success: true, data: check(raw) };
      },
      fallback: () => ({}),
      onCorrupt: () => undefined,
      checkedText: {
        load: async () => digests.last,
        save: async (digest) => void (digests.last = digest),
      },
    });
    return { item, counted };
  }

  it('is read again without its check, by whichever context reads it next', async () => {
    await writeElsewhere(JSON.stringify(map(1, 2)));
    const digests = { last: null as string | null };
    const first = woken(digests);
    expect(await first.item.get()).toEqual(map(1, 2));
    expect(first.counted.calls).toBe(1);
    await vi.waitFor(() => expect(digests.last).not.toBeNull());

    const again = woken(digests);
    expect(await again.item.get()).toEqual(map(1, 2));
    expect(again.counted.calls).toBe(0);
  });

  it('is checked again once anything else wrote another text; a text the item wrote is not', async () => {
    const digests = { last: null as string | null };
    const writer = woken(digests);
    await writer.item.set(map(1));
    // Noted by the time the write is done: the popup reads the text right after a refresh's write.
    expect(digests.last).toBe(await textDigest(JSON.stringify(map(1))));
    const afterWrite = woken(digests);
    expect(await afterWrite.item.get()).toEqual(map(1));
    expect(afterWrite.counted.calls).toBe(0);

    await writeElsewhere(JSON.stringify(map(1, 2)));
    const reader = woken(digests);
    expect(await reader.item.get()).toEqual(map(1, 2));
    expect(reader.counted.calls).toBe(1);
  });

  it('a write is done even when its digest cannot be noted: the text is only checked again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const item = checkedItem<unknown>(STORED.tracked, {
      check: (raw) => ({ success: true, data: raw }),
      fallback: () => ({}),
      onCorrupt: () => undefined,
      checkedText: { load: async () => null, save: () => Promise.reject(new Error('session storage unavailable')) },
    });
    await item.set(map(1));
    expect(await fakeBrowser.storage.local.get('tracked')).toEqual({ tracked: JSON.stringify(map(1)) });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('the checked text was not noted'), expect.any(Error));
    warn.mockRestore();
  });

  it('that its check changed (a key dropped) is checked every time', async () => {
    await writeElsewhere(JSON.stringify({ ...map(1), extra: true }));
    const digests = { last: null as string | null };
    const drop = (raw: unknown) => {
      const { extra: _, ...rest } = raw as Record<string, unknown>;
      return rest;
    };
    // Read, its digest made to compare with the last one noted, and none made to note this text.
    const digest = vi.spyOn(crypto.subtle, 'digest');
    expect(await woken(digests, drop).item.get()).toEqual(map(1));
    expect(digest).toHaveBeenCalledTimes(1);
    const again = woken(digests, drop);
    expect(await again.item.get()).toEqual(map(1));
    expect(again.counted.calls).toBe(1);
    digest.mockRestore();
  });
});

describe('a session item read without its check', () => {
  beforeEach(() => fakeBrowser.reset());

  const counting = (key: StoredItemSpec = STORED.keptViews) => {
    const counted = { calls: 0 };
    const item = checkedItem<Record<string, number>>(key, {
      check: (raw) => {
        counted.calls += 1;
        const valid = typeof raw === 'object' && raw !== null && Object.values(raw).every((v) => typeof v === 'number');
        return valid ? { success: true, data: raw as Record<string, number> } : { success: false };
      },
      fallback: () => ({}),
      onCorrupt: () => undefined,
      checkOnRead: false,
    });
    return { item, counted };
  };

  it('takes what a worker before it wrote as it is, and still checks what it writes', async () => {
    await counting().item.set({ a: 1 });
    const woken = counting();
    expect(await woken.item.get()).toEqual({ a: 1 });
    expect(woken.counted.calls).toBe(0);
    await expect(woken.item.set({ a: 'one' } as unknown as Record<string, number>)).rejects.toThrow(/schema/);
    expect(woken.counted.calls).toBe(1);
    expect(await counting().item.get()).toEqual({ a: 1 });
  });

  it('is refused for an item of local storage, which other versions and tools write', () => {
    expect(() => counting({ ...STORED.keptViews, key: 'local:keptViews' })).toThrow(/only a session item/);
  });
});
