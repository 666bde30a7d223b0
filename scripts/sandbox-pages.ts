/**
 * The sandbox's pages and the extension's in-page control, found the way a person finds them: by role and accessible
 * name, as a person finds them. Playwright's role locators pierce the control's open shadow root.
 */
import type { Locator, Page } from 'playwright-core';
import { CONTROL_TAG } from '../lib/procore/selectors';

export const companyVendorPath = (companyId: number, vendorId: number): string =>
  `/${companyId}/company/directory/vendors/${vendorId}/edit`;
export const projectVendorPath = (projectId: number, vendorId: number): string =>
  `/${projectId}/project/directory/vendors/${vendorId}/edit`;
export const directoryPath = (companyId: number): string => `/${companyId}/company/directory`;
export const approverPath = (companyId: number): string => `/${companyId}/company/erp_integrations`;

/** The seeded companies and vendors (`sandbox/seed.ts`). */
export const SUMMIT = 8001;
export const HARBOR = 8002;
/** CMiC: number rules on the vendor code, an export warning, a validator the extension does not know. */
export const CASCADE = 8003;
/** QuickBooks Online, whose integration does not create companies from Procore. */
export const LAKESIDE = 8004;
/** A team's company: 45 companies over three pages of its Directory, a queue mostly sent by Jordan Lee. */
export const TIMBERLINE = 8005;
export const RIVERSIDE_PROJECT = 501;
/** A project of Summit Builders whose Directory the admin is only Standard on. */
export const EASTSIDE_PROJECT = 502;
export const VENDORS = {
  acme: { id: 101, name: 'Acme Concrete' },
  longName: { id: 102 },
  blankAddress: { id: 103, name: 'Blank Address Electric' },
  dormant: { id: 104, name: 'Dormant Drywall' },
  pioneer: { id: 105, name: 'Pioneer Plumbing' },
  ridge: { id: 106, name: 'Ridge Roofing' },
  keystone: { id: 107, name: 'Keystone Steel' },
  beacon: { id: 108, name: 'Beacon Glass' },
  cedar: { id: 109, name: 'Cedar Carpentry' },
  delta: { id: 110, name: 'Delta Paving' },
  evergreen: { id: 111, name: 'Evergreen Landscaping' },
  falcon: { id: 112, name: 'Falcon Fencing' },
  harborElectric: { id: 201, name: 'Harbor Electric' },
  alpine: { id: 301, name: 'Alpine HVAC' },
  boreal: { id: 302, name: 'Boreal Sheet Metal' },
  crestline: { id: 303, name: 'Crestline Ductwork' },
  drift: { id: 304, name: 'Drift Insulation' },
  glacier: { id: 305, name: 'Glacier Pipe and Boiler' },
  lakeview: { id: 401, name: 'Lakeview Lumber' },
  /** Synced (request 7, by this admin). */
  aspen: { id: 602, name: 'Aspen Abatement' },
  /** Never sent. */
  basalt: { id: 603, name: 'Basalt Boring' },
  /** Sent by Jordan Lee, rejected: "Insurance certificate expired" (request 5). */
  granite: { id: 619, name: 'Granite Masonry' },
  /** Sent by Jordan Lee with Procore's own button, waiting (request 6). Page 2 of the Directory. */
  hawk: { id: 621, name: 'Hawk Hoisting' },
  /** Sent by this admin, rejected: "Remit-to address missing" (request 8). Page 2. */
  redwood: { id: 635, name: 'Redwood Roofing' },
  /** Sent by Jordan Lee, rejected, and inactive since: no re-send passes the rules (request 10). Page 2. */
  quartz: { id: 634, name: 'Quartz Quarry' },
  /** Sent by Jordan Lee, export failed (request 9). Page 3. */
  willow: { id: 643, name: 'Willow Windows' },
} as const;

/**
 * The extension's control on a vendor edit page. Its action buttons are looked for inside its shadow host: Procore's
 * own button reads the same and is in sight for the moment before the control stands in for it, and an action aimed
 * at that one would wait for it to show again. That only one ERP button is in sight is `procore-control.test.ts`'s.
 */
export function erpControl(page: Page) {
  const ours = page.locator(CONTROL_TAG);
  return {
    send: ours.getByRole('button', { name: 'Send to ERP', exact: true }),
    resend: ours.getByRole('button', { name: 'Re-send to ERP', exact: true }),
    retrieve: ours.getByRole('button', { name: 'Retrieve from ERP', exact: true }),
    /** The help "?" shown when sending is unavailable. */
    help: page.getByRole('button', { name: 'Why is sending unavailable?' }),
    tooltip: page.getByRole('tooltip'),
    /** The integration's export warning beside the control. */
    warning: page.getByRole('note'),
    /** The control's status line; the page's own "Saved" message is a status too, so match the control's wording. */
    status: page.getByRole('status').filter({ hasNotText: /^\s*(Saved|Guardado)\s*$/ }),
    /** Any of the control's three action buttons. */
    anyAction: ours.getByRole('button', { name: /^(Send to ERP|Re-send to ERP|Retrieve from ERP)$/ }),
  };
}

/**
 * Procore's own ERP control as the sandbox draws it (`sandbox/client/procore-erp-control.ts`): found by the sandbox's
 * class names, which only tests of the sandbox may use; the extension finds it by its text.
 */
export function procoreControl(page: Page) {
  const block = page.locator('.erp-actions, .ErpActions-sc-7c2e1b-0');
  return {
    block,
    button: block.getByRole('button', { name: /ERP/ }),
    status: block.locator('.erp-status'),
  };
}

/** The page's own Save button (classic `button`, beta `input type=submit`). */
export const saveButton = (page: Page): Locator => page.getByRole('button', { name: /^(Save|Guardar)$/ });

/** Opens the tooltip the way a keyboard user does and returns its text. */
export async function tooltipText(page: Page): Promise<string> {
  const control = erpControl(page);
  await control.help.focus();
  await control.tooltip.waitFor({ state: 'visible' });
  return control.tooltip.innerText();
}

/** The text of whatever an element's `aria-describedby` points to, looked up in the element's own tree (shadow root). */
export const accessibleDescription = (locator: Locator): Promise<string> =>
  locator.evaluate((element) => {
    const root = element.getRootNode() as Document | ShadowRoot;
    return (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
      .join(' ');
  });

/** The approver's row for a company's pending request in Ready to Export (Failed to Export rows have no Accept). */
export const approverRow = (page: Page, companyName: string): Locator =>
  page
    .getByRole('row')
    .filter({ hasText: companyName })
    .filter({ has: page.getByRole('button', { name: 'Accept' }) });

/** Accepts the company's pending request on the approver page (`page` must show it). */
export async function acceptOnApproverPage(page: Page, companyName: string, erpVendorId: string): Promise<void> {
  const row = approverRow(page, companyName);
  const vendorType = row.getByLabel('Vendor type');
  const values = await vendorType
    .locator('option')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean));
  if (values[0]) await vendorType.selectOption(values[0]);
  await row.getByLabel('ERP vendor ID').fill(erpVendorId);
  await row.getByRole('button', { name: 'Accept' }).click();
  await row.waitFor({ state: 'detached' });
}

/** Rejects the company's pending request with a comment on the approver page. */
export async function rejectOnApproverPage(page: Page, companyName: string, comment: string): Promise<void> {
  const row = approverRow(page, companyName);
  await row.getByLabel('Comment').fill(comment);
  await row.getByRole('button', { name: 'Reject' }).click();
  await row.waitFor({ state: 'detached' });
}
