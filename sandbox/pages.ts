/** The Procore-like pages: one HTML shell for every page path and the client app it loads, bundled once at startup. */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Hono } from 'hono';
import { matchRoute } from './client/routes';

// A path, not `new URL(…, import.meta.url)`, which Vite would rewrite into an asset URL under test.
const clientFile = (name: string) => join(dirname(fileURLToPath(import.meta.url)), 'client', name);

const SHELL = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Procore</title>
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<div id="app"></div>
<script type="module" src="/assets/app.js"></script>
</body>
</html>
`;

let assets: Promise<{ js: string; css: string }> | null = null;

/** Built once per process: every sandbox started in a test run serves the same bundle. */
export function loadAssets(): Promise<{ js: string; css: string }> {
  assets ??= Promise.all([
    build({
      entryPoints: [clientFile('main.ts')],
      bundle: true,
      write: false,
      format: 'esm',
      target: 'es2022',
      sourcemap: 'inline',
    }),
    readFile(clientFile('styles.css'), 'utf8'),
  ]).then(([result, css]) => ({ js: result.outputFiles[0]?.text ?? '', css }));
  return assets;
}

export function pageRoutes(built: { js: string; css: string }): Hono {
  const pages = new Hono();
  const noStore = { 'Cache-Control': 'no-store' };
  pages.get('/assets/app.js', (c) =>
    c.body(built.js, 200, { ...noStore, 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
  pages.get('/assets/app.css', (c) =>
    c.body(built.css, 200, { ...noStore, 'Content-Type': 'text/css; charset=utf-8' }),
  );
  pages.get('/favicon.ico', (c) => c.body(null, 204));
  // Unknown paths get the shell too (the app says "Page not found"), with a 404 so tests notice.
  pages.get('*', (c) => c.html(SHELL, matchRoute(new URL(c.req.url).pathname) ? 200 : 404, noStore));
  return pages;
}
