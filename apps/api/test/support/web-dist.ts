import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A dashboard build as `vite build` and scripts/prerender-first-screens.mjs leave it, in a temporary
 * folder for WEB_DIST_DIR: `indexHtml`, an empty assets/, and `prerendered` files by name.
 */
export function aBuiltDashboard(
  indexHtml: string,
  prerendered: Record<string, string>,
): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hstf-web-'));
  mkdirSync(path.join(dir, 'assets'));
  mkdirSync(path.join(dir, 'prerendered'));
  writeFileSync(path.join(dir, 'index.html'), indexHtml);
  for (const [file, text] of Object.entries(prerendered))
    writeFileSync(path.join(dir, 'prerendered', file), text);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
