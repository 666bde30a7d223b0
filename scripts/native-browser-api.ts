/**
 * The scripts in Procore's pages, the popup and the options page use the browser's own extension API instead of
 * webextension-polyfill (about 3 kB gzipped, on every Procore page and in every popup opening, which must paint at
 * once). They need nothing the polyfill adds: every call they make returns a promise in Chrome's Manifest V3 API and
 * in Firefox's `browser`, and the page answers pushes through `sendResponse`, which both browsers have always had.
 * WXT's polyfill module points `wxt/browser` at the polyfill for every build; this points it back at WXT's own
 * `browser` (the browser's object) for the builds named here. The background keeps the polyfill.
 */
import { createRequire } from 'node:module';
import type { Alias, InlineConfig } from 'vite';

/** One copy for the project's code and WXT's own (WXT would otherwise resolve the package from its own folder). */
const BROWSERS_OWN = createRequire(import.meta.url).resolve('@wxt-dev/browser');

interface Entry {
  name: string;
}

function asList(alias: NonNullable<InlineConfig['resolve']>['alias']): Alias[] {
  if (!alias) return [];
  if (Array.isArray(alias)) return [...(alias as Alias[])];
  return Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
}

/** A `vite:build:extendConfig` hook: builds made only of `entrypoints` get the browser's own API. */
export function nativeBrowserApiFor(entrypoints: readonly string[]) {
  return (group: readonly Entry[], config: InlineConfig): void => {
    if (!group.every((entry) => entrypoints.includes(entry.name))) return;
    const first: Alias = { find: /^wxt\/browser$/, replacement: BROWSERS_OWN };
    config.resolve = { ...config.resolve, alias: [first, ...asList(config.resolve?.alias)] };
  };
}
