/**
 * The Firefox fixtures: every test gets a freshly seeded sandbox and a fresh Firefox profile (Debian's firefox-esr,
 * driven by puppeteer-core over WebDriver BiDi) with the sandbox add-on installed. Elements are found by role and
 * accessible name (Puppeteer's ARIA queries reach into the control's open shadow root), as in the Chromium suite.
 */
import puppeteer, { type Browser, type ElementHandle, type JSHandle, type Page } from 'puppeteer-core';
import { expect, inject, test as base } from 'vitest';
import { firefoxPath } from '../../scripts/find-firefox';
import type { SandboxControl } from '../../scripts/sandbox-control';
import { sandboxFixture } from '../shared/sandbox-fixture';

/** The add-on's moz-extension:// address, fixed through a preference so the tests can open its pages. */
const UUID = '4d9f1c3e-7b2a-4e51-9c8d-2f6a0b1e3c57';
const ADDON_ID = 'erp-resend@example.com';

export const sandboxUrl = (): string => inject('firefoxSandboxUrl');
export const eventually = <T>(read: () => T | Promise<T>, timeout = 20_000) =>
  expect.poll(read, { timeout, interval: 100 });

export interface Firefox {
  browser: Browser;
  /** A sandbox path in a new tab, loaded. */
  open(path: string): Promise<Page>;
  /** The add-on's popup or options page, in a tab of its own. */
  openExtensionPage(file: 'popup.html' | 'options.html'): Promise<Page>;
}

interface FirefoxFixtures {
  sandbox: SandboxControl;
  firefox: Firefox;
}

/** A fresh Firefox with the add-on installed temporarily; a start that does not finish in time is tried once more. */
async function launchWithAddon(attempt = 1): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    timeout: 30_000,
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }) },
  });
  try {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new Error('the add-on did not install in 20 s')), 20_000);
    });
    await Promise.race([browser.installExtension(inject('firefoxExtensionDir')), late]).finally(() =>
      clearTimeout(timer),
    );
    return browser;
  } catch (error) {
    await browser.close();
    if (attempt > 1) throw error;
    return launchWithAddon(attempt + 1);
  }
}

export const test = base.extend<FirefoxFixtures>({
  sandbox: sandboxFixture(sandboxUrl),
  firefox: async ({ sandbox: _ }, use) => {
    const browser = await launchWithAddon();
    try {
      // A window per page: once the add-on has shown a notification, headless Firefox 140.12's latest window is the
      // notification's, which has no tabs, and a new tab fails there.
      const open = async (path: string) => {
        const page = await browser.newPage({ type: 'window' });
        await page.goto(`${sandboxUrl()}${path}`);
        return page;
      };
      // WebDriver may not navigate to an extension page; a sandbox page may (the sandbox build lists them as
      // web-accessible), and what loads is the extension's own page, with its APIs.
      const openExtensionPage = async (file: 'popup.html' | 'options.html') => {
        const page = await open('/');
        const url = `moz-extension://${UUID}/${file}`;
        await page.evaluate((to) => void (location.href = to), url);
        await waitIn(page, (to: string) => location.href === to && document.readyState === 'complete', url);
        return page;
      };
      await use({ browser, open, openExtensionPage });
    } finally {
      await browser.close();
    }
  },
});

/**
 * In the page: the elements with this role (its `role` attribute, or a button's, link's, list item's own) and this
 * accessible name (`aria-label`, else its text), in the document and every open shadow root; the first one, or the
 * text of them all. Puppeteer's ARIA queries do not reach into shadow roots over WebDriver BiDi, so the tests look the
 * way a screen reader's tree would. Self-contained: it runs in the page (extension pages forbid `eval`).
 */
function queryRole(role: string, name: string | null, want: 'first' | 'text'): Element | string | null {
  const implicit: Record<string, string> = { BUTTON: 'button', A: 'link', LI: 'listitem', H2: 'heading' };
  const found: Element[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const element of Array.from(root.querySelectorAll('*'))) {
      const elementRole = element.getAttribute('role') ?? implicit[element.tagName] ?? '';
      const elementName = (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
      // Out of sight (`display: none` on it or above, as Procore's own ERP control while the extension stands in for
      // it) is out of a screen reader's tree too.
      const shown = element.getClientRects().length > 0;
      if (shown && elementRole === role && (name === null || elementName === name)) found.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  if (want === 'text') return found.map((element) => (element as HTMLElement).innerText).join('\n');
  return found[0] ?? null;
}

/**
 * Runs `find` in the page every 100 ms until it returns something, and hands that back. Firefox 140.12 refuses
 * Puppeteer's `waitForFunction` on extension pages (it compiles the predicate with `Function()`, which their CSP
 * forbids); `evaluateHandle` calls the function as it is. A page in the middle of navigating is asked again.
 */
async function waitIn<A extends unknown[], R>(page: Page, find: (...args: A) => R, ...args: A): Promise<JSHandle<R>> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const handle: JSHandle<unknown> | null = await page
      .evaluateHandle(find as (...values: unknown[]) => unknown, ...(args as unknown[]))
      .catch(() => null);
    if (handle && (await handle.evaluate((value: unknown) => Boolean(value)).catch(() => false)))
      return handle as JSHandle<R>;
    await handle?.dispose();
    if (Date.now() > deadline) throw new Error(`nothing found in ${page.url()} in 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The first element with this role and name, once it is there. */
export async function byRole(page: Page, role: string, name: string | null = null): Promise<ElementHandle<Element>> {
  return (await waitIn(page, queryRole, role, name, 'first' as const)) as unknown as ElementHandle<Element>;
}

/** The text of every element with this role (e.g. the control's status line), joined; '' while there is none. */
export const textOfRole = async (page: Page, role: string): Promise<string> =>
  (await page.evaluate(queryRole, role, null, 'text' as const)) as string;

/** Clicks a button once it takes clicks: a button that just changed its action ignores them for a moment. */
export async function clickWhenReady(page: Page, button: ElementHandle<Element>): Promise<void> {
  await waitIn(page, (element: Element) => element.getAttribute('aria-disabled') !== 'true', button as never);
  await button.click();
}

/** The form field a label names (the sandbox's form labels each field with `for`). */
export async function fieldByLabel(page: Page, label: string): Promise<ElementHandle<Element>> {
  const handle = await waitIn(
    page,
    (text: string) => {
      const found = Array.from(document.querySelectorAll('label')).find(
        (l) => l.textContent?.replace(/\s*\*$/, '').trim() === text,
      );
      return found?.htmlFor ? document.getElementById(found.htmlFor) : null;
    },
    label,
  );
  return handle as unknown as ElementHandle<Element>;
}
