/**
 * WXT bundles unlisted scripts as IIFEs, to be injected whole. The page control is instead imported by the content
 * script's loader, which hands it its WXT context: it is built as an ES module whose default export is what its
 * `main` returns (WXT's own entry wrapper exports it). With `globalName: false` WXT adds nothing after the bundle.
 */
import type { InlineConfig } from 'vite';

interface Entry {
  name: string;
}

/** A `vite:build:extendConfig` hook: the builds of these entrypoints come out as ES modules. */
export function esModuleBuildFor(entrypoints: readonly string[]) {
  return (group: readonly Entry[], config: InlineConfig): void => {
    const lib = config.build?.lib;
    if (!lib || !group.every((entry) => entrypoints.includes(entry.name))) return;
    lib.formats = ['es'];
  };
}
