/**
 * The company's whole queue (Timberline Partners, `sandbox/seed.ts`): requests other admins sent, for companies this
 * browser never opened, reach the popup with who sent them; the badge counts the admin's own.
 */
import { describe, expect } from 'vitest';
import { companyVendorPath, erpControl, TIMBERLINE, VENDORS } from '../../scripts/sandbox-pages';
import { eventually, test } from './browser';
import { badgeText } from './worker';

const { basalt, granite, redwood, willow } = VENDORS;

describe("the company's whole queue", () => {
  test("a colleague's rejection of a company never opened shows with who sent it, and not under Sent by me", async ({
    ext,
    open,
  }) => {
    // One edit page of the company, of a company never sent: the extension learns the company, nothing else.
    const page = await open(companyVendorPath(TIMBERLINE, basalt.id));
    await eventually(() => erpControl(page).status.innerText()).toContain('Not sent to the ERP');
    const popup = await ext.openPopup();
    await popup.getByRole('heading', { name: 'Needs your attention (4)' }).waitFor();
    const item = (name: string) => popup.getByRole('listitem').filter({ hasText: name });
    const colleagues = await item(granite.name).innerText();
    expect(colleagues).toContain('Sent by Jordan Lee');
    expect(colleagues).toContain('Insurance certificate expired');
    expect(await item(willow.name).innerText()).toContain('Sent by Jordan Lee');
    expect(await item(redwood.name).innerText()).toContain('Sent by Alex Admin');
    // Only the admin's own rejection needs them on the badge.
    await eventually(() => badgeText(ext)).toBe('1');

    await popup.getByRole('radio', { name: 'Sent by me' }).check();
    await popup.getByRole('heading', { name: 'Needs your attention (1)' }).waitFor();
    expect(await item(granite.name).count()).toBe(0);
    expect(await item(redwood.name).count()).toBe(1);
    // Remembered: the popup opens again on the admin's own.
    const again = await ext.openPopup();
    await again.getByRole('heading', { name: 'Needs your attention (1)' }).waitFor();
    expect(await again.getByRole('radio', { name: 'Sent by me' }).isChecked()).toBe(true);
  });
});
