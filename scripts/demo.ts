/**
 * `npm run demo`: the whole workflow on this machine. Starts the sandbox on PORT (default 4100), builds the sandbox
 * extension for it, opens Chromium with the extension on a vendor edit page, and walks through every state, saving a
 * screenshot of each to `demo-output/`. With a display (DISPLAY set) the window stays open afterwards for you to try
 * it (Ctrl+C ends the demo); without one it runs headless and exits when the screenshots are saved.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startSandbox } from '../sandbox/server';
import { buildExtension, ROOT } from './build-extension';
import { launchExtensionBrowser, type ExtensionBrowser } from './extension-browser';
import { chromiumPath } from './find-chromium';
import {
  acceptOnApproverPage,
  approverPath,
  CASCADE,
  companyVendorPath,
  directoryPath,
  erpControl,
  HARBOR,
  procoreControl,
  rejectOnApproverPage,
  SUMMIT,
  TIMBERLINE,
  VENDORS,
} from './sandbox-pages';

const OUTPUT = join(ROOT, 'demo-output');
const port = Number(process.env.PORT ?? 4100);
const headed = Boolean(process.env.DISPLAY);
/** Status changes show up within seconds instead of the production minute. */
const POLL_SECONDS = 3;
const WAIT_MS = 30_000;

const step = (text: string) => console.log(`  • ${text}`);

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(OUTPUT, `${name}.png`) });
  step(`demo-output/${name}.png`);
}

async function statusSays(page: Page, text: string): Promise<void> {
  await erpControl(page).status.filter({ hasText: text }).waitFor();
}

/** A vendor page with its "?" tooltip open, to show why sending is unavailable. */
async function reasonShot(page: Page, path: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  const control = erpControl(page);
  await control.help.hover();
  await control.tooltip.waitFor({ state: 'visible' });
  await shoot(page, name);
}

let baseUrl = '';

/** Procore's page as it is without the extension: its own ERP control, grayed, with only its generic "?". */
async function procoreOwnShot(path: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}${path}`);
    await procoreControl(page).button.waitFor();
    await page.getByRole('button', { name: '?', exact: true }).hover();
    await shoot(page, '00-procore-own-control');
  } finally {
    await browser.close();
  }
}

/** A team's company: the Directory list's statuses, then a bulk re-send of its queue from the popup. */
async function teamQueue(ext: ExtensionBrowser, page: Page): Promise<void> {
  await page.goto(`${baseUrl}${directoryPath(TIMBERLINE)}`);
  const granite = page.getByRole('row').filter({ hasText: VENDORS.granite.name }).locator('erp-resend-status .tag');
  await granite.hover();
  await page.getByRole('tooltip').waitFor();
  await shoot(page, '15-directory-statuses');

  const popup = await ext.openPopup();
  await popup.setViewportSize({ width: 400, height: 700 });
  // Summit's Ridge Roofing and Timberline's four, two admins' (Jordan Lee's three), once the company is polled.
  await popup.getByRole('heading', { name: 'Needs your attention (5)' }).waitFor();
  await popup.getByRole('button', { name: 'Re-send all that pass the rules' }).click();
  await popup.getByRole('heading', { name: /^Re-send \d+ of the \d+ checked\?$/ }).waitFor();
  await shoot(popup, '16-bulk-resend-plan');
  await popup.getByRole('button', { name: /^Re-send \d+$/ }).click();
  await popup.getByRole('heading', { name: /^Re-send finished/ }).waitFor();
  await shoot(popup, '17-bulk-resend-summary');
  await popup.close();
}

async function walkThrough(ext: ExtensionBrowser, page: Page): Promise<void> {
  const { acme } = VENDORS;
  const acmePath = companyVendorPath(SUMMIT, acme.id);

  await procoreOwnShot(companyVendorPath(SUMMIT, VENDORS.longName.id));
  await page.goto(`${baseUrl}${acmePath}`);
  await erpControl(page).send.waitFor();
  await shoot(page, '01-ready');

  await reasonShot(page, companyVendorPath(SUMMIT, VENDORS.longName.id), '02-reason-name-too-long');
  await reasonShot(page, companyVendorPath(SUMMIT, VENDORS.blankAddress.id), '03-reason-required-field-empty');
  await reasonShot(page, companyVendorPath(SUMMIT, VENDORS.dormant.id), '04-reason-inactive');
  await reasonShot(page, companyVendorPath(HARBOR, VENDORS.harborElectric.id), '05-reason-erp-not-synced');
  await reasonShot(page, companyVendorPath(CASCADE, VENDORS.crestline.id), '14-integration-rules-and-warning');

  await page.goto(`${baseUrl}${acmePath}`);
  await erpControl(page).send.click();
  await statusSays(page, 'Waiting for approval');
  await shoot(page, '06-waiting-for-approval');

  const approver = await ext.context.newPage();
  await approver.goto(`${baseUrl}${approverPath(SUMMIT)}`);
  await approver.getByRole('row').filter({ hasText: acme.name }).waitFor();
  await shoot(approver, '07-approver-page');
  await rejectOnApproverPage(approver, acme.name, 'Tax ID missing on the W-9: attach it and re-send');
  await page.bringToFront();
  await statusSays(page, 'Rejected');
  await shoot(page, '08-rejected');

  await erpControl(page).resend.click();
  await statusSays(page, 'Waiting for approval');
  await approver.reload();
  await acceptOnApproverPage(approver, acme.name, 'V-2001');
  await page.bringToFront();
  await statusSays(page, 'Synced to ERP');
  await shoot(page, '09-synced');

  await page.goto(`${baseUrl}${companyVendorPath(SUMMIT, VENDORS.ridge.id)}`);
  await statusSays(page, 'Rejected');
  await page.getByText(/^History\b/).click();
  await shoot(page, '10-rejected-with-history');

  const popup = await ext.openPopup();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.getByRole('listitem').first().waitFor();
  // The picture shows what Re-send can do once the saved record is checked, not the check in progress.
  await popup.getByText('Checking the export rules…').first().waitFor({ state: 'detached' });
  await shoot(popup, '11-popup');
  await popup.close();
  await teamQueue(ext, page);

  const options = await ext.openOptions();
  await options.setViewportSize({ width: 800, height: 700 });
  await options.getByRole('button', { name: 'Test connection' }).click();
  await options.getByText(/Connected as/).waitFor();
  await shoot(options, '12-options');
  await options.close();
  await approver.close();

  // Leave the window on a company that is ready to send, for whoever watches to try.
  await page.goto(`${baseUrl}${companyVendorPath(SUMMIT, VENDORS.beacon.id)}`);
  await erpControl(page).send.waitFor();
}

async function main(): Promise<void> {
  console.log(`Starting the sandbox on port ${port}…`);
  const sandbox = await startSandbox({ port });
  baseUrl = sandbox.url;
  console.log(`Sandbox: ${baseUrl} (approver page: ${baseUrl}${approverPath(SUMMIT)})`);
  console.log('Building the sandbox extension (.output/chrome-mv3)…');
  const extensionDir = await buildExtension({
    mode: 'sandbox',
    sandboxUrl: baseUrl,
    pollSeconds: POLL_SECONDS,
    outDir: '.output',
  });
  await mkdir(OUTPUT, { recursive: true });
  console.log(`Opening Chromium (${headed ? 'headed' : 'headless'}) with the extension; screenshots:`);
  const ext = await launchExtensionBrowser(extensionDir, { headed });
  ext.context.setDefaultTimeout(WAIT_MS);
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());

  const stop = async () => {
    await ext.close().catch(() => undefined);
    await sandbox.close();
  };
  try {
    await walkThrough(ext, page);
  } catch (error) {
    await page.screenshot({ path: join(OUTPUT, 'failure.png') }).catch(() => undefined);
    await stop();
    throw error;
  }
  console.log('Done: every state is in demo-output/.');
  if (!headed) {
    await stop();
    return;
  }
  console.log(`The browser stays open on ${VENDORS.beacon.name}, ready to send. Press Ctrl+C to end the demo.`);
  const quit = () => void stop().then(() => process.exit(0));
  process.once('SIGINT', quit);
  process.once('SIGTERM', quit);
  ext.context.once('close', quit);
}

await main();
