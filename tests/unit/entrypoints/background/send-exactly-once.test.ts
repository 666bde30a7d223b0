import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ok } from '@/lib/contract/errors';
import { createSender, LOCK_TTL_MS } from '@/entrypoints/background/send-exactly-once';
import { openStoredItems } from '@/entrypoints/background/stored-items';
import { FakeApi, ORIGIN, T0 } from './fakes';

const target = { companyId: 8001, vendorId: 101, origin: ORIGIN };

/** Keys count across workers, so a restarted worker that made a new key would be caught. */
let keys = 0;

function setup(api: FakeApi, now = () => T0) {
  const stored = openStoredItems(() => undefined);
  const recorded: number[] = [];
  const sender = createSender({
    locks: stored.sends,
    api: async () => ok(api),
    onCreated: async (_t, request) => void recorded.push(request.id),
    newKey: () => `key-${++keys}`,
    now,
  });
  return { stored, sender, recorded };
}

const keysUsed = (api: FakeApi) => api.calls.filter((c) => c.method === 'createRequest').map((c) => c.args[2]);

describe('exactly-once sends', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    keys = 0;
  });

  it('ten rapid sends for one vendor make one request, and all get it', async () => {
    const api = new FakeApi();
    const { sender, stored } = setup(api);
    const results = await Promise.all(Array.from({ length: 10 }, () => sender.send(target)));
    expect(api.countOf('createRequest')).toBe(1);
    expect(api.created).toHaveLength(1);
    expect(new Set(results.map((r) => (r.ok ? r.value.id : null)))).toEqual(new Set([api.created[0]!.id]));
    expect(await stored.sends.get()).toEqual({});
  });

  it('stores the key before the request leaves', async () => {
    const api = new FakeApi();
    api.hangCreates = true;
    const { sender, stored } = setup(api);
    void sender.send(target);
    await new Promise((r) => setTimeout(r, 10));
    expect(keysUsed(api)).toEqual(['key-1']);
    expect(await stored.sends.get()).toMatchObject({ '8001:101': { idempotencyKey: 'key-1', origin: ORIGIN } });
  });

  it('a worker stopped mid-send is resumed on start with the same key, and creates nothing twice', async () => {
    const api = new FakeApi();
    api.hangCreates = true;
    const first = setup(api);
    void first.sender.send(target);
    await new Promise((r) => setTimeout(r, 10));
    // The server got it, but the worker was stopped before the answer came back.
    api.hangCreates = false;
    await api.createRequest(8001, 101, 'key-1');
    const createdBefore = api.created.length;

    const restarted = setup(api); // a new worker: nothing in memory, the same storage
    await restarted.sender.resumePending();
    expect(keysUsed(api)).toEqual(['key-1', 'key-1', 'key-1']);
    expect(api.created).toHaveLength(createdBefore);
    expect(restarted.recorded).toEqual([api.created[0]!.id]);
    expect(await restarted.stored.sends.get()).toEqual({});
  });

  it('a second send after a lost answer retries with the same key and gets the same request', async () => {
    const api = new FakeApi();
    api.failNext('createRequest', { kind: 'network' }, true);
    const { sender, stored } = setup(api);
    const lost = await sender.send(target);
    expect(lost).toEqual({ ok: false, error: { kind: 'network' } });
    expect(Object.keys(await stored.sends.get())).toEqual(['8001:101']);
    const retried = await sender.send(target);
    expect(retried.ok && retried.value.id).toBe(api.created[0]!.id);
    expect(keysUsed(api)).toEqual(['key-1', 'key-1']);
    expect(api.created).toHaveLength(1);
  });

  it('releases the lock when the server refused (422), so the next send is a new one', async () => {
    const api = new FakeApi();
    api.failNext('createRequest', { kind: 'validation', status: 422, fieldErrors: { name: ['is too long'] } });
    const { sender, stored } = setup(api);
    expect(await sender.send(target)).toMatchObject({
      ok: false,
      error: { kind: 'validation', fieldErrors: { name: ['is too long'] } },
    });
    expect(await stored.sends.get()).toEqual({});
    await sender.send(target);
    expect(keysUsed(api)).toEqual(['key-1', 'key-2']);
  });

  it('drops a lock older than a day instead of reusing a key the server has forgotten', async () => {
    const api = new FakeApi();
    api.failNext('createRequest', { kind: 'timeout' });
    await setup(api).sender.send(target);
    const later = setup(api, () => T0 + LOCK_TTL_MS + 1);
    await later.sender.resumePending();
    expect(keysUsed(api)).toEqual(['key-1']);
    await later.sender.send(target);
    expect(keysUsed(api)).toEqual(['key-1', 'key-2']);
  });
});
