/**
 * After `vite build`: the Fund's public page's first screen in each language, rendered by React from
 * the route's own components (src/features/public-page/prerender), written to
 * dist/prerendered/fund.json for the API to send inside /fund's index.html; and the rules of the
 * dashboard's stylesheet that this first screen uses, in dist/prerendered/fund.css, which the API
 * inlines so that the page paints without waiting for the whole stylesheet (36 KB gzip).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postcss from 'postcss';
import { createServer } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

/**
 * The rules of `css` that can apply to `html`: a selector is kept unless it names a class the
 * markup does not have. Rules without classes (the variables on :root, the page's base styles)
 * and at-rules around kept rules stay, in their order, so the cascade is the stylesheet's own.
 */
function rulesUsedBy(css, html) {
  const classes = new Set(
    [...html.matchAll(/class="([^"]*)"/g)].flatMap(([, list = '']) => list.split(/\s+/).filter(Boolean)),
  );
  const tree = postcss.parse(css);
  tree.walkRules((rule) => {
    // Keyframes' steps are not selectors.
    if (rule.parent?.type === 'atrule' && /keyframes$/i.test(rule.parent.name)) return;
    const kept = rule.selectors.filter((selector) =>
      [...selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].every(([, name]) => classes.has(name)),
    );
    if (kept.length === 0) rule.remove();
    else rule.selectors = kept;
  });
  // At-rules left empty by the pruning.
  tree.walkAtRules((atRule) => {
    if (atRule.nodes && atRule.nodes.length === 0) atRule.remove();
  });
  return tree.toString();
}

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
  const out = path.join(dist, 'prerendered');
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, 'fund.json'), JSON.stringify(screens));

  // index.html's own stylesheets (the entry's), which hold every rule the first screen uses.
  const indexHtml = await readFile(path.join(dist, 'index.html'), 'utf8');
  const stylesheets = [...indexHtml.matchAll(/<link rel="stylesheet"[^>]* href="\/(assets\/[^"]+\.css)"/g)];
  const css = (
    await Promise.all(stylesheets.map(([, file = '']) => readFile(path.join(dist, file), 'utf8')))
  ).join('\n');
  const used = rulesUsedBy(
    css,
    Object.values(screens)
      .map((screen) => screen.html)
      .join(''),
  );
  await writeFile(path.join(out, 'fund.css'), used);
  console.log(
    `prerendered /fund's first screen in ${Object.keys(screens).join(', ')}, ` +
      `with ${Math.round(used.length / 1024)} KB of the ${Math.round(css.length / 1024)} KB of styles`,
  );
} finally {
  await server.close();
}
