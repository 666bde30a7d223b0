/**
 * The extension the e2e tests load (built with `--mode sandbox`) must run the code that is published: only its URLs
 * differ. WXT sets NODE_ENV to the mode, which alone would turn on Preact's devtools hook and development JSX. The
 * scripts in Procore's pages use the browser's own API (`scripts/build-hooks.ts`).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';

async function scripts(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

it('the sandbox build carries no development code', async () => {
  const files = await scripts(inject('extensionDir'));
  expect(files.length).toBeGreaterThan(3);
  for (const file of files) {
    const code = await readFile(file, 'utf8');
    expect.soft(code, file).not.toContain('__PREACT_DEVTOOLS__');
    // Development JSX passes each element's source position.
    expect.soft(code, file).not.toMatch(/fileName:"[^"]*\.tsx",lineNumber:/);
  }
});

it('only the background carries the polyfill: not the scripts in Procore pages, nor the popup and options', async () => {
  const dir = inject('extensionDir');
  const polyfill = 'This script should only be loaded in a browser extension';
  const others = (await scripts(dir)).filter((file) => !file.endsWith('background.js'));
  expect(others.map((file) => file.slice(dir.length + 1)).sort()).toEqual(
    expect.arrayContaining(['content-scripts/erp.js', 'erp-control.js', 'directory-statuses.js']),
  );
  for (const file of others) expect.soft(await readFile(file, 'utf8'), file).not.toContain(polyfill);
  expect(await readFile(join(dir, 'background.js'), 'utf8')).toContain(polyfill);
});

it('the page’s parts are final modules: no annotations kept for another bundler', async () => {
  const dir = inject('extensionDir');
  for (const part of ['erp-control.js', 'directory-statuses.js'])
    expect.soft(await readFile(join(dir, part), 'utf8'), part).not.toContain('@__PURE__');
});
