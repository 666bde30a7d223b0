/**
 * WXT `vite:build:extendConfig` hooks, each for the builds made only of the entrypoints it names (WXT builds each
 * content script and unlisted script on its own, and the extension pages together).
 */
import { createRequire } from 'node:module';
import { minify, type MinifyOptions } from 'terser';
import type { Alias, InlineConfig, Plugin } from 'vite';

interface Entry {
  name: string;
  /** The entrypoint's own file. */
  inputPath: string;
}
type BuildHook = (group: readonly Entry[], config: InlineConfig) => void;

/** A hook that changes the config of the builds made only of `entrypoints`, and leaves every other build alone. */
const forBuildsOf =
  (entrypoints: readonly string[], change: (config: InlineConfig, group: readonly Entry[]) => void): BuildHook =>
  (group, config) => {
    if (group.every((entry) => entrypoints.includes(entry.name))) change(config, group);
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
 * WXT bundles unlisted scripts as IIFEs, to be injected whole, inside a wrapper that calls their `main` and logs a
 * crash in development (105 B gzipped in the control). The page control and the statuses are instead imported by the
 * content script's loader, which calls them and logs what fails: each is built as an ES module from its own
 * `index.ts`, whose default export is its WXT definition (the loader calls its `main`). These modules are final files,
 * so they are minified as such (`finalModuleMinify`).
 */
export const esModuleBuildFor = (entrypoints: readonly string[]): BuildHook =>
  forBuildsOf(entrypoints, (config, [entry]) => {
    if (!config.build?.lib || !entry) return;
    config.build.lib.entry = entry.inputPath;
    config.build.lib.formats = ['es'];
    if (config.build.minify !== 'terser') return;
    const options = config.build.terserOptions ?? {};
    // Vite's terser stands down for this plugin's; its CSS minifier, which would follow it, does not.
    config.build.minify = false;
    config.build.cssMinify ??= true;
    config.plugins = [...(config.plugins ?? []), finalModuleMinify(options)];
  });

/** Preact's private properties (`_children` and the like, published as `__k`, `__e`, …, so that its devtools can read them). */
const PREACT_PRIVATE = /^__[A-Za-z]?$/;

/**
 * Minifies an ES-module build as the final file it is. Vite minifies every ES-module library keeping its `@__PURE__`
 * annotations, for a bundler that would tree-shake it again; these modules go to the browser as they are. Preact's
 * private property names are shortened too: in a module with no imports nothing outside it can read them (no
 * devtools in a published build). Terser may write ES2020, which every browser the extension runs in reads.
 */
export function finalModuleMinify(options: MinifyOptions): Plugin {
  return {
    name: 'erp-resend:final-module-minify',
    // After Vite's own output transforms (its target's syntax lowering, which re-prints the code).
    renderChunk: {
      order: 'post',
      async handler(code, chunk, output) {
        if (chunk.imports.length > 0 || chunk.dynamicImports.length > 0)
          this.error(`${chunk.fileName} imports other chunks: its private property names cannot be shortened alone`);
        const mangle = typeof options.mangle === 'object' ? options.mangle : {};
        const result = await minify(code, {
          ...options,
          ecma: 2020,
          module: true,
          mangle: { ...mangle, properties: { regex: PREACT_PRIVATE } },
          format: { ...options.format, preserve_annotations: false },
          sourceMap: Boolean(output.sourcemap),
        });
        return { code: result.code ?? '', map: typeof result.map === 'string' ? result.map : null };
      },
    },
  };
}
