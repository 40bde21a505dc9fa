import { defineConfig } from 'vitest/config';
import base from './vitest.config.mts';

// The two-instance test (test/two-instances.test.ts) on its own: it starts the built app twice,
// so `npm test` runs it after the build, in its PostgreSQL pass, and never with the unit tests.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/two-instances.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
