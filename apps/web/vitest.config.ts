import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'happy-dom',
      setupFiles: ['./src/testing/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}'],
      css: false,
      restoreMocks: true,
      // A limit for a test that hangs, not a timing check: the screens' tests take 1–2 s alone and
      // passed 5 s (vitest's default) on a machine busy with other builds.
      testTimeout: 15_000,
    },
  }),
);
