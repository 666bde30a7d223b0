import { describe, expect, it } from 'vitest';
import type { InlineConfig } from 'vite';
import { esModuleBuildFor, nativeBrowserApiFor } from '../../../scripts/build-hooks';

const POLYFILL = '@wxt-dev/webextension-polyfill/browser';
const group = (...names: string[]) => names.map((name) => ({ name }));
const libConfig = (): InlineConfig => ({
  resolve: { alias: { 'wxt/browser': POLYFILL, '@': '/repo' } },
  build: { lib: { entry: 'x', formats: ['iife'] } },
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
  it('switches the named build to the ES format', () => {
    const config = libConfig();
    esModuleBuildFor(['erp-control'])(group('erp-control'), config);
    expect(config.build?.lib && config.build.lib.formats).toEqual(['es']);
  });

  it('leaves other builds, and builds that are not libraries, as they were', () => {
    const config = libConfig();
    esModuleBuildFor(['erp-control'])(group('erp'), config);
    expect(config.build?.lib && config.build.lib.formats).toEqual(['iife']);
    const pages: InlineConfig = { build: {} };
    esModuleBuildFor(['erp-control'])(group('erp-control'), pages);
    expect(pages.build).toEqual({});
  });
});
