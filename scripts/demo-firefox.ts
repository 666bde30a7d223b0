/**
 * `npm run demo:firefox`: the extension in Firefox (Debian's firefox-esr, or FIREFOX_PATH) against the sandbox on
 * PORT (default 4100): the Firefox sandbox build, installed as a temporary add-on over WebDriver BiDi, on a company
 * ready to send, one whose name breaks the ERP's limit (with its "?" open) and a rejected one, each saved to
 * `demo-output/firefox-*.png`. With a display the window stays open for you to try it (Ctrl+C ends it).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { startSandbox } from '../sandbox/server';
import { buildExtension, ROOT } from './build-extension';
import { firefoxPath } from './find-firefox';
import { companyVendorPath, SUMMIT, VENDORS } from './sandbox-pages';

const OUTPUT = join(ROOT, 'demo-output');
const executablePath = firefoxPath();
const headed = Boolean(process.env.DISPLAY);
const sandbox = await startSandbox({ port: Number(process.env.PORT ?? 4100) });
console.log(`Sandbox: ${sandbox.url}. Building the Firefox sandbox add-on (.output/firefox-mv2)…`);
const addon = await buildExtension({
  mode: 'sandbox',
  browser: 'firefox',
  sandboxUrl: sandbox.url,
  pollSeconds: 3,
  outDir: '.output',
});
const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath,
  headless: !headed,
  defaultViewport: { width: 1100, height: 760 },
});
await browser.installExtension(addon);
await mkdir(OUTPUT, { recursive: true });

/** The control's own text, once the background has answered (its status line no longer says it is checking). */
const controlShown = (page: Page) =>
  page.waitForFunction(() => {
    const text = document.querySelector('erp-resend-control')?.shadowRoot?.textContent ?? '';
    return /Send to ERP|Re-send to ERP|Retrieve from ERP/.test(text) && !text.includes('Checking');
  });

async function shoot(vendorId: number, name: string, openHelp = false): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${sandbox.url}${companyVendorPath(SUMMIT, vendorId)}`);
  await controlShown(page);
  if (openHelp) {
    await page.evaluate(() =>
      (
        document
          .querySelector('erp-resend-control')
          ?.shadowRoot?.querySelector('button[aria-label]') as HTMLElement | null
      )?.focus(),
    );
  }
  await page.screenshot({ path: join(OUTPUT, `${name}.png`) });
  console.log(`  • demo-output/${name}.png`);
  return page;
}

try {
  await shoot(VENDORS.acme.id, 'firefox-01-ready');
  await shoot(VENDORS.longName.id, 'firefox-02-reason-name-too-long', true);
  const last = await shoot(VENDORS.ridge.id, 'firefox-03-rejected');
  if (headed) {
    await last.goto(`${sandbox.url}${companyVendorPath(SUMMIT, VENDORS.beacon.id)}`);
    console.log('Firefox stays open on a company ready to send. Press Ctrl+C to end the demo.');
    await new Promise<void>((done) => process.once('SIGINT', () => done()));
  }
} finally {
  await browser.close();
  await sandbox.close();
}
