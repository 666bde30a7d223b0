import { describe, expect, it } from 'vitest';
import type { InlineConfig } from 'vite';
import { esModuleBuildFor, finalModuleMinify, nativeBrowserApiFor } from '../../../scripts/build-hooks';

const POLYFILL = '@wxt-dev/webextension-polyfill/browser';
const group = (...names: string[]) => names.map((name) => ({ name, inputPath: `/repo/entrypoints/${name}/index.ts` }));
const libConfig = (): InlineConfig => ({
  resolve: { alias: { 'wxt/browser': POLYFILL, '@': '/repo' } },
  build: {
    lib: { entry: 'virtual:wxt-unlisted-script-entrypoint?x', formats: ['iife'] },
    minify: 'terser',
    terserOptions: { compress: { passes: 2 } },
  },
});

/** Which module `wxt/browser` resolves to under the config's aliases: the first that matches wins, as in Vite. */
function browserModule(config: InlineConfig): unknown {
  const alias = config.resolve?.alias;
  const list = Array.isArray(alias)
    ? alias
    : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
  return list.find(({ find }) => (typeof find === 'string' ? find === 'wxt/browser' : find.test('wxt/browser')))
    ?.replacement;
}

describe('the page scripts use the browser’s own extension API', () => {
  it('points wxt/browser at WXT’s own browser object for the builds named, keeping every other alias', () => {
    const config = libConfig();
    nativeBrowserApiFor(['erp', 'erp-control'])(group('erp'), config);
    expect(browserModule(config)).toMatch(/@wxt-dev[\\/]browser[\\/]src[\\/]index\.mjs$/);
    expect(Array.isArray(config.resolve?.alias) && config.resolve.alias.some((a) => a.find === '@')).toBe(true);
  });

  it('leaves the polyfill to every other build', () => {
    const config = libConfig();
    nativeBrowserApiFor(['erp', 'erp-control'])(group('background'), config);
    expect(browserModule(config)).toBe(POLYFILL);
    const pages = libConfig();
    nativeBrowserApiFor(['erp'])(group('popup', 'erp'), pages);
    expect(browserModule(pages)).toBe(POLYFILL);
  });
});

describe('the page control is built as an ES module', () => {
  it('builds the named part from its own file, as an ES module, minified as a final file', () => {
    const config = libConfig();
    esModuleBuildFor(['erp-control'])(group('erp-control'), config);
    const lib = config.build?.lib;
    expect(lib && lib.formats).toEqual(['es']);
    expect(lib && lib.entry).toBe('/repo/entrypoints/erp-control/index.ts');
    expect(config.build?.minify).toBe(false);
    expect(config.build?.cssMinify).toBe(true);
    expect(config.plugins?.map((plugin) => plugin && 'name' in plugin && plugin.name)).toEqual([
      'erp-resend:final-module-minify',
    ]);
  });

  it('leaves other builds, and builds that are not libraries, as they were', () => {
    const config = libConfig();
    esModuleBuildFor(['erp-control'])(group('erp'), config);
    expect(config.build?.lib && config.build.lib.formats).toEqual(['iife']);
    expect(config.build?.minify).toBe('terser');
    const pages: InlineConfig = { build: {} };
    esModuleBuildFor(['erp-control'])(group('erp-control'), pages);
    expect(pages.build).toEqual({});
  });
});

describe('a final module is minified as the file the browser runs', () => {
  type Handler = (code: string, chunk: object, output: object) => Promise<{ code: string }>;
  const minifyWith = (
    code: string,
    chunk: object = { fileName: 'erp-control.js', imports: [], dynamicImports: [] },
  ) => {
    const hook = finalModuleMinify({ compress: { passes: 2 } }).renderChunk as { order: string; handler: Handler };
    const context = {
      error(message: string): never {
        throw new Error(message);
      },
    };
    return { order: hook.order, run: () => hook.handler.call(context, code, chunk, { sourcemap: false }) };
  };
  const source = `
    const list = /* @__PURE__ */ new Set(['a']);
    function vnode(type) { return { type, __k: null, __e: null }; }
    export function render(type) { const v = vnode(type); v.__k = [list.size]; v.__e = type; return v.__k.length + v.__e; }
  `;

  it('runs after Vite’s own output transforms, and keeps no annotation meant for another bundler', async () => {
    const { order, run } = minifyWith(source);
    expect(order).toBe('post');
    const { code } = await run();
    expect(code).not.toContain('@__PURE__');
    expect(code).toContain('new Set');
  });

  it('shortens Preact’s private property names, and the module still works', async () => {
    const { code } = await minifyWith(source).run();
    expect(code).not.toMatch(/__k|__e/);
    const url = `data:text/javascript,${encodeURIComponent(code)}`;
    const module = (await import(/* @vite-ignore */ url)) as { render(type: string): string };
    expect(module.render('p')).toBe('1p');
  });

  it('refuses a module that imports another chunk, whose names it would not shorten alike', async () => {
    const { run } = minifyWith(source, {
      fileName: 'erp-control.js',
      imports: ['chunks/shared.js'],
      dynamicImports: [],
    });
    await expect(run()).rejects.toThrow(/erp-control\.js imports other chunks/);
  });
});
