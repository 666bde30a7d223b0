import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium, NOT_FOUND, type LookupEnvironment } from '../../../scripts/find-chromium';

/** A machine where only `files` exist (and the folders holding them). */
function machine(
  platform: NodeJS.Platform,
  files: string[],
  env: LookupEnvironment['env'] = {},
  home = '/home/admin',
): LookupEnvironment {
  return {
    env,
    platform,
    home,
    exists: (path) => files.includes(path),
    list: (dir) => [
      ...new Set(files.filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1).split('/')[0]!)),
    ],
  };
}

describe('finding Chromium', () => {
  it('takes CHROMIUM_PATH first, wherever it points', () => {
    const lookup = findChromium(
      machine('linux', ['/opt/chromium/chrome', '/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/chromium/chrome' }),
    );
    expect(lookup).toEqual({ found: true, path: '/opt/chromium/chrome' });
  });

  it('says so when CHROMIUM_PATH points at nothing, rather than taking another', () => {
    const lookup = findChromium(machine('linux', ['/usr/bin/chromium'], { CHROMIUM_PATH: '/nowhere/chromium' }));
    expect(lookup.found).toBe(false);
    expect(!lookup.found && lookup.message).toContain('CHROMIUM_PATH is /nowhere/chromium');
  });

  it.each([
    ['Debian', 'linux', '/usr/bin/chromium'],
    ['Ubuntu', 'linux', '/usr/bin/chromium-browser'],
    ['a snap', 'linux', '/snap/bin/chromium'],
    ['macOS', 'darwin', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
  ] as const)('finds it where %s puts it', (_, platform, path) => {
    expect(findChromium(machine(platform, [path]))).toEqual({ found: true, path });
  });

  it('finds it on Windows under the local app data folder', () => {
    const path = join('C:\\Users\\admin\\AppData\\Local', 'Chromium', 'Application', 'chrome.exe');
    expect(findChromium(machine('win32', [path], { LOCALAPPDATA: 'C:\\Users\\admin\\AppData\\Local' }))).toEqual({
      found: true,
      path,
    });
  });

  it("falls back to Playwright's newest download", () => {
    const older = '/home/admin/.cache/ms-playwright/chromium-1150/chrome-linux/chrome';
    const newer = '/home/admin/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';
    expect(findChromium(machine('linux', [older, newer]))).toEqual({ found: true, path: newer });
    const custom = '/srv/browsers/chromium-1200/chrome-linux64/chrome';
    expect(findChromium(machine('linux', [custom], { PLAYWRIGHT_BROWSERS_PATH: '/srv/browsers' }))).toEqual({
      found: true,
      path: custom,
    });
  });

  it('says what to do when there is none: install Chromium, point at one, or let Playwright fetch one', () => {
    const lookup = findChromium(machine('linux', ['/usr/bin/google-chrome']));
    expect(lookup).toEqual({ found: false, message: NOT_FOUND });
    for (const advice of [
      'apt-get install -y chromium',
      'CHROMIUM_PATH=',
      'npx playwright-core install chromium',
      'not Google Chrome',
    ]) {
      expect(NOT_FOUND).toContain(advice);
    }
  });
});
