import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { findChromium, thisMachine } from './scripts/find-chromium';
import { originMatchPattern } from './lib/extension/match-pattern';
import { zodFreeBundles } from './scripts/zod-free-bundles';
import { esModuleBuildFor, nativeBrowserApiFor } from './scripts/build-hooks';
import { preactClassicJsx } from './scripts/classic-jsx';

// `--mode sandbox` builds an extension that treats the local sandbox as Procore.
const sandboxUrl = (process.env.SANDBOX_URL ?? 'http://127.0.0.1:4100').replace(/\/$/, '');

/**
 * The browser `wxt` (dev mode) opens: the Chromium the demo and tests use, without Chromium's sandbox when run as root
 * (it refuses to start otherwise), headless where there is no display, on the sandbox's Directory when it serves one.
 */
function devBrowser() {
  const lookup = findChromium(thisMachine());
  const root = process.getuid?.() === 0;
  const headless = process.platform === 'linux' && !process.env.DISPLAY;
  return {
    ...(lookup.found ? { binaries: { chrome: lookup.path } } : {}),
    chromiumArgs: [
      ...(root ? ['--no-sandbox'] : []),
      ...(headless ? ['--headless=new'] : []),
      '--disable-background-networking',
    ],
    ...(process.env.SANDBOX_URL ? { startUrls: [`${sandboxUrl}/8001/company/directory`] } : {}),
  };
}

/**
 * Chrome lets a content script import the control's and the statuses' scripts (`entrypoints/erp.content/index.ts`) only if pages may load
 * it: only Procore's pages may, and only through a URL that changes every browser session (`use_dynamic_url`), so no
 * site can tell the extension is installed. Firefox lets content scripts import extension files without exposing them.
 * Firefox's WebDriver may not open extension pages itself: the Firefox tests reach the popup and options page from a
 * sandbox page, which only a sandbox build allows.
 */
function webAccessible(procoreHosts: string[], manifestVersion: number, sandbox: boolean) {
  if (manifestVersion === 3) {
    return {
      web_accessible_resources: [
        { resources: ['erp-control.js', 'directory-statuses.js'], matches: procoreHosts, use_dynamic_url: true },
      ],
    };
  }
  return sandbox ? { web_accessible_resources: ['popup.html', 'options.html'] } : {};
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  webExt: devBrowser(),
  // ESLint's globals for WXT's auto-imports (defineBackground, defineContentScript, browser), in .wxt/.
  imports: { eslintrc: { enabled: 9 } },
  // Every icon size is made from this one image.
  autoIcons: { baseIconPath: 'assets/icon.svg', sizes: [96] },
  // One output folder whatever the mode, so tests and docs load `.output/chrome-mv3/`.
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}',
  // The sources zip (for addons.mozilla.org's review) carries the code, not the README's pictures.
  zip: { excludeSources: ['docs/screenshots/**', 'demo-output/**', 'test-results/**'] },
  hooks: {
    'vite:build:extendConfig': (group, config) => {
      // The loader on every Procore page, the parts it imports (`entrypoints/erp-control/`,
      // `entrypoints/directory-statuses/`), the popup, options.
      nativeBrowserApiFor(['erp', 'erp-control', 'directory-statuses', 'popup', 'options'])(group, config);
      esModuleBuildFor(['erp-control', 'directory-statuses'])(group, config);
    },
  },
  vite: (env) => ({
    // Preact's devtools hook (and its hook names) only in development: a sandbox build must run as the published one.
    // The content script and the popup must not bundle zod: the build fails if they do.
    plugins: [
      preact({ devToolsEnabled: env.mode === 'development' }),
      // Development keeps the automatic runtime's development JSX (each element's source, for Preact's devtools).
      ...(env.mode === 'development' ? [] : [preactClassicJsx()]),
      zodFreeBundles(/^(content-scripts\/|erp-control\.js$|directory-statuses\.js$|chunks\/popup-)/),
    ],
    // Vite compiles JSX for development (file names and line numbers in every element) whenever NODE_ENV is not
    // "production", and WXT sets NODE_ENV to the mode: a sandbox build would ship 1 kB of dev JSX in the content script.
    esbuild: { jsxDev: env.mode === 'development' },
    // Terser: 3 % smaller than esbuild's minifier here. No comments kept: Preact's `@__PURE__` annotations are for the
    // minifier, not for the bundle. The page's parts, ES modules, are minified by `scripts/build-hooks.ts` instead.
    build: { minify: 'terser', terserOptions: { format: { comments: false }, compress: { passes: 2 } } },
    define: {
      __SANDBOX_URL__: JSON.stringify(env.mode === 'sandbox' ? sandboxUrl : ''),
      __POLL_SECONDS__: JSON.stringify(Number(process.env.POLL_SECONDS ?? 0)),
    },
  }),
  manifest: ({ mode, browser, manifestVersion }) => {
    const sandbox = mode === 'sandbox';
    // Firefox's match patterns take no port (`lib/extension/match-pattern.ts`).
    const procoreHosts = sandbox
      ? [originMatchPattern(sandboxUrl, browser === 'firefox')]
      : ['https://*.procore.com/*'];
    const apiOrigins = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      permissions: ['storage', 'alarms', 'notifications'],
      host_permissions: procoreHosts,
      // The integration API's origin is chosen in the options page and granted at run time. MV2 (Firefox) has no
      // optional_host_permissions (WXT drops it there): hosts go in optional_permissions instead.
      ...(manifestVersion === 2 ? { optional_permissions: apiOrigins } : { optional_host_permissions: apiOrigins }),
      action: { default_title: '__MSG_extName__' },
      ...webAccessible(procoreHosts, manifestVersion, sandbox),
      // Alt+Shift+R opens the popup (the queue); people can change it in the browser's shortcut settings.
      commands: {
        [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
          suggested_key: { default: 'Alt+Shift+R' },
        },
      },
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              // Nothing is collected; Firefox 140 (Android 142) is the first to read this consent key.
              gecko: {
                id: 'erp-resend@example.com',
                strict_min_version: '140.0',
                data_collection_permissions: { required: ['none'] },
              },
              gecko_android: { strict_min_version: '142.0' },
            },
          }
        : {}),
    };
  },
});
