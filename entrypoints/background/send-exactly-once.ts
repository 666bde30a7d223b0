/**
 * Sending exactly once per click. A send is a lock in storage, per vendor, holding the `Idempotency-Key` it was given
 * before the request left. While the lock is there, every call for that vendor — a second click, another tab, the
 * worker started again after Chrome stopped it — reuses that key, and the server answers with the request it already
 * created. The lock goes once the outcome is known; a lost connection leaves it, so the next try is the same send.
 */
import type { ErpRequest } from '@/lib/contract/api-bodies';
import { fail, ok, type Result } from '@/lib/contract/errors';
import { vendorKey } from '@/lib/contract/keys';
import type { CheckedItem } from '@/lib/extension/checked-item';
import type { ApiClient } from './api/client';
import { toUserError } from './api/api-error';
import type { SendLock } from './stored-items';

/** Servers keep idempotency keys about a day; an older lock would no longer protect anything. */
export const LOCK_TTL_MS = 24 * 3600_000;

export interface SendTarget {
  companyId: number;
  vendorId: number;
  origin: string;
}

export interface SenderDeps {
  locks: CheckedItem<Record<string, SendLock>>;
  api: () => Promise<Result<ApiClient>>;
  /** Called with the created request before the lock is released, so it is tracked before anyone can send again. */
  onCreated: (target: SendTarget, request: ErpRequest) => Promise<void>;
  newKey?: () => string;
  now?: () => number;
}

/** Failures after which the request may or may not exist (a lost answer counts too): the lock and key stay. */
const UNKNOWN_OUTCOME = new Set(['network', 'timeout', 'server', 'rate_limited', 'malformed']);

export interface Sender {
  send(target: SendTarget): Promise<Result<ErpRequest>>;
  /** On worker start: finish every send a previous worker left in flight, with its own key. */
  resumePending(): Promise<void>;
}

export function createSender({
  locks,
  api,
  onCreated,
  newKey = () => crypto.randomUUID(),
  now = Date.now,
}: SenderDeps): Sender {
  // Calls for a vendor while its send runs in this worker join it: same promise, same outcome.
  const inFlight = new Map<string, Promise<Result<ErpRequest>>>();

  /** The vendor's lock: the one left by an earlier try when still fresh, else a new key, stored before returning. */
  const takeLock = async (target: SendTarget): Promise<SendLock> => {
    const key = vendorKey(target.companyId, target.vendorId);
    let lock!: SendLock;
    await locks.update((all) => {
      const held = all[key];
      lock =
        held && now() - Date.parse(held.startedAt) < LOCK_TTL_MS
          ? held
          : { idempotencyKey: newKey(), ...target, startedAt: new Date(now()).toISOString() };
      return { ...all, [key]: lock };
    });
    return lock;
  };

  const release = (key: string) =>
    locks.update((all) => {
      const { [key]: _gone, ...rest } = all;
      return rest;
    });

  const run = async (target: SendTarget, existing?: SendLock): Promise<Result<ErpRequest>> => {
    const key = vendorKey(target.companyId, target.vendorId);
    const client = await api();
    if (!client.ok) return client;
    const lock = existing ?? (await takeLock(target));
    try {
      const request = await client.value.createRequest(lock.companyId, lock.vendorId, lock.idempotencyKey);
      await onCreated({ companyId: lock.companyId, vendorId: lock.vendorId, origin: lock.origin }, request);
      await release(key);
      return ok(request);
    } catch (err) {
      const error = toUserError(err);
      if (!UNKNOWN_OUTCOME.has(error.kind)) await release(key);
      return fail(error);
    }
  };

  const once = (target: SendTarget, existing?: SendLock): Promise<Result<ErpRequest>> => {
    const key = vendorKey(target.companyId, target.vendorId);
    const joined = inFlight.get(key);
    if (joined) return joined;
    const started = run(target, existing).finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };

  return {
    send: (target) => once(target),
    async resumePending() {
      const pending = Object.values(await locks.get());
      const stale = pending.filter((lock) => now() - Date.parse(lock.startedAt) >= LOCK_TTL_MS);
      await Promise.all(stale.map((lock) => release(vendorKey(lock.companyId, lock.vendorId))));
      await Promise.all(pending.filter((lock) => !stale.includes(lock)).map((lock) => once(lock, lock)));
    },
  };
}
