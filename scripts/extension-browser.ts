/**
 * Chromium (found by `find-chromium.ts`) with the unpacked extension loaded, driven by playwright-core. Shared by the e2e tests, the demo
 * and the bench, so all three see the extension the same way.
 */
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumPath } from './find-chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The background service worker as it runs now (a new one after `stopServiceWorker` and a wake-up). */
  serviceWorker(): Promise<Worker>;
  /** Stops the service workers, as Chrome does to idle workers, and resolves once every one has stopped. */
  stopServiceWorker(): Promise<void>;
  extensionUrl(path: string): string;
  /** A new tab showing the popup (the same document the toolbar button opens). */
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /** The browser's DevTools WebSocket address, when launched with `devtools` (the soak watches every target there). */
  devtoolsEndpoint(): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Show the window (demo with a display); headless otherwise. */
  headed?: boolean;
  viewport?: { width: number; height: number };
  /** Browser UI language, which `browser.i18n` follows (e.g. 'es'); English by default. */
  lang?: string;
  /** Other unpacked extensions to load beside it (the bench's empty extension). */
  alsoLoad?: string[];
  /**
   * A profile folder that outlives `close()`, so that a test can open the same browser again (its storage, its
   * pending sends); a new temporary one by default, removed on close.
   */
  profileDir?: string;
  /**
   * Also open a DevTools port (any free one) beside Playwright's pipe, for a client that needs the browser's own
   * session: Playwright gives sessions of pages only.
   */
  devtools?: boolean;
}

/** Extension loading needs Chromium's new headless mode; the flags keep the browser quiet and offline. */
function chromiumArgs(extensionDirs: string[], headed: boolean, lang: string): string[] {
  const extensionDir = extensionDirs.join(',');
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

  /**
   * Stops it (and any other extension's) as Chrome does after 30 s idle, through the DevTools Protocol, and waits
   * until every worker has stopped. Enabling the domain reports every worker version there is; each change follows.
   */
  const stopServiceWorker = async (): Promise<void> => {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    try {
      const running = new Map<string, boolean>();
      let allStopped = () => undefined as void;
      const stopped = new Promise<void>((done) => (allStopped = done));
      const check = () => {
        if ([...running.values()].every((isRunning) => !isRunning)) allStopped();
      };
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        for (const v of versions) running.set(v.versionId, v.runningStatus !== 'stopped');
        check();
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      check();
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
  const kept = options.profileDir;
  const profileDir = kept ?? (await mkdtemp(join(tmpdir(), 'erp-resend-profile-')));
  if (kept) await mkdir(kept, { recursive: true });
  // Only a first run installs the extension, and only an install opens the options page.
  const firstRun = !kept || (await readdir(kept)).length === 0;
  const headed = options.headed ?? false;
  const lang = options.lang ?? 'en-US';
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: !headed,
    args: [
      ...chromiumArgs([extensionDir, ...(options.alsoLoad ?? [])], headed, lang),
      ...(options.devtools ? ['--remote-debugging-port=0'] : []),
    ],
    locale: lang,
    env: { ...process.env, LANGUAGE: lang.replace('-', '_') },
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  const close = async () => {
    await context.close();
    if (!kept) await rm(profileDir, { recursive: true, force: true });
  };
  try {
    const extensionId = new URL((await backgroundWorker(context)).url()).host;
    const extensionUrl = (path: string): string => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
    // A browser closed abruptly soon after its first run may not have saved the install: it installs again and opens
    // its options page. A kept profile gives that tab a moment to show, so that it takes no test's tab either.
    if (firstRun) await welcomed(context, extensionUrl('options.html'), 15_000);
    else await welcomed(context, extensionUrl('options.html'), 2_000).catch(() => undefined);
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
      devtoolsEndpoint: async () => {
        if (!options.devtools) throw new Error('launched without devtools: true');
        // Chrome writes the port it took and the browser's path there, one per line.
        const [port, path] = (await readFile(join(profileDir, 'DevToolsActivePort'), 'utf8')).split('\n');
        return `ws://127.0.0.1:${port}${path}`;
      },
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
async function welcomed(context: BrowserContext, optionsUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!context.pages().some((page) => page.url() === optionsUrl)) {
    if (Date.now() > deadline) throw new Error('The extension did not open its options page on install');
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** ERP Resend's worker (WXT names it `background.js`), among those of every extension loaded. */
async function backgroundWorker(context: BrowserContext): Promise<Worker> {
  const isOurs = (worker: Worker) => worker.url().endsWith('/background.js');
  return (
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 }))
  );
}

/** A stopped worker's handle never answers; a short race tells a live one from a dead one. */
async function isAlive(worker: Worker): Promise<boolean> {
  const answer = worker.evaluate(() => true).catch(() => false);
  const timeout = new Promise<boolean>((done) => setTimeout(() => done(false), 1_000));
  return Promise.race([answer, timeout]);
}
