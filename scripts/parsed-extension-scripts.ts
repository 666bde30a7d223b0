/**
 * What a page really pays for the extension: every script of the extension that the page's renderer parsed (the
 * content script, and whatever it imported), read back through the DevTools Protocol and gzipped (-9). Counted from
 * what the browser parsed, not from the files, so a script loaded where it should not be is counted too.
 */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export interface ParsedScript {
  url: string;
  gzipBytes: number;
}

/**
 * Start recording before the page navigates; call the returned function to read what was parsed so far. `others`:
 * ids of other extensions loaded beside it, left out (the extension's own URLs may carry a per-session dynamic id,
 * so it is told from the others by theirs).
 */
export async function recordParsedExtensionScripts(
  page: Page,
  others: string[] = [],
): Promise<() => Promise<ParsedScript[]>> {
  const cdp = await page.context().newCDPSession(page);
  const parsed: { scriptId: string; url: string }[] = [];
  cdp.on('Debugger.scriptParsed', ({ scriptId, url }) => {
    if (url.startsWith('chrome-extension://') && !others.includes(new URL(url).host)) parsed.push({ scriptId, url });
  });
  await cdp.send('Debugger.enable');
  return () =>
    Promise.all(
      parsed.map(async ({ scriptId, url }) => {
        const { scriptSource } = await cdp.send('Debugger.getScriptSource', { scriptId });
        return { url, gzipBytes: gzipSync(scriptSource, { level: 9 }).length };
      }),
    );
}

export const totalGzipBytes = (scripts: ParsedScript[]): number =>
  scripts.reduce((sum, script) => sum + script.gzipBytes, 0);
