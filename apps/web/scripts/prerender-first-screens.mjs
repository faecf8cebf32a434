/**
 * After `vite build`: the first screens the API sends drawn (apps/api/src/common/first-screen),
 * rendered by React from the routes' own components in each language:
 *   fund.json      the Fund's public page (src/features/public-page/prerender);
 *   sign-in.json   the sign-in page, for a reader without a session (src/features/auth/prerender);
 *   overview.json  the overview for each role, in its shell (src/app/prerender), for a signed-in reader;
 *   project.json   a project's page for each role that reads it, its texts left to the API
 *                  (src/features/projects/prerender);
 * each beside the rules of the dashboard's stylesheet its screens use (fund.css, sign-in.css, overview.css, project.css),
 * which the API inlines so that the page paints without waiting for the whole stylesheet (36 KB gzip).
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
// index.html's own stylesheets (the entry's), which hold every rule the first screens use.
const indexHtml = await readFile(path.join(dist, 'index.html'), 'utf8');
const stylesheets = [...indexHtml.matchAll(/<link rel="stylesheet"[^>]* href="\/(assets\/[^"]+\.css)"/g)];
const css = (
  await Promise.all(stylesheets.map(([, file = '']) => readFile(path.join(dist, file), 'utf8')))
).join('\n');
const out = path.join(dist, 'prerendered');
await mkdir(out, { recursive: true });

/** Writes `<name>.json` and the styles its markup uses, `<name>.css`. */
async function write(name, screens, markupOf) {
  await writeFile(path.join(out, `${name}.json`), JSON.stringify(screens));
  const used = rulesUsedBy(css, Object.values(screens).map(markupOf).join(''));
  await writeFile(path.join(out, `${name}.css`), used);
  console.log(
    `prerendered ${name}'s first screens in ${Object.keys(screens).join(', ')}, ` +
      `with ${Math.round(used.length / 1024)} KB of the ${Math.round(css.length / 1024)} KB of styles`,
  );
}

try {
  const { renderFirstScreens } = await server.ssrLoadModule(
    '/src/features/public-page/prerender/first-screens.tsx',
  );
  await write('fund', await renderFirstScreens(), (screen) => screen.html);
  const { renderSignInFirstScreens } = await server.ssrLoadModule(
    '/src/features/auth/prerender/first-screens.tsx',
  );
  await write('sign-in', await renderSignInFirstScreens(), (screen) => screen.html);
  const { renderSignedInFirstScreens } = await server.ssrLoadModule(
    '/src/app/prerender/signed-in-first-screens.tsx',
  );
  await write('overview', await renderSignedInFirstScreens(), (screen) =>
    Object.values(screen.roles).join(''),
  );
  const { renderProjectFirstScreens } = await server.ssrLoadModule(
    '/src/features/projects/prerender/first-screens.tsx',
  );
  await write('project', await renderProjectFirstScreens(), (screen) =>
    [
      ...Object.values(screen.roles),
      ...Object.values(screen.stages),
      ...Object.values(screen.paragraph6),
      screen.originalTitle,
    ].join(''),
  );
} finally {
  await server.close();
}
