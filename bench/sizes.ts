/** Every built bundle of the production build, raw and gzip -9, and the figures the goals are about. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildExtension } from '../scripts/build-extension';
import { kb } from './stats';

export interface Sizes {
  rows: string[][];
  /** gzip -9 bytes by output path, e.g. `content-scripts/erp.js`, `chunks/popup-….js`. */
  gzip: Map<string, number>;
}

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

export async function bundleSizes(): Promise<Sizes> {
  const dir = await buildExtension({ mode: 'production', outDir: '.output/bench' });
  const rows: string[][] = [];
  const gzip = new Map<string, number>();
  for (const file of (await files(dir)).filter((f) => /\.(js|css|html)$/.test(f)).sort()) {
    const body = await readFile(file);
    const name = relative(dir, file);
    gzip.set(name, gzipSync(body, { level: 9 }).length);
    rows.push([name, kb((await stat(file)).size), kb(gzip.get(name)!)]);
  }
  return { rows, gzip };
}

/** The gzip size of the one output whose path matches, e.g. /^chunks\/popup-/. */
export function gzipOf(sizes: Sizes, path: RegExp): number {
  const matches = [...sizes.gzip].filter(([name]) => path.test(name));
  if (matches.length !== 1) throw new Error(`expected one bundle matching ${path}, found ${matches.length}`);
  return matches[0]![1];
}
