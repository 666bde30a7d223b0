/**
 * Opens a company's edit page, from the popup or a notification, reusing a tab that already shows it.
 * `tabs.query({ url })` and reading `tab.url` need no `tabs` permission on hosts the extension has host permission
 * for (Procore's, or the sandbox's).
 */
import { browser } from 'wxt/browser';

/** Match patterns carry no port (Firefox rejects one), so the pattern is loose and the exact page is checked after. */
function matchPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}${url.pathname}*`;
}

const samePage = (a: URL, b: URL): boolean =>
  a.origin === b.origin && a.pathname.replace(/\/$/, '') === b.pathname.replace(/\/$/, '');

export async function openEditPage(href: string): Promise<void> {
  const target = new URL(href);
  const tabs = await browser.tabs.query({ url: matchPattern(target) });
  const open = tabs.find((tab) => tab.id !== undefined && tab.url !== undefined && samePage(new URL(tab.url), target));
  if (open?.id === undefined) {
    await browser.tabs.create({ url: href });
    return;
  }
  await browser.tabs.update(open.id, { active: true });
  // Firefox for Android has tabs but no windows API.
  if (open.windowId !== undefined && browser.windows) await browser.windows.update(open.windowId, { focused: true });
}
