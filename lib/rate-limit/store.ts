import 'server-only';
import type { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterDrizzle, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { getConfig } from '@/lib/config';
import { sql } from 'drizzle-orm';
import { type Db, getDb } from '@/lib/db/client';
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
    case 'database': {
      const db = await getDb();
      return new PreparedRateLimiterDrizzle({ ...options, storeClient: db, schema: rateLimits }, upsertsFor(db));
    }
  }
}

function prepareUpserts(db: Db) {
  const expired = sql`${rateLimits.expire} <= ${sql.placeholder('now')}`;
  const values = {
    key: sql.placeholder('key'),
    points: sql.placeholder('points'),
    expire: sql.placeholder('expire'),
  } as unknown as typeof rateLimits.$inferInsert;
  return {
    add: db
      .insert(rateLimits)
      .values(values)
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          points: sql`CASE WHEN ${expired} THEN ${sql.placeholder('points')} ELSE ${rateLimits.points} + ${sql.placeholder('points')} END`,
          expire: sql`CASE WHEN ${expired} THEN ${sql.placeholder('expire')} ELSE ${rateLimits.expire} END`,
        },
      })
      .returning()
      .prepare('rate_limit_add'),
    set: db
      .insert(rateLimits)
      .values(values)
      .onConflictDoUpdate({ target: rateLimits.key, set: { points: sql`${sql.placeholder('points')}`, expire: sql`${sql.placeholder('expire')}` } })
      .returning()
      .prepare('rate_limit_set'),
  };
}

type Upserts = ReturnType<typeof prepareUpserts>;
const upserts = new WeakMap<Db, Upserts>();

function upsertsFor(db: Db): Upserts {
  let prepared = upserts.get(db);
  if (!prepared) {
    prepared = prepareUpserts(db);
    upserts.set(db, prepared);
  }
  return prepared;
}

/**
 * rate-limiter-flexible's Drizzle store with its one write, the upsert every consume, reward,
 * penalty and block runs, as statements prepared once: the library builds the query afresh each
 * time, and for the sender lookup's two budgets that was a large part of its CPU (issue 16, part 4).
 * The statements are the library's own (11.4.0, RateLimiterDrizzle._upsert): atomic, one row per
 * key, a window that has ended starts again at this call's points.
 */
class PreparedRateLimiterDrizzle extends RateLimiterDrizzle {
  constructor(
    options: ConstructorParameters<typeof RateLimiterDrizzle>[0],
    private readonly statements: Upserts,
  ) {
    super(options);
  }

  async _upsert(key: string, points: number, msDuration: number, forceExpire = false) {
    const now = new Date();
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
    const [row] = await (forceExpire ? this.statements.set : this.statements.add).execute({ key, points, expire, now });
    return row;
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
