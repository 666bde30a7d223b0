// ESLint: the recommended JavaScript and typescript-eslint rules over the whole tree, with WXT's auto-imported
// globals (generated into .wxt/ by `wxt prepare`, which `npm ci` runs).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import autoImports from './.wxt/eslint-auto-imports.mjs';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'demo-output/', 'test-results/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  autoImports,
  { languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  {
    rules: {
      // An underscore marks a parameter or binding kept for its position, not used.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tests read the sandbox's JSON answers and fake the browser's messages as they come: untyped on purpose.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
