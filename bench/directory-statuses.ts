/**
 * The Directory list's statuses: milliseconds from the list's rows being drawn to every company that has a request
 * showing its tag, timed in the page (a MutationObserver registered before the app's, so it sees the rows drawn and
 * then the tags the content script adds). On Timberline Partners' list (`sandbox/seed.ts`), with 10,000 tracked
 * requests: a first visit with the worker stopped (the statuses asked of the API), a visit with the worker running,
 * and a page turn to a page not seen yet and back to one seen.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../scripts/extension-browser';
import { directoryPath, TIMBERLINE } from '../scripts/sandbox-pages';

type BenchWindow = Window & { __erpRowsToTags: number[]; __erpExpected: number };

/** Plain browser JavaScript, passed to the page as text: records each draw's rows → tags time. */
export function recordRowsToTags(expected: number): void {
  const win = window as unknown as BenchWindow;
  win.__erpRowsToTags = [];
  win.__erpExpected = expected;
  let drawnAt = 0;
  let firstRow: Element | null = null;
  new MutationObserver(() => {
    const now = performance.now();
    const body = document.querySelector('tbody');
    // A draw makes new rows: a first row not seen before.
    const first = body?.firstElementChild ?? null;
    if (first && first !== firstRow) {
      firstRow = first;
      drawnAt = now;
    }
    if (drawnAt && body && body.querySelectorAll('erp-resend-status').length >= win.__erpExpected) {
      win.__erpRowsToTags.push(now - drawnAt);
      drawnAt = 0;
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Page 1's companies with a request (Aspen Abatement, Granite Masonry); page 2's (Hawk, Quartz, Redwood). */
const PAGE_ONE_TAGS = 2;
const PAGE_TWO_TAGS = 3;

const results = (page: Page) => page.evaluate(() => (window as unknown as BenchWindow).__erpRowsToTags);

async function untilMeasured(page: Page, count: number): Promise<number[]> {
  await page.waitForFunction((n) => (window as unknown as BenchWindow).__erpRowsToTags.length >= n, count, {
    timeout: 15_000,
  });
  return results(page);
}

async function openList(ext: ExtensionBrowser, baseUrl: string): Promise<Page> {
  const page = await ext.context.newPage();
  // tsx (esbuild, keepNames) wraps inner functions in `__name(…)`; the page has no such helper, so give it one.
  await page.addInitScript({
    content: `var __name = (fn) => fn; (${recordRowsToTags.toString()})(${PAGE_ONE_TAGS});`,
  });
  await page.goto(`${baseUrl}${directoryPath(TIMBERLINE)}`);
  return page;
}

export interface DirectoryTimings {
  /** The worker stopped before each visit: woken, then the statuses asked of the API. */
  coldVisit: number[];
  warmVisit: number[];
  /** To a page of the list not seen yet, the worker running. */
  unseenPage: number;
  /** Back to a page seen: from what the page knows, in the render itself. */
  seenPage: number[];
}

export async function directoryStatusTimings(
  ext: ExtensionBrowser,
  baseUrl: string,
  runs: number,
): Promise<DirectoryTimings> {
  const visit = async () => {
    const page = await openList(ext, baseUrl);
    const [time] = await untilMeasured(page, 1);
    await page.close();
    return time!;
  };
  const coldVisit: number[] = [];
  for (let i = 0; i < runs / 2; i += 1) {
    await ext.stopServiceWorker();
    coldVisit.push(await visit());
  }
  const warmVisit: number[] = [];
  for (let i = 0; i < runs; i += 1) warmVisit.push(await visit());

  const page = await openList(ext, baseUrl);
  await untilMeasured(page, 1);
  await page.evaluate((n) => ((window as unknown as BenchWindow).__erpExpected = n), PAGE_TWO_TAGS);
  await page.getByRole('button', { name: 'Next' }).click();
  const unseenPage = (await untilMeasured(page, 2))[1]!;
  const seenPage: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const expected = i % 2 === 0 ? PAGE_ONE_TAGS : PAGE_TWO_TAGS;
    await page.evaluate((n) => ((window as unknown as BenchWindow).__erpExpected = n), expected);
    await page.getByRole('button', { name: i % 2 === 0 ? 'Previous' : 'Next' }).click();
    seenPage.push((await untilMeasured(page, 3 + i))[2 + i]!);
  }
  await page.close();
  return { coldVisit, warmVisit, unseenPage, seenPage };
}
