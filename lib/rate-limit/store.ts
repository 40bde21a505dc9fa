import 'server-only';
import type { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterDrizzle, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { rateLimits } from '@/lib/db/schema';

// The counter store, chosen by RATE_LIMIT_STORE: the database (default: every instance on one
// DATABASE_URL shares the counts, with nothing else to run), this process's memory (one instance
// only), or Redis (several instances, without a write to the database per counted call).

/** Our namespace in a Redis that may be shared with other applications. */
export const REDIS_KEY_PREFIX = 'agentdesk:rl:';

let redis: Promise<Redis> | undefined;

function redisClient(url: string): Promise<Redis> {
  redis ??= import('ioredis').then(({ Redis }) => {
    // One quick retry per command: while Redis is down, counting falls back to this process's
    // memory (the insurance limiter below) instead of making agents wait.
    const client = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
    let reachable = true;
    client.on('ready', () => {
      reachable = true;
    });
    client.on('error', (err: NodeJS.ErrnoException) => {
      // Once per outage, and never the URL: it may carry a password.
      if (reachable) console.error(`[rate-limit] Redis unreachable (${err.code ?? err.name}); counting in this process until it is back`);
      reachable = false;
    });
    // Wait briefly for the first connection so the first counts land in Redis, not the fallback.
    return new Promise<Redis>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve(client);
      };
      const timer = setTimeout(done, 2000);
      client.once('ready', done);
      client.once('error', done);
    });
  });
  return redis;
}

export async function createLimiter(name: string, rule: { points: number; duration: number }): Promise<RateLimiterAbstract> {
  const { store, redisUrl } = getConfig().rateLimit;
  const options = { keyPrefix: name, points: rule.points, duration: rule.duration };
  switch (store) {
    case 'memory':
      return new RateLimiterMemory(options);
    case 'redis':
      return new RateLimiterRedis({
        ...options,
        keyPrefix: `${REDIS_KEY_PREFIX}${name}`,
        // The configuration schema requires REDIS_URL with this store.
        storeClient: await redisClient(redisUrl!),
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(options),
      });
    case 'database':
      return new RateLimiterDrizzle({ ...options, storeClient: await getDb(), schema: rateLimits });
  }
}

/**
 * Readiness: whether the Redis holding the counters answers PING within `timeoutMs` (null when
 * the counters are not in Redis). While it does not, limits count in each process's memory.
 */
export async function redisAnswers(timeoutMs: number): Promise<boolean | null> {
  const { store, redisUrl } = getConfig().rateLimit;
  if (store !== 'redis') return null;
  const client = await redisClient(redisUrl!);
  if (client.status !== 'ready') return false;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      client.ping().then(
        (answer) => answer === 'PONG',
        () => false,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Drops the Redis connection; the next limiter reads the configuration afresh. */
export async function closeStores(): Promise<void> {
  const pending = redis;
  redis = undefined;
  if (pending) (await pending).disconnect();
}
