/**
 * WXT `vite:build:extendConfig` hooks, each for the builds made only of the entrypoints it names (WXT builds each
 * content script and unlisted script on its own, and the extension pages together).
 */
import { createRequire } from 'node:module';
import type { Alias, InlineConfig } from 'vite';

interface Entry {
  name: string;
}
type BuildHook = (group: readonly Entry[], config: InlineConfig) => void;

/** A hook that changes the config of the builds made only of `entrypoints`, and leaves every other build alone. */
const forBuildsOf =
  (entrypoints: readonly string[], change: (config: InlineConfig) => void): BuildHook =>
  (group, config) => {
    if (group.every((entry) => entrypoints.includes(entry.name))) change(config);
  };

/** One copy for the project's code and WXT's own (WXT would otherwise resolve the package from its own folder). */
const BROWSERS_OWN = createRequire(import.meta.url).resolve('@wxt-dev/browser');

function asList(alias: NonNullable<InlineConfig['resolve']>['alias']): Alias[] {
  if (!alias) return [];
  if (Array.isArray(alias)) return [...(alias as Alias[])];
  return Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
}

/**
 * The scripts in Procore's pages, the popup and the options page use the browser's own extension API instead of
 * webextension-polyfill (about 3 kB gzipped, on every Procore page and in every popup opening, which must paint at
 * once). They need nothing the polyfill adds: every call they make returns a promise in Chrome's Manifest V3 API and
 * in Firefox's `browser`, and the page answers pushes through `sendResponse`, which both browsers have always had.
 * WXT's polyfill module points `wxt/browser` at the polyfill for every build; this points it back at WXT's own
 * `browser` (the browser's object) for the builds named here. The background keeps the polyfill.
 */
export const nativeBrowserApiFor = (entrypoints: readonly string[]): BuildHook =>
  forBuildsOf(entrypoints, (config) => {
    const first: Alias = { find: /^wxt\/browser$/, replacement: BROWSERS_OWN };
    config.resolve = { ...config.resolve, alias: [first, ...asList(config.resolve?.alias)] };
  });

/**
 * WXT bundles unlisted scripts as IIFEs, to be injected whole. The page control is instead imported by the content
 * script's loader, which hands it its WXT context: it is built as an ES module whose default export is what its
 * `main` returns (WXT's own entry wrapper exports it). With `globalName: false` WXT adds nothing after the bundle.
 */
export const esModuleBuildFor = (entrypoints: readonly string[]): BuildHook =>
  forBuildsOf(entrypoints, (config) => {
    if (config.build?.lib) config.build.lib.formats = ['es'];
  });
