/**
 * Chromium (found by `find-chromium.ts`) with the unpacked extension loaded, driven by playwright-core. Shared by the e2e tests, the demo
 * and the bench, so all three see the extension the same way.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumPath } from './find-chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The background service worker as it runs now (a new one after `stopServiceWorker` and a wake-up). */
  serviceWorker(): Promise<Worker>;
  /** Stops the extension's service worker, as Chrome does to idle workers, and resolves once it has stopped. */
  stopServiceWorker(): Promise<void>;
  extensionUrl(path: string): string;
  /** A new tab showing the popup (the same document the toolbar button opens). */
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Show the window (demo with a display); headless otherwise. */
  headed?: boolean;
  viewport?: { width: number; height: number };
  /** Browser UI language, which `browser.i18n` follows (e.g. 'es'); English by default. */
  lang?: string;
}

/** Extension loading needs Chromium's new headless mode; the flags keep the browser quiet and offline. */
function chromiumArgs(extensionDir: string, headed: boolean, lang: string): string[] {
  return [
    ...(headed ? [] : ['--headless=new']),
    `--lang=${lang}`,
    '--no-sandbox',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/** The extension's service worker: the live one, started again by opening an extension page when it was stopped. */
function workerControl(context: BrowserContext, extensionId: string, extensionUrl: (path: string) => string) {
  const ours = `chrome-extension://${extensionId}/`;
  const liveWorker = async (): Promise<Worker | null> => {
    const workers = context.serviceWorkers().filter((worker) => worker.url().startsWith(ours));
    for (const worker of workers.reverse()) if (await isAlive(worker)) return worker;
    return null;
  };

  const serviceWorker = async (): Promise<Worker> => {
    const running = await liveWorker();
    if (running) return running;
    // Stopped: an extension page's first message starts it again. Playwright does not always announce a restarted
    // worker with a 'serviceworker' event, so look for a live one until it shows up.
    const page = await context.newPage();
    try {
      await page.goto(extensionUrl('popup.html'));
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const worker = await liveWorker();
        if (worker) return worker;
        await page.waitForTimeout(100);
      }
      throw new Error('The extension service worker did not start again');
    } finally {
      await page.close();
    }
  };

  /** Stops it as Chrome does after 30 s idle, through the DevTools Protocol, and waits until it has stopped. */
  const stopServiceWorker = async (): Promise<void> => {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    try {
      await cdp.send('ServiceWorker.enable');
      const stopped = new Promise<void>((done) => {
        cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
          const versionsOfOurs = versions.filter((v) => v.scriptURL.startsWith(ours));
          if (versionsOfOurs.length > 0 && versionsOfOurs.every((v) => v.runningStatus === 'stopped')) done();
        });
      });
      await cdp.send('ServiceWorker.stopAllWorkers');
      await stopped;
    } finally {
      await cdp.detach();
    }
  };

  return { serviceWorker, stopServiceWorker };
}

export async function launchExtensionBrowser(
  extensionDir: string,
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  const profileDir = await mkdtemp(join(tmpdir(), 'erp-resend-profile-'));
  const headed = options.headed ?? false;
  const lang = options.lang ?? 'en-US';
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: !headed,
    args: chromiumArgs(extensionDir, headed, lang),
    locale: lang,
    env: { ...process.env, LANGUAGE: lang.replace('-', '_') },
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  const close = async () => {
    await context.close();
    await rm(profileDir, { recursive: true, force: true });
  };
  try {
    const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(first.url()).host;
    const extensionUrl = (path: string): string => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
    await welcomed(context, extensionUrl('options.html'));
    const openPage = async (path: string): Promise<Page> => {
      const page = await context.newPage();
      await page.goto(extensionUrl(path));
      return page;
    };
    return {
      context,
      extensionId,
      ...workerControl(context, extensionId, extensionUrl),
      extensionUrl,
      openPopup: () => openPage('popup.html'),
      openOptions: () => openPage('options.html'),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * A fresh profile is a first install: the extension opens its options page. Waiting for that tab first means no test,
 * demo step or bench run has its own tab taken over by it (Chrome opens it in whatever new tab comes next).
 */
async function welcomed(context: BrowserContext, optionsUrl: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!context.pages().some((page) => page.url() === optionsUrl)) {
    if (Date.now() > deadline) throw new Error('The extension did not open its options page on install');
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** A stopped worker's handle never answers; a short race tells a live one from a dead one. */
async function isAlive(worker: Worker): Promise<boolean> {
  const answer = worker.evaluate(() => true).catch(() => false);
  const timeout = new Promise<boolean>((done) => setTimeout(() => done(false), 1_000));
  return Promise.race([answer, timeout]);
}
