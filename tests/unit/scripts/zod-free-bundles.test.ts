import { describe, expect, it } from 'vitest';
import { checkZodFree } from '../../../scripts/zod-free-bundles';

const ZOD = '/repo/node_modules/zod/v4/classic/schemas.js';
const importers: Record<string, string[]> = {
  [ZOD]: ['/repo/node_modules/zod/index.js'],
  '/repo/node_modules/zod/index.js': ['/repo/lib/contract/api-bodies.ts'],
};
const ctx = {
  error(message: string): never {
    throw new Error(message);
  },
  getModuleInfo: (id: string) => ({ importers: importers[id] ?? [] }),
};
const chunk = (fileName: string, moduleIds: string[], imports: string[] = []) => ({
  type: 'chunk' as const,
  fileName,
  moduleIds,
  imports,
});
const OUTPUTS = /^(content-scripts\/|chunks\/popup-)/;

describe('the zod-free bundle check', () => {
  it('fails the build when zod reaches the content script, naming the project file that imported it', () => {
    const bundle = {
      'content-scripts/erp.js': chunk('content-scripts/erp.js', ['/repo/entrypoints/erp.content/index.ts', ZOD]),
    };
    expect(() => checkZodFree(ctx, bundle, OUTPUTS)).toThrow(
      /zod must not reach content-scripts\/erp\.js: it is imported through \/repo\/lib\/contract\/api-bodies\.ts/,
    );
  });

  it('follows the chunks an output imports', () => {
    const bundle = {
      'chunks/popup-1.js': chunk('chunks/popup-1.js', ['/repo/entrypoints/popup/main.tsx'], ['chunks/shared-2.js']),
      'chunks/shared-2.js': chunk('chunks/shared-2.js', [ZOD]),
    };
    expect(() => checkZodFree(ctx, bundle, OUTPUTS)).toThrow(/chunks\/popup-1\.js/);
  });

  it('lets the background and the options page bundle zod, and passes zod-free outputs', () => {
    const bundle = {
      'background.js': chunk('background.js', [ZOD]),
      'chunks/options-3.js': chunk('chunks/options-3.js', [ZOD]),
      'content-scripts/erp.js': chunk('content-scripts/erp.js', [
        '/repo/entrypoints/erp.content/index.ts',
        '/repo/node_modules/preact/dist/preact.mjs',
      ]),
    };
    expect(() => checkZodFree(ctx, bundle, OUTPUTS)).not.toThrow();
  });
});
