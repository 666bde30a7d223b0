/**
 * The service worker's cold start: Chrome stops an idle worker after 30 s, so most answers start with a wake-up.
 * Each round stops every worker (DevTools Protocol `ServiceWorker.stopAllWorkers`), then times, from inside the
 * sender, one message to its answer: a vendor edit page's `getVendor` (sent from the content script's world) and the
 * popup's `getQueue` (from an extension page, as the popup sends it: the requests it reads itself left out), and the
 * same from an empty extension loaded beside ERP Resend whose worker answers one message and does nothing else: the
 * floor. The popup's whole list with the worker stopped, its own read included, is timed in the popup (`popup.ts`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../scripts/extension-browser';

/** The empty extension: a worker that answers any message, a content script (so it has a world in the page), a page. */
const EMPTY_FILES = (sandboxUrl: string): Record<string, string> => ({
  'manifest.json': JSON.stringify({
    manifest_version: 3,
    name: 'Empty worker',
    version: '1.0',
    background: { service_worker: 'empty-worker.js' },
    content_scripts: [{ matches: [`${sandboxUrl}/*`], js: ['noop.js'] }],
  }),
  'empty-worker.js': 'chrome.runtime.onMessage.addListener((message, sender, respond) => { respond({ res: null }); });',
  'noop.js': '',
  'page.html': '<!doctype html><title>empty</title>',
});

export async function writeEmptyExtension(dir: string, sandboxUrl: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const [name, body] of Object.entries(EMPTY_FILES(sandboxUrl))) await writeFile(join(dir, name), body);
  return dir;
}

/** Sends one message the way the extension's own code does and resolves with the milliseconds to its answer. */
const TIMED_SEND = (message: object) => `(async () => {
  const started = performance.now();
  const answer = await chrome.runtime.sendMessage(${JSON.stringify(message)});
  if (answer == null) throw new Error('no answer');
  return performance.now() - started;
})()`;

/** The page's isolated worlds, by the extension that owns each (its `chrome-extension://` origin's host). */
async function isolatedWorlds(page: Page): Promise<{ cdp: CDPSession; worldOf: (extensionId: string) => number }> {
  const cdp = await page.context().newCDPSession(page);
  const worlds = new Map<string, number>();
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string } | undefined;
    if (aux?.type === 'isolated' && context.origin.startsWith('chrome-extension://')) {
      worlds.set(new URL(context.origin).host, context.id);
    }
  });
  await cdp.send('Runtime.enable');
  return {
    cdp,
    worldOf: (extensionId) => {
      const id = worlds.get(extensionId);
      if (id === undefined) throw new Error(`no content script world of ${extensionId} in the page`);
      return id;
    },
  };
}

async function timeIn(cdp: CDPSession, contextId: number | undefined, message: object): Promise<number> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: TIMED_SEND(message),
    awaitPromise: true,
    returnByValue: true,
    ...(contextId === undefined ? {} : { contextId }),
  });
  if (exceptionDetails) throw new Error(`the timed message failed: ${exceptionDetails.text}`);
  return result.value as number;
}

export interface ColdStarts {
  getVendor: number[];
  getQueue: number[];
  emptyFromPage: number[];
  emptyFromExtensionPage: number[];
}

/**
 * `rounds` wake-ups of each kind, interleaved so that both workers meet the same machine. `vendorPage` is a vendor
 * edit page of the sandbox whose control has loaded; `page` is what its content script sends for it.
 */
export async function coldStarts(
  ext: ExtensionBrowser,
  emptyExtensionId: string,
  vendorUrl: string,
  page: object,
  rounds: number,
): Promise<ColdStarts> {
  const tab = await ext.context.newPage();
  const { cdp, worldOf } = await isolatedWorlds(tab);
  await tab.goto(vendorUrl);
  await tab.getByRole('button', { name: /^Save$/ }).waitFor();
  const ours = await ext.context.newPage();
  await ours.goto(ext.extensionUrl('bench-blank.html'));
  const oursCdp = await ext.context.newCDPSession(ours);
  const empty = await ext.context.newPage();
  await empty.goto(`chrome-extension://${emptyExtensionId}/page.html`);
  const emptyCdp = await ext.context.newCDPSession(empty);

  const message = (type: string, data: object) => ({ id: 1, type, data, timestamp: Date.now() });
  const result: ColdStarts = { getVendor: [], getQueue: [], emptyFromPage: [], emptyFromExtensionPage: [] };
  const woken = async (series: number[], time: () => Promise<number>) => {
    await ext.stopServiceWorker();
    series.push(await time());
  };
  for (let round = 0; round < rounds; round += 1) {
    await woken(result.getVendor, () =>
      timeIn(cdp, worldOf(ext.extensionId), message('getVendor', { page, refresh: false })),
    );
    await woken(result.emptyFromPage, () => timeIn(cdp, worldOf(emptyExtensionId), message('ping', {})));
    await woken(result.getQueue, () =>
      timeIn(oursCdp, undefined, message('getQueue', { refresh: false, requests: false })),
    );
    await woken(result.emptyFromExtensionPage, () => timeIn(emptyCdp, undefined, message('ping', {})));
  }
  await Promise.all([tab.close(), ours.close(), empty.close()]);
  return result;
}
