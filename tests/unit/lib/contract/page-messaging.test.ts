/**
 * The content script's small messaging client must speak exactly what `@webext-core/messaging` (used by the
 * background) speaks: these tests connect the two through a stand-in for Chrome's message passing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ask, onPush } from '@/lib/contract/page-messaging';
import { ok } from '@/lib/contract/errors';
import { onMessage, sendMessage } from '@/lib/contract/messaging';
import { view } from '../../entrypoints/erp-control/fixtures';

type Listener = (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => boolean | void;

/** WXT's fake `onMessage` passes every argument on to the listeners, `sendResponse` included. */
const deliverToTab = (...args: [unknown, unknown, (answer: unknown) => void]) =>
  (fakeBrowser.runtime.onMessage.trigger as (...a: unknown[]) => Promise<unknown[]>)(...args);

/** Chrome's runtime messaging between the background (the library, on `chrome`) and a tab (ours). */
function connect() {
  const backgroundListeners: Listener[] = [];
  const sender = { tab: { id: 7 }, url: 'https://app.procore.com/8001/company/directory/vendors/101/edit' };
  vi.stubGlobal('chrome', {
    runtime: {
      onMessage: {
        addListener: (l: Listener) => backgroundListeners.push(l),
        removeListener: (l: Listener) => backgroundListeners.splice(backgroundListeners.indexOf(l), 1),
      },
      lastError: undefined,
    },
    tabs: {
      // As Chrome does: the first `sendResponse` call answers; a listener's returned promise is not an answer.
      sendMessage: (_tabId: number, message: unknown, _options: unknown, respond: (r: unknown) => void) => {
        let answered = false;
        const sendResponse = (answer: unknown) => {
          if (!answered) respond(answer);
          answered = true;
        };
        void deliverToTab(message, {}, sendResponse).then(() => sendResponse(undefined));
      },
    },
  });
  fakeBrowser.runtime.sendMessage = ((message: unknown) =>
    new Promise<unknown>((resolve) => {
      for (const listener of backgroundListeners) if (listener(message, sender, resolve) === true) return;
      resolve(undefined);
    })) as typeof fakeBrowser.runtime.sendMessage;
}

describe('the content script messaging client', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    connect();
  });
  afterEach(() => vi.unstubAllGlobals());

  it("gets the background handler's answer", async () => {
    const stop = onMessage('getVendor', ({ data }) => ok(view({ vendorId: data.page.vendorId })));
    const answer = await ask('getVendor', {
      page: { level: 'company', companyId: 8001, vendorId: 101 },
      refresh: false,
    });
    expect(answer).toEqual(ok(view({ vendorId: 101 })));
    stop();
  });

  it('rejects when the background handler throws', async () => {
    const stop = onMessage('watch', () => {
      throw new Error('boom');
    });
    await expect(ask('watch', { companyId: 8001, vendorId: 101 })).rejects.toThrow();
    stop();
  });

  it('rejects when nothing answers', async () =>
    expect(ask('watch', { companyId: 8001, vendorId: 101 })).rejects.toThrow());

  it("receives the background's pushes to this tab, and stops when asked", async () => {
    const pushed = vi.fn();
    const stop = onPush('vendorChanged', pushed);
    await sendMessage('vendorChanged', { companyId: 8001, vendorId: 101 }, 7);
    expect(pushed).toHaveBeenCalledWith({ companyId: 8001, vendorId: 101 });
    stop();
    await expect(sendMessage('vendorChanged', { companyId: 8001, vendorId: 102 }, 7)).rejects.toThrow();
    expect(pushed).toHaveBeenCalledTimes(1);
  });

  it('ignores other messages', async () => {
    const pushed = vi.fn();
    const stop = onPush('vendorChanged', pushed);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'somethingElse', data: {}, timestamp: 1 }, {});
    await fakeBrowser.runtime.onMessage.trigger({ type: 'vendorChanged', data: {} }, {});
    expect(pushed).not.toHaveBeenCalled();
    stop();
  });
});
