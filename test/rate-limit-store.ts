import { afterAll, beforeAll } from 'vitest';
import { resetConfigForTests } from '@/lib/config';
import { resetRateLimitersForTests } from '@/lib/rate-limit';

/** Runs the tests of one block with RATE_LIMIT_STORE (and REDIS_URL) set, restoring them after. */
export function useRateLimitStore(env: Record<string, string>) {
  beforeAll(async () => {
    Object.assign(process.env, env);
    resetConfigForTests();
    await resetRateLimitersForTests();
  });
  afterAll(async () => {
    await resetRateLimitersForTests();
    for (const name of Object.keys(env)) delete process.env[name];
    resetConfigForTests();
  });
}

/** Every counter store RATE_LIMIT_STORE can select; Redis only where TEST_REDIS_URL names one. */
export const RATE_LIMIT_STORES: [string, Record<string, string>][] = [
  ['database', {}],
  ['memory', { RATE_LIMIT_STORE: 'memory' }],
  ...(process.env.TEST_REDIS_URL ? ([['redis', { RATE_LIMIT_STORE: 'redis', REDIS_URL: process.env.TEST_REDIS_URL }]] as [string, Record<string, string>][]) : []),
];
