/**
 * The control looks like the page's own buttons (classic and beta markup), its status colours always
 * come with words, and its tooltip is never clipped — top layer despite the card's `overflow: hidden`, flipped and
 * shifted to stay inside the viewport, announced as a tooltip that describes both "?" and the disabled button.
 */
import { describe, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  acceptOnApproverPage,
  accessibleDescription,
  approverPath,
  companyVendorPath,
  erpControl,
  SUMMIT,
  VENDORS,
} from '../../scripts/sandbox-pages';
import { eventually, test } from './browser';
import { buttonLook } from './look';

const { acme, dormant, pioneer, ridge, keystone } = VENDORS;

/** The hue (0–360) of an element's computed background colour. */
const backgroundHue = (locator: Locator): Promise<number> =>
  locator.evaluate((element) => {
    const [r = 0, g = 0, b = 0] = (getComputedStyle(element).backgroundColor.match(/[\d.]+/g) ?? []).map(
      (c) => Number(c) / 255,
    );
    const max = Math.max(r, g, b);
    const delta = max - Math.min(r, g, b);
    if (delta === 0) return -1;
    const sector = max === r ? ((g - b) / delta + 6) % 6 : max === g ? (b - r) / delta + 2 : (r - g) / delta + 4;
    return Math.round(sector * 60);
  });

const HUES = {
  blue: [190, 250],
  yellow: [35, 65],
  green: [90, 160],
  red: [-15, 15],
} as const;

/** Checks the status line says `wording` on a background of the given colour family (red wraps around 0°). */
async function expectTone(page: Page, wording: string | RegExp, colour: keyof typeof HUES): Promise<void> {
  const { status } = erpControl(page);
  await eventually(() => status.innerText()).toMatch(wording);
  const hue = await backgroundHue(status);
  const [low, high] = HUES[colour];
  const wrapped = hue > 180 && low < 0 ? hue - 360 : hue;
  expect(wrapped, `${wording} should be ${colour}, hue ${hue}`).toBeGreaterThanOrEqual(low);
  expect(wrapped, `${wording} should be ${colour}, hue ${hue}`).toBeLessThanOrEqual(high);
}

/** The tooltip's box and the viewport, read in the page. */
const tooltipFits = (tooltip: Locator): Promise<boolean> =>
  tooltip.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const { clientWidth, clientHeight } = document.documentElement;
    return box.width > 0 && box.left >= 0 && box.top >= 0 && box.right <= clientWidth && box.bottom <= clientHeight;
  });

const edge = (locator: Locator, side: 'top' | 'bottom'): Promise<number> =>
  locator.evaluate((element, which) => element.getBoundingClientRect()[which], side);

/** Scrolls the page so the "?" sits at the viewport's top or bottom edge (the page made tall enough to scroll that far). */
const scrollHelpTo = (help: Locator, where: 'top' | 'bottom'): Promise<void> =>
  help.evaluate((element, to) => {
    document.body.style.minHeight = '300vh';
    const box = element.getBoundingClientRect();
    const target = to === 'top' ? 4 : document.documentElement.clientHeight - box.height - 4;
    window.scrollBy(0, box.top - target);
  }, where);

describe('native look', () => {
  for (const markup of ['classic', 'beta'] as const) {
    test(`the control's button takes the font and corners of the page's Cancel (${markup})`, async ({ open }) => {
      const page = await open(`${companyVendorPath(SUMMIT, acme.id)}${markup === 'beta' ? '?ui=beta' : ''}`);
      const { send } = erpControl(page);
      await send.waitFor();
      const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
      expect(await buttonLook(send)).toEqual(await buttonLook(cancel));
    });
  }

  test('the classic and beta buttons differ, and so does the control', async ({ open }) => {
    const classic = await open(companyVendorPath(SUMMIT, acme.id));
    const beta = await open(`${companyVendorPath(SUMMIT, acme.id)}?ui=beta`);
    await erpControl(classic).send.waitFor();
    await erpControl(beta).send.waitFor();
    expect(await buttonLook(erpControl(classic).send)).not.toEqual(await buttonLook(erpControl(beta).send));
  });
});

describe('status colours, always with words', () => {
  test('waiting is blue', async ({ open }) => {
    await expectTone(await open(companyVendorPath(SUMMIT, pioneer.id)), 'Waiting for approval', 'blue');
  });

  test('rejected is yellow', async ({ open }) => {
    await expectTone(await open(companyVendorPath(SUMMIT, ridge.id)), 'Rejected', 'yellow');
  });

  test('retrieved is yellow', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, pioneer.id));
    await erpControl(page).retrieve.click();
    await expectTone(page, 'Retrieved', 'yellow');
  });

  test('synced is green', async ({ open }) => {
    await expectTone(await open(companyVendorPath(SUMMIT, keystone.id)), /Synced to ERP/, 'green');
  });

  test('failed is red', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, acme.id));
    await erpControl(page).send.click();
    await eventually(() => erpControl(page).status.innerText()).toContain('Waiting for approval');
    await acceptOnApproverPage(await open(approverPath(SUMMIT)), acme.name, 'V-1007');
    await expectTone(page, 'Export failed', 'red');
  });
});

describe('the tooltip is never clipped', () => {
  test('it is in the top layer although its card has overflow: hidden', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, dormant.id));
    const { help, tooltip } = erpControl(page);
    const clippingCard = await page
      .locator('.card')
      .filter({ has: help })
      .evaluate((card) => getComputedStyle(card).overflow);
    expect(clippingCard).toBe('hidden');
    await help.focus();
    await tooltip.waitFor({ state: 'visible' });
    expect(await tooltip.evaluate((element) => element.matches(':popover-open'))).toBe(true);
    expect(await tooltipFits(tooltip)).toBe(true);
  });

  test('with the "?" at the top edge it flips below, at the bottom edge it stays above, inside the viewport', async ({
    open,
  }) => {
    const page = await open(companyVendorPath(SUMMIT, dormant.id));
    await page.setViewportSize({ width: 900, height: 420 });
    const { help, tooltip } = erpControl(page);
    await help.waitFor();

    await scrollHelpTo(help, 'top');
    await help.focus();
    await tooltip.waitFor({ state: 'visible' });
    await eventually(() => tooltipFits(tooltip)).toBe(true);
    expect(await edge(tooltip, 'top')).toBeGreaterThan(await edge(help, 'top'));

    await scrollHelpTo(help, 'bottom');
    await eventually(() => tooltipFits(tooltip)).toBe(true);
    expect(await edge(tooltip, 'bottom')).toBeLessThan(await edge(help, 'bottom'));
  });

  test('in a narrow viewport with the "?" at the right edge it shifts left to stay inside', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, dormant.id));
    const { help, tooltip } = erpControl(page);
    await help.waitFor();
    const right = await help.evaluate((element) => element.getBoundingClientRect().right);
    await page.setViewportSize({ width: Math.ceil(right) + 4, height: 600 });
    await help.scrollIntoViewIfNeeded();
    await help.focus();
    await tooltip.waitFor({ state: 'visible' });
    await eventually(() => tooltipFits(tooltip)).toBe(true);
  });

  test('it follows its "?" when the window changes size', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, dormant.id));
    const { help, tooltip } = erpControl(page);
    await help.waitFor();
    await help.focus();
    await tooltip.waitFor({ state: 'visible' });
    await eventually(() => tooltipFits(tooltip)).toBe(true);
    const right = await help.evaluate((element) => element.getBoundingClientRect().right);
    const before = await tooltip.evaluate((element) => element.getBoundingClientRect().right);
    expect(before).toBeGreaterThan(right + 4); // so the narrower window below would cut it off where it was
    await page.setViewportSize({ width: Math.ceil(right) + 4, height: 600 });
    await eventually(() => tooltipFits(tooltip)).toBe(true);
  });

  test('it is announced: role tooltip, describing the "?" and the disabled Send button', async ({ open }) => {
    const page = await open(companyVendorPath(SUMMIT, dormant.id));
    const { help, send } = erpControl(page);
    await help.waitFor();
    // Closed, the tooltip is hidden from the accessibility tree but still describes both buttons.
    const tooltip = page.locator('[role="tooltip"]');
    const tooltipId = await tooltip.getAttribute('id');
    expect(tooltipId).toBeTruthy();
    expect(await help.getAttribute('aria-describedby')).toBe(tooltipId);
    expect(await send.getAttribute('aria-describedby')).toBe(tooltipId);
    expect(await send.isDisabled()).toBe(true);
    expect(await accessibleDescription(send)).toMatch(/inactive/i);
    expect(await accessibleDescription(help)).toMatch(/inactive/i);
  });
});
