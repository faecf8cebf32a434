/**
 * After `vite build`: the Fund's public page's first screen in each language, rendered by React from
 * the route's own components (src/features/public-page/prerender), written to
 * dist/prerendered/fund.json for the API to send inside /fund's index.html.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = await createServer({
  root,
  configFile: path.join(root, 'vite.config.ts'),
  appType: 'custom',
  logLevel: 'error',
  server: { middlewareMode: true, hmr: false, watch: null },
});
try {
  const { renderFirstScreens } = await server.ssrLoadModule(
    '/src/features/public-page/prerender/first-screens.tsx',
  );
  const screens = await renderFirstScreens();
  const out = path.join(root, 'dist/prerendered');
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, 'fund.json'), JSON.stringify(screens));
  console.log(`prerendered /fund's first screen in ${Object.keys(screens).join(', ')}`);
} finally {
  await server.close();
}
