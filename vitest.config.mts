import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@/': root,
      // `server-only` throws outside React's server build; tests run server modules directly.
      'server-only': fileURLToPath(new URL('./scripts/empty-module.ts', import.meta.url)),
    },
  },
  test: {
    include: ['{app,lib,components,sandbox,scripts}/**/*.test.ts'],
    environment: 'node',
    // Route handlers log a line per request; tests that check logs capture them (lib/log.ts).
    env: { LOG_LEVEL: 'silent' },
    testTimeout: 20_000,
    // Opening PGlite (initdb + WASM) takes seconds on a busy 2-core machine.
    hookTimeout: 60_000,
  },
});
