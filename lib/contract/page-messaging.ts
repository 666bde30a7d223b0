/**
 * The page scripts' side of `messaging.ts` (the page control's and the Directory list's), speaking the same wire
 * format as `@webext-core/messaging` v4 (`{ id, type, data, timestamp }` answered by `{ res }` or `{ err }`) in a few
 * lines: the library and its error serializer would take a tenth of the content script's 15 kB budget.
 * `tests/unit/lib/contract/page-messaging.test.ts` checks it against the library itself.
 */
import { browser } from 'wxt/browser';
import type { ProtocolMap } from '@/lib/contract/messages';

type Type = keyof ProtocolMap;
type Data<T extends Type> = Parameters<ProtocolMap[T]>[0];
type Reply<T extends Type> = ReturnType<ProtocolMap[T]>;

let nextId = Math.floor(Math.random() * 10_000);

/** Ask the background; rejects when it cannot answer (worker gone, extension reloaded) or its handler threw. */
export async function ask<T extends Type>(type: T, data: Data<T>): Promise<Reply<T>> {
  const reply = (await browser.runtime.sendMessage({ id: nextId++, type, data, timestamp: Date.now() })) as
    { res?: Reply<T>; err?: unknown } | undefined;
  if (!reply || reply.err != null) throw new Error(`${type}: no answer`);
  return reply.res as Reply<T>;
}

/**
 * Handle one kind of message the background pushes to this tab; returns the function that stops listening. The
 * answer goes through `sendResponse`: this script uses the browser's own API (no polyfill), and Chrome's listeners
 * cannot answer by returning a promise.
 */
export function onPush<T extends Type>(type: T, handle: (data: Data<T>) => void): () => void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
    const m = message as { type?: unknown; timestamp?: unknown; data?: Data<T> } | null;
    if (m?.type !== type || typeof m.timestamp !== 'number' || m.data === undefined) return undefined;
    handle(m.data);
    sendResponse({ res: undefined });
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
