import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, type TestApp } from './test-app';

/**
 * A dashboard build as `vite build` and scripts/prerender-first-screens.mjs leave it, in a temporary
 * folder for WEB_DIST_DIR: `indexHtml`, `assets` and `prerendered` files by name.
 */
export function aBuiltDashboard(
  indexHtml: string,
  prerendered: Record<string, string>,
  assets: Record<string, string> = {},
): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hstf-web-'));
  mkdirSync(path.join(dir, 'assets'));
  mkdirSync(path.join(dir, 'prerendered'));
  writeFileSync(path.join(dir, 'index.html'), indexHtml);
  for (const [file, text] of Object.entries(prerendered))
    writeFileSync(path.join(dir, 'prerendered', file), text);
  for (const [file, text] of Object.entries(assets)) writeFileSync(path.join(dir, 'assets', file), text);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The entry script and the stylesheet `vite build` puts in index.html's head. */
export const VITE_ENTRY_SCRIPT = '<script type="module" crossorigin src="/assets/index-1.js"></script>';
export const VITE_STYLESHEET = '<link rel="stylesheet" crossorigin href="/assets/start-1.css">';

/** index.html as Vite writes it, with `tags` (a build's scripts and links) in its head. */
export function viteIndexHtml(...tags: string[]): string {
  return (
    '<!doctype html>\n<html lang="en" dir="ltr">\n  <head>\n    <meta charset="UTF-8" />\n' +
    '    <title>HSTF Portfolio</title>\n' +
    tags.map((tag) => `    ${tag}\n`).join('') +
    '  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n'
  );
}

/**
 * The API serving a minimal dashboard build (index.html and one hashed asset, `/assets/app-1234.js`),
 * for the tests of what its answers carry; close() removes the build too.
 */
export async function createTestAppWithDashboard(env: Record<string, string> = {}): Promise<TestApp> {
  const dashboard = aBuiltDashboard(
    '<!doctype html><title>HSTF</title>',
    {},
    { 'app-1234.js': 'console.log(1);' },
  );
  const t = await createTestApp({ ...env, WEB_DIST_DIR: dashboard.dir });
  return {
    ...t,
    close: async () => {
      await t.close();
      dashboard.remove();
    },
  };
}
