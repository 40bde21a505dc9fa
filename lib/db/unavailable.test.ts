import { once } from 'node:events';
import { type AddressInfo, createServer } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { Client, type Pool } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError, pageErrorMessage } from '@/lib/api/errors';
import { APPLICATION_NAME, closeDb, databaseAnswers, getDb } from '@/lib/db/client';
import { errorKind } from '@/lib/log';
import { type RequestOutcome, withRequestOutcome } from '@/lib/net/request-outcome';
import { forget } from '@/lib/process-state';
import { captureLogs } from '@/test/log';
import { useTestDatabase } from '@/test/db';
import { forPage, isDatabaseUnavailable } from './unavailable';

// What counts as "the database cannot be reached", on real errors: the driver's, the pool's,
// PGlite's and the server's own SQLSTATEs, and what must not count (a refused fetch elsewhere, a
// query the database refused).

let database: ReturnType<typeof useTestDatabase>;
/** A loopback port nothing listens on (fetch refuses to try port 1 at all). */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable('it should have failed'),
    (err: unknown) => err,
  );

describe('on a database', () => {
  database = useTestDatabase();

  describe('isDatabaseUnavailable', () => {
    it('is true for what a server that is going away says (57P01, a trigger standing in for it here)', async () => {
      const err = await failure(database.db().execute(sql.raw(`do $$ begin raise exception 'going away' using errcode = '57P01'; end $$`)));
      expect(isDatabaseUnavailable(err)).toBe(true);
      expect(errorKind(err)).toMatch(/^DrizzleQueryError <- \w+ 57P01$/);
    });

    it('is false for a query the database refused, logged by class and SQLSTATE without the query or its values', async () => {
      const err = await failure(database.db().execute(sql`select 1 / ${0}::int as "Aadhaar 999999990019"`));
      expect(isDatabaseUnavailable(err)).toBe(false);
      expect(errorKind(err)).toMatch(/^DrizzleQueryError <- \w+ 22012$/);
      expect(errorKind(err)).not.toMatch(/select|999999990019/);
    });

    it('is true once PGlite is closed', async () => {
      const client = new PGlite();
      const db = drizzle({ client });
      await db.execute(sql`select 1`);
      await client.close();
      expect(isDatabaseUnavailable(await failure(db.execute(sql`select 1`)))).toBe(true);
    });

    it('is false for a refused connection that is not the database’s (a fetch)', async () => {
      const err = await failure(fetch(`http://127.0.0.1:${await closedPort()}/`));
      expect(errorKind(err)).toMatch(/ECONNREFUSED/);
      expect(isDatabaseUnavailable(err)).toBe(false);
    });
  });

  describe('forPage', () => {
    it('turns an unreachable database into the 503 ApiError whose digest the error boundary reads, and tells the front server', async () => {
      const outcome: RequestOutcome = { unavailableRetryAfterSeconds: null };
      const err = await withRequestOutcome(outcome, () =>
        failure(forPage(() => database.db().execute(sql.raw(`do $$ begin raise exception 'x' using errcode = '08006'; end $$`)))),
      );
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ code: 'service_unavailable', status: 503, digest: 'agent-desk:service_unavailable' });
      expect((err as ApiError).options.headers).toEqual({ 'retry-after': '15' });
      expect(outcome.unavailableRetryAfterSeconds).toBe(15);
      expect(pageErrorMessage((err as ApiError).digest)).toBe('errors.service_unavailable');
    });

    it('leaves any other failure as it was (the page shows the generic message)', async () => {
      const outcome: RequestOutcome = { unavailableRetryAfterSeconds: null };
      const err = await withRequestOutcome(outcome, () => failure(forPage(() => database.db().execute(sql`select 1 / 0`))));
      expect(err).not.toBeInstanceOf(ApiError);
      expect(outcome.unavailableRetryAfterSeconds).toBeNull();
      expect(pageErrorMessage(undefined)).toBe('errors.internal');
      expect(pageErrorMessage('1234567890')).toBe('errors.internal');
    });
  });

  describe.skipIf(!process.env.TEST_DATABASE_URL)(
    `pooled connections the server ends${process.env.TEST_DATABASE_URL ? '' : ' (skipped: needs TEST_DATABASE_URL)'}`,
    () => {
      it('are logged once by their code, never an uncaught exception, and the next query connects again', async () => {
        const pool = (database.db() as unknown as { $client: Pool }).$client;
        // Some connections open and idle in the pool, as between an app's requests.
        await Promise.all(Array.from({ length: 3 }, () => pool.query('select pg_sleep(0.05)')));
        const uncaught: unknown[] = [];
        const onUncaught = (err: unknown) => uncaught.push(err);
        process.on('uncaughtException', onUncaught);
        const capture = captureLogs('info');
        const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
        try {
          await admin.connect();
          const lost = new Promise((resolve) => pool.once('error', resolve));
          // What `pg_ctl stop -m fast` does to each of them: FATAL 57P01, then the socket closes.
          const ended = await admin.query(
            `select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and datname = current_database() and pid <> pg_backend_pid()`,
            [APPLICATION_NAME],
          );
          expect(ended.rowCount).toBeGreaterThanOrEqual(3);
          expect(errorKind(await lost)).toMatch(/57P01/);
          await new Promise((r) => setTimeout(r, 200));
          expect((await pool.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
          expect(capture.lines().filter((l) => l.msg === 'database connection lost')).toEqual([
            expect.objectContaining({ level: 'warn', err: expect.stringMatching(/57P01/) }),
          ]);
          expect(capture.lines()).toContainEqual(expect.objectContaining({ msg: 'database connection made again' }));
          expect(uncaught).toEqual([]);
        } finally {
          capture.stop();
          process.off('uncaughtException', onUncaught);
          await admin.end();
        }
      });
    },
  );
});

describe('a PostgreSQL nobody answers at', () => {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, SANDBOX: process.env.SANDBOX, DATA_DIR: process.env.DATA_DIR };
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await closeDb();
    await forget('config');
  });

  it('refuses the pool’s connect: unavailable, logged by code, never the connection string; readiness says no', async () => {
    await closeDb();
    process.env.DATABASE_URL = `postgres://agentdesk:do-not-log-me@127.0.0.1:${await closedPort()}/agentdesk`;
    process.env.SANDBOX = '1';
    await forget('config');
    const capture = captureLogs('info');
    try {
      const err = await failure(getDb());
      expect(isDatabaseUnavailable(err)).toBe(true);
      expect(errorKind(err)).toMatch(/ECONNREFUSED/);
      expect(await databaseAnswers(2000)).toBe(false);
      expect(capture.lines()).toContainEqual(
        expect.objectContaining({ level: 'warn', msg: 'database connection lost', err: expect.stringMatching(/ECONNREFUSED/) }),
      );
      expect(capture.text()).not.toMatch(/do-not-log-me|agentdesk@/);
    } finally {
      capture.stop();
    }
  });
});
