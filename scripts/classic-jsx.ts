/**
 * JSX compiled to Preact's `h()` calls (the classic transform) rather than its automatic runtime's `jsx()`: the
 * runtime is one more function around `h()`'s work in every bundle, 66 B gzipped of the page control's budget and
 * 101 B of the popup's. `@preact/preset-vite` sets the automatic runtime; this plugin's config, applied after it,
 * sets the classic one and imports `h` and `Fragment` into every JSX file (what a file does not use is dropped).
 */
import type { Plugin } from 'vite';

export const preactClassicJsx = (): Plugin => ({
  name: 'erp-resend:preact-classic-jsx',
  enforce: 'post',
  config: () => ({
    esbuild: {
      jsx: 'transform',
      jsxFactory: 'h',
      jsxFragment: 'Fragment',
      jsxInject: "import { h, Fragment } from 'preact'",
    },
  }),
});
