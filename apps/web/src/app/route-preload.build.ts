import path from 'node:path';
import type { OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

/**
 * The screens whose code is fetched from the first moment, keyed by the addresses that open them:
 * the screens people open from a link or a bookmark (the landing page, a project).
 * Files are relative to apps/web/src; a screen inside the shell also gets the shell's code and the
 * features' strings, which the router loads with it.
 */
const SIGNED_IN_SHELL = ['app/layout/AppLayout.tsx', 'i18n/bundles/en.ts'];
export const PRELOADED_SCREENS: { path: RegExp; modules: string[] }[] = [
  { path: /^\/$/, modules: [...SIGNED_IN_SHELL, 'features/overview/routes/OverviewRoute.tsx'] },
  {
    path: /^\/projects\/(?!new\/?$)[^/]+\/?$/,
    modules: [...SIGNED_IN_SHELL, 'features/projects/routes/ProjectRoute.tsx'],
  },
];

/** The files a chunk needs before it runs: itself, what it imports statically, their styles. */
function filesOf(bundle: OutputBundle, chunk: OutputChunk, into = new Set<string>()): Set<string> {
  if (into.has(chunk.fileName)) return into;
  into.add(chunk.fileName);
  for (const css of chunk.viteMetadata?.importedCss ?? []) into.add(css);
  for (const next of chunk.imports) {
    const imported = bundle[next];
    if (imported?.type === 'chunk') filesOf(bundle, imported, into);
  }
  return into;
}

/**
 * The router fetches a screen's code only once the entry's chunks (React, the router, i18n) have
 * been downloaded and run: on a phone the screen's own chunks then start about a second late, and the
 * network idles while the entry runs. A small classic script, loaded from index.html before the
 * entry (the CSP allows no inline script), reads the address and asks for the screen's chunks at
 * once (modulepreload, which the router's import() then finds in the cache).
 */
export function routePreload(sourceRoot: string): Plugin {
  let base = '/';
  let scriptFile: string | undefined;
  return {
    name: 'hstf-route-preload',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    // Once the chunks are final, before index.html is written and the compression plugin runs.
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk');
      // What index.html loads anyway.
      const entry = new Set<string>();
      for (const chunk of chunks) if (chunk.isEntry) filesOf(bundle, chunk, entry);
      const routes = PRELOADED_SCREENS.map(({ path: address, modules }) => {
        const files = new Set<string>();
        for (const module of modules) {
          const id = path.join(sourceRoot, module);
          const chunk =
            chunks.find((c) => c.facadeModuleId === id) ?? chunks.find((c) => c.moduleIds.includes(id));
          if (!chunk) throw new Error(`route-preload: no chunk holds ${module}`);
          filesOf(bundle, chunk, files);
        }
        return [address.source, [...files].filter((file) => !entry.has(file))] as const;
      });
      scriptFile = this.getFileName(
        this.emitFile({ type: 'asset', name: 'route-preload.js', source: preloadScript(routes, base) }),
      );
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        scriptFile
          ? html.replace(
              /<script type="module"/,
              `<script async src="${base}${scriptFile}"></script>\n    <script type="module"`,
            )
          : html,
    },
  };
}

/** Plain ES5 that runs before any module: adds a preload for each file of the screen at this address. */
function preloadScript(routes: (readonly [string, string[]])[], base: string): string {
  return `(function () {
  var routes = ${JSON.stringify(routes)};
  for (var i = 0; i < routes.length; i++) {
    if (!new RegExp(routes[i][0]).test(location.pathname)) continue;
    for (var j = 0; j < routes[i][1].length; j++) {
      var file = routes[i][1][j];
      var link = document.createElement('link');
      if (/\\.css$/.test(file)) {
        link.rel = 'preload';
        link.as = 'style';
      } else {
        link.rel = 'modulepreload';
      }
      link.crossOrigin = '';
      link.href = ${JSON.stringify(base)} + file;
      document.head.appendChild(link);
    }
    return;
  }
})();
`;
}
