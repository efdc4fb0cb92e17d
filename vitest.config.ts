import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      root: '.',
      environment: 'jsdom',
      include: ['frontend/src/**/*.test.{ts,tsx}'],
      setupFiles: ['frontend/src/test/setup.ts'],
      css: false,
      testTimeout: 15000,
    },
  }),
);
