/**
 * The one Chromium lookup for the demo, the bench and the e2e tests: `CHROMIUM_PATH`, then where Chromium is usually
 * installed on Debian, Ubuntu, macOS and Windows, then Playwright's own download if there is one. Chromium, not Google
 * Chrome: branded Chrome no longer loads unpacked extensions from the command line.
 *
 * As a command (`tsx scripts/find-chromium.ts`), it prints the path, or says what to do and exits 1 at once: the demo
 * and the bench run it before they start the sandbox or build anything.
 */
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LookupEnvironment {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
  exists(path: string): boolean;
  /** The entries of a folder, or [] when it is missing. */
  list(dir: string): string[];
}

export type Lookup = { found: true; path: string } | { found: false; message: string };

export const NOT_FOUND = [
  'Chromium was not found. ERP Resend runs its demo, bench and tests in Chromium (not Google Chrome, which no longer',
  'loads unpacked extensions from the command line). Any one of these will do:',
  '  apt-get install -y chromium                 (Debian; on Ubuntu: the chromium-browser package)',
  '  CHROMIUM_PATH=/path/to/chromium npm run …   (a Chromium installed elsewhere)',
  "  npx playwright-core install chromium        (Playwright's own build, found where Playwright keeps it)",
].join('\n');

/** The usual install locations, most likely first. */
export function usualPlaces(platform: NodeJS.Platform, env: LookupEnvironment['env']): string[] {
  if (platform === 'darwin') return ['/Applications/Chromium.app/Contents/MacOS/Chromium'];
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((root): root is string =>
      Boolean(root),
    );
    return roots.map((root) => join(root, 'Chromium', 'Application', 'chrome.exe'));
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/lib/chromium/chromium'];
}

/** Where Playwright keeps the Chromium it downloads (`PLAYWRIGHT_BROWSERS_PATH`, else its per-platform cache), newest first. */
export function playwrightPlaces(lookup: LookupEnvironment): string[] {
  const { env, platform, home } = lookup;
  const root =
    env.PLAYWRIGHT_BROWSERS_PATH ||
    (platform === 'darwin'
      ? join(home, 'Library', 'Caches', 'ms-playwright')
      : platform === 'win32'
        ? join(env.LOCALAPPDATA ?? home, 'ms-playwright')
        : join(home, '.cache', 'ms-playwright'));
  const inside =
    platform === 'darwin'
      ? [
          ['chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'],
          ['chrome-mac-arm64', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'],
        ]
      : platform === 'win32'
        ? [
            ['chrome-win', 'chrome.exe'],
            ['chrome-win64', 'chrome.exe'],
          ]
        : [
            ['chrome-linux', 'chrome'],
            ['chrome-linux64', 'chrome'],
          ];
  const builds = lookup
    .list(root)
    .filter((name) => /^chromium-\d+$/.test(name))
    .sort((a, b) => Number(b.slice(9)) - Number(a.slice(9)));
  return builds.flatMap((build) => inside.map((parts) => join(root, build, ...parts)));
}

export function findChromium(lookup: LookupEnvironment): Lookup {
  const chosen = lookup.env.CHROMIUM_PATH;
  if (chosen) {
    return lookup.exists(chosen)
      ? { found: true, path: chosen }
      : { found: false, message: `CHROMIUM_PATH is ${chosen}, and there is nothing there.\n\n${NOT_FOUND}` };
  }
  const path = [...usualPlaces(lookup.platform, lookup.env), ...playwrightPlaces(lookup)].find((place) =>
    lookup.exists(place),
  );
  return path ? { found: true, path } : { found: false, message: NOT_FOUND };
}

export const thisMachine = (): LookupEnvironment => ({
  env: process.env,
  platform: process.platform,
  home: homedir(),
  exists: existsSync,
  list: (dir) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
});

/** The Chromium to drive, or an error whose message says what to do. */
export function chromiumPath(): string {
  const lookup = findChromium(thisMachine());
  if (!lookup.found) throw new Error(lookup.message);
  return lookup.path;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lookup = findChromium(thisMachine());
  if (lookup.found) {
    console.log(`Chromium: ${lookup.path}`);
  } else {
    console.error(lookup.message);
    process.exit(1);
  }
}
