import { defineConfig } from 'vitest/config';
import base from './vitest.config.mts';

// The database-fault test (test/database-faults.test.ts) on its own: it starts the built app on a
// PostgreSQL and a Redis of its own and stops them under it, so `npm test` runs it after the
// build, never with the unit tests.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/database-faults.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // One app, one PostgreSQL, one Redis, taken down in turn: the tests run in order.
    sequence: { concurrent: false },
  },
});
