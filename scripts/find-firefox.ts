/** Firefox for the Firefox tests: `FIREFOX_PATH`, else Debian's `firefox-esr`, then the usual places. */
import { existsSync } from 'node:fs';

const PLACES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'];

export function firefoxPath(): string {
  const chosen = process.env.FIREFOX_PATH;
  const path = chosen ?? PLACES.find((place) => existsSync(place));
  if (path && existsSync(path)) return path;
  throw new Error(
    `${chosen ? `FIREFOX_PATH is ${chosen}, and there is nothing there. ` : 'Firefox was not found. '}` +
      'Install it with `apt-get install -y firefox-esr`, or point FIREFOX_PATH at one (Firefox 140 or later).',
  );
}
