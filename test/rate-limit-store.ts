import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { forget } from '@/lib/process-state';
import { REDIS_KEY_PREFIX } from '@/lib/rate-limit/store';

/**
 * Every count back to zero: limiters dropped (with the memory store's counts), and the app's keys
 * deleted from the Redis the environment names. The database store's rows go with the tables
 * (test/db.ts empties them).
 */
export async function resetRateLimits(): Promise<void> {
  await forget('rateLimiters');
  if (process.env.RATE_LIMIT_STORE !== 'redis' || !process.env.REDIS_URL) return;
  const client = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 1000, lazyConnect: true });
  client.on('error', () => {}); // connect() below reports it
  try {
    await client.connect();
    const keys = await client.keys(`${REDIS_KEY_PREFIX}*`);
    if (keys.length > 0) await client.del(...keys);
  } catch {
    // An unreachable Redis (the outage test) holds no counts to reset.
  } finally {
    client.disconnect();
  }
}

/** Runs the tests of one block with RATE_LIMIT_STORE (and REDIS_URL) set, restoring them after. */
export function useRateLimitStore(env: Record<string, string>) {
  beforeAll(async () => {
    Object.assign(process.env, env);
    await forget('config');
    await resetRateLimits();
  });
  afterAll(async () => {
    await resetRateLimits();
    for (const name of Object.keys(env)) delete process.env[name];
    await forget('config');
  });
}

/** Every counter store RATE_LIMIT_STORE can select; Redis only where TEST_REDIS_URL names one. */
export const RATE_LIMIT_STORES: [string, Record<string, string>][] = [
  ['database', {}],
  ['memory', { RATE_LIMIT_STORE: 'memory' }],
  ...(process.env.TEST_REDIS_URL
    ? ([['redis', { RATE_LIMIT_STORE: 'redis', REDIS_URL: process.env.TEST_REDIS_URL }]] as [string, Record<string, string>][])
    : []),
];
