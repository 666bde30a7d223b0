/**
 * The admins of the soak: each opens a random soak vendor's edit page, reads the control as a person would, and
 * clicks Send, Re-send or Retrieve: once, twice in a row, or in two tabs of the vendor at once. A click that ends in
 * an error is clicked again, as a person would, until the sandbox shows the outcome.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { SandboxControl } from '../sandbox-control';
import { companyVendorPath, erpControl } from '../sandbox-pages';
import { vendorKey } from '../../lib/contract/keys';
import { SOAK_COMPANIES, soakVendorId, VENDORS_PER_COMPANY } from './population';
import type { Random } from './random';
import type { Intent } from './records';

/** How long a person waits for an outcome before clicking again. */
const CLICK_AGAIN_AFTER_MS = 6_000;
const GIVE_UP_AFTER_MS = 45_000;
const CONTROL_WAIT_MS = 15_000;

export interface AdminDeps {
  context: BrowserContext;
  sandbox: SandboxControl;
  random: Random;
  /** Vendors another admin is working on. */
  busy: Set<string>;
  intents: Intent[];
}

async function openVendor(deps: AdminDeps, companyId: number, vendorId: number): Promise<Page> {
  const page = await deps.context.newPage();
  await page.goto(`${deps.sandbox.url}${companyVendorPath(companyId, vendorId)}`);
  return page;
}

/** The button the control offers, once it shows one (a page that could not load offers none). */
async function offered(page: Page): Promise<{ action: Intent['action']; button: Locator } | null> {
  const control = erpControl(page);
  const shown = await control.anyAction
    .first()
    .waitFor({ timeout: CONTROL_WAIT_MS })
    .then(
      () => true,
      () => false,
    );
  if (!shown) return null;
  if (await control.retrieve.isVisible()) return { action: 'retrieve', button: control.retrieve };
  const button = (await control.send.isVisible()) ? control.send : control.resend;
  return (await button.isEnabled()) ? { action: 'send', button } : null;
}

/** Clicks, and notes when; a button gone meanwhile (the other tab's click changed it) is not clicked. */
function tryClick(intent: Intent, button: Locator, kind: Intent['clicks'][number]['kind']): Promise<void> {
  const double = intent.way === 'double' && kind === 'first';
  return (double ? button.dblclick({ timeout: 2_000 }) : button.click({ timeout: 2_000 })).then(
    () => {
      const at = Date.now();
      intent.clicks.push({ at, kind }, ...(double ? [{ at, kind: 'double' as const }] : []));
    },
    () => undefined,
  );
}

/** Whether the sandbox shows the intent's outcome: a request created since it started, or its request no longer waiting. */
async function done(deps: AdminDeps, intent: Intent): Promise<boolean> {
  if (intent.action === 'send') {
    return (await deps.sandbox.created()).some(
      (r) => r.item_id === intent.vendorId && Date.parse(String(r.created_at)) >= intent.startedAt,
    );
  }
  const waiting = await deps.sandbox.requests(intent.companyId, 'pending_acceptance');
  return !waiting.some((r) => r.item_id === intent.vendorId);
}

async function clickThrough(deps: AdminDeps, intent: Intent, pages: Page[], first: Locator[]): Promise<void> {
  await Promise.all(first.map((button, i) => tryClick(intent, button, i === 0 ? 'first' : 'other-tab')));
  let lastClick = Date.now();
  while (!(await done(deps, intent))) {
    if (Date.now() - intent.startedAt > GIVE_UP_AFTER_MS) return;
    if (Date.now() - lastClick > CLICK_AGAIN_AFTER_MS) {
      const again = await offered(pages[0]!);
      if (again?.action === intent.action) await tryClick(intent, again.button, 'again');
      lastClick = Date.now();
    }
    await sleep(300);
  }
}

/** One admin's turn: a vendor, its page (or two), the click, the outcome. */
async function turn(deps: AdminDeps): Promise<void> {
  const { random } = deps;
  const companyId = random.pick(SOAK_COMPANIES);
  const vendorId = soakVendorId(companyId, random.between(1, VENDORS_PER_COMPANY - 1));
  const key = vendorKey(companyId, vendorId);
  // A synced vendor has nothing to send; an admin would not open it for that.
  const latest = (await deps.sandbox.requests(companyId)).find((r) => r.item_id === vendorId);
  if (deps.busy.has(key) || latest?.status === 'synced') return;
  deps.busy.add(key);
  const way = random.chance(0.6) ? 'once' : random.chance(0.5) ? 'double' : 'two-tabs';
  const pages = [await openVendor(deps, companyId, vendorId)];
  try {
    if (way === 'two-tabs') pages.push(await openVendor(deps, companyId, vendorId));
    const offers = await Promise.all(pages.map(offered));
    const [offer] = offers;
    if (!offer) return;
    const buttons = offers.filter((o) => o?.action === offer.action).map((o) => o!.button);
    const intent: Intent = {
      companyId,
      vendorId,
      action: offer.action,
      way,
      startedAt: Date.now(),
      endedAt: 0,
      clicks: [],
    };
    deps.intents.push(intent);
    await clickThrough(deps, intent, pages, buttons);
    intent.endedAt = Date.now();
  } finally {
    await Promise.all(pages.map((page) => page.close()));
    deps.busy.delete(key);
  }
}

/** Takes turns until the deadline, with a person's pause between them. */
export async function runAdmin(deps: AdminDeps, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    await turn(deps);
    await sleep(deps.random.between(300, 1_500));
  }
}
