import 'server-only';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Pool, PoolClient } from 'pg';
import { getConfig } from '@/lib/config';
import { errorKind, logger } from '@/lib/log';
import * as schema from './schema';
import { markPoolError } from './unavailable';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

const MIGRATIONS = join(process.cwd(), 'drizzle');
const MIGRATION_LOCK_ID = 731_402; // pg_advisory_lock: instances starting together migrate once
/** What the app's PostgreSQL connections call themselves (pg_stat_activity.application_name). */
export const APPLICATION_NAME = 'agent-desk';

interface DbHandle {
  db: Db;
  close: () => Promise<void>;
}

function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no data-directory lock and two processes on one folder lose writes
 * (electric-sql/pglite#323), so we keep a pid file beside it.
 */
function takePgliteLock(dir: string): () => void {
  const lockFile = `${dir}.lock`;
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    if (pid && pid !== process.pid && pidIsAlive(pid)) {
      throw new Error(
        `The embedded database ${dir} is already open in process ${pid}. Stop that process first, ` +
          'or set DATABASE_URL to share a PostgreSQL database between processes.',
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  const release = () => {
    try {
      if (readFileSync(lockFile, 'utf8').trim() === String(process.pid)) rmSync(lockFile);
    } catch {
      /* already gone */
    }
  };
  process.once('exit', release);
  return release;
}

/**
 * A failed migration says what the database said (a migration's own RAISE, naming what to mend),
 * not only which query failed.
 */
export async function migrated(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause;
    throw new Error(`database migration failed: ${cause instanceof Error ? cause.message : (err as Error).message}`, { cause: err });
  }
}

async function openPglite(dataDir: string): Promise<DbHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  let client: InstanceType<typeof PGlite>;
  let release = () => {};
  if (dataDir === 'memory') {
    client = new PGlite();
  } else {
    mkdirSync(dataDir, { recursive: true });
    const dir = join(dataDir, 'pglite');
    release = takePgliteLock(dir);
    client = new PGlite(dir);
  }
  const db = drizzle({ client, schema, casing: 'snake_case' });
  await migrated(() => migrate(db, { migrationsFolder: MIGRATIONS }));
  return {
    db: db as unknown as Db,
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * A dropped connection must never crash the process: pg emits `error` on a client whose server
 * went away (an idle one through the pool, a checked-out one on itself), and an event nobody
 * listens to is an uncaught exception. Logged once per outage, by code only (the message may name
 * the host; the connection string is never logged); the first connection made afterwards says the
 * database is back. Connect failures are marked as the database's (lib/db/unavailable.ts).
 */
function watch(pool: Pool): void {
  let lost = false;
  const onError = (err: unknown) => {
    if (!lost) logger().warn({ err: errorKind(err) }, 'database connection lost');
    lost = true;
  };
  pool.on('error', onError);
  pool.on('connect', (client: PoolClient) => {
    client.on('error', onError);
    if (lost) logger().info('database connection made again');
    lost = false;
  });
  const connect = pool.connect.bind(pool) as (cb?: (err: Error | undefined, client?: PoolClient, done?: () => void) => void) => Promise<PoolClient> | void;
  // pool.query() connects through the callback form, drizzle's transactions through the promise.
  pool.connect = ((cb?: (err: Error | undefined, client?: PoolClient, done?: () => void) => void) => {
    if (cb)
      return connect((err, client, done) => {
        if (err) onError(markPoolError(err));
        cb(err, client, done);
      });
    return (connect() as Promise<PoolClient>).catch((err: unknown) => {
      onError(markPoolError(err));
      throw err;
    });
  }) as Pool['connect'];
}

async function openPostgres(url: string): Promise<DbHandle> {
  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  // application_name: an operator (and the outage test) can tell the app's connections apart.
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000, application_name: APPLICATION_NAME });
  watch(pool);
  const db = drizzle({ client: pool, schema, casing: 'snake_case' });
  const conn = await pool.connect();
  try {
    await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await migrated(() => migrate(db, { migrationsFolder: MIGRATIONS }));
  } finally {
    await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => {});
    conn.release();
  }
  return { db: db as unknown as Db, close: () => pool.end() };
}

// One instance per process, kept on globalThis so dev-mode reloads never open a second PGlite.
const globalForDb = globalThis as unknown as { agentDeskDb?: Promise<DbHandle> };

/** Opens the database once (PostgreSQL with DATABASE_URL, else PGlite) and applies migrations. */
export function getDbHandle(): Promise<DbHandle> {
  if (!globalForDb.agentDeskDb) {
    const config = getConfig();
    const opening = config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
    globalForDb.agentDeskDb = opening;
    // A failed open must not be cached forever: the next request tries again.
    globalForDb.agentDeskDb.catch(() => {
      globalForDb.agentDeskDb = undefined;
    });
  }
  return globalForDb.agentDeskDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Tests: close and forget the instance so the next getDb() opens afresh. */
export async function closeDb(): Promise<void> {
  const pending = globalForDb.agentDeskDb;
  globalForDb.agentDeskDb = undefined;
  if (pending) await (await pending).close();
}

/**
 * Readiness: whether the database answers `select 1` within `timeoutMs`. Never throws; a query
 * still waiting when the time is up is left to the pool's own timeouts.
 */
export async function databaseAnswers(timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const ping = getDb()
    .then((db) => db.execute(sql`select 1`))
    .then(
      () => true,
      () => false,
    );
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([ping, late]);
  } finally {
    clearTimeout(timer);
  }
}
