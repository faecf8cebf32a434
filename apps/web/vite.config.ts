import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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

export default defineConfig({
  plugins: [react()],
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
