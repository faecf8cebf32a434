import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A dashboard build as `vite build` and scripts/prerender-first-screens.mjs leave it, in a temporary
 * folder for WEB_DIST_DIR: `indexHtml`, an empty assets/, `prerendered` files by name, and the
 * build's manifest (.vite/manifest.json) when one is given.
 */
export function aBuiltDashboard(
  indexHtml: string,
  prerendered: Record<string, string>,
  manifest?: Record<string, unknown>,
): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hstf-web-'));
  mkdirSync(path.join(dir, 'assets'));
  mkdirSync(path.join(dir, 'prerendered'));
  writeFileSync(path.join(dir, 'index.html'), indexHtml);
  for (const [file, text] of Object.entries(prerendered))
    writeFileSync(path.join(dir, 'prerendered', file), text);
  if (manifest) {
    mkdirSync(path.join(dir, '.vite'));
    writeFileSync(path.join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
