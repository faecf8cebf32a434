import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { buildWorldMap } from './src/features/overview/components/map/world-map.build.ts';

const domainSource = fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url));

/**
 * Long-lived vendor code in its own chunks, so a new release only invalidates the app's own code.
 * Mantine is left to the automatic splitting on purpose: each screen then carries the components it
 * uses (the table, the app shell) and the sign-in page downloads only the few it needs.
 */
const vendorChunks: [name: string, test: RegExp][] = [
  ['react', /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/],
  ['data', /node_modules[\\/](@tanstack|openapi-fetch|openapi-react-query)[\\/]/],
  [
    'i18n',
    /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements|use-sync-external-store)[\\/]/,
  ],
];

const WORLD_MAP = 'virtual:world-map';

/**
 * `import worldMap from 'virtual:world-map'`: the overview's map, projected and simplified while
 * building (see world-map.build.ts), as JSON.parse of a string, which browsers read faster than the
 * same object literal.
 */
function worldMap(): Plugin {
  return {
    name: 'hstf-world-map',
    resolveId: (id) => (id === WORLD_MAP ? `\0${WORLD_MAP}` : undefined),
    load: (id) =>
      id === `\0${WORLD_MAP}`
        ? `export default JSON.parse(${JSON.stringify(JSON.stringify(buildWorldMap()))});`
        : undefined,
  };
}

export default defineConfig({
  plugins: [react(), worldMap()],
  resolve: {
    alias: {
      // libs/domain is built to CommonJS for the API; the web bundles its TypeScript source.
      '@hstf/domain': domainSource,
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: vendorChunks.map(([name, test]) => ({ name, test })),
        },
      },
    },
  },
});
