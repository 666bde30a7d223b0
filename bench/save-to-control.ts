/**
 * Save button appearing → control appearing, on the sandbox's client-side navigations (timed in the page by
 * `page-timing.ts`): warm, the control already loaded in the tab (Directory → Edit → back, repeatedly); and first
 * entry, a new tab's first vendor edit page, reached from the Directory, which loads the control's script then.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../scripts/extension-browser';
import { directoryPath, SUMMIT } from '../scripts/sandbox-pages';
import { recordSaveToControl } from './page-timing';

type BenchWindow = Window & { __erpBench: number[] };
const measured = (page: Page) => page.evaluate(() => (window as unknown as BenchWindow).__erpBench);

async function directoryTab(ext: ExtensionBrowser, baseUrl: string): Promise<Page> {
  const page = await ext.context.newPage();
  // tsx (esbuild, keepNames) wraps inner functions in `__name(…)`; the page has no such helper, so give it one.
  await page.addInitScript({ content: `var __name = (fn) => fn; (${recordSaveToControl.toString()})();` });
  await page.goto(`${baseUrl}${directoryPath(SUMMIT)}`);
  await page.getByRole('link', { name: 'Edit' }).first().waitFor();
  return page;
}

const waitForResults = (page: Page, count: number) =>
  page.waitForFunction((n) => (window as unknown as BenchWindow).__erpBench.length >= n, count);

export async function warmSaveToControl(
  ext: ExtensionBrowser,
  baseUrl: string,
  navigations: number,
): Promise<number[]> {
  const page = await directoryTab(ext, baseUrl);
  const edits = page.getByRole('link', { name: 'Edit' });
  const vendorCount = await edits.count();
  // The first entry loads the control's script; it is timed by `firstEntrySaveToControl`, not here.
  await edits.first().click();
  await waitForResults(page, 1);
  for (let i = 0; i < navigations; i += 1) {
    await page.goBack();
    await edits.first().waitFor();
    await edits.nth(i % vendorCount).click();
    await waitForResults(page, i + 2);
  }
  const times = (await measured(page)).slice(1);
  await page.close();
  return times;
}

export async function firstEntrySaveToControl(ext: ExtensionBrowser, baseUrl: string, tabs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < tabs; i += 1) {
    const page = await directoryTab(ext, baseUrl);
    await page.getByRole('link', { name: 'Edit' }).first().click();
    await waitForResults(page, 1);
    times.push((await measured(page))[0]!);
    await page.close();
  }
  return times;
}
