import { once } from 'node:events';
import { type AddressInfo, createServer } from 'node:net';
import type * as NextServer from 'next/server';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { closeDb } from '@/lib/db/client';
import { forget } from '@/lib/process-state';
import { useTestDatabase } from '@/test/db';
import { useRateLimitStore } from '@/test/rate-limit-store';
import { GET as liveness } from '../route';
import { GET as readiness } from './route';

// Liveness answers whatever the database does; readiness says whether this instance can serve an
// agent: the database answers, and Redis where it holds the counters. Nothing of a URL leaks.

// connection() needs Next's request scope, which in-process calls do not have (as in fuzz.test.ts).
vi.mock('next/server', async (original) => ({ ...(await original<typeof NextServer>()), connection: async () => undefined }));

async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

async function get(handler: typeof readiness, path: string) {
  const res = await handler(new Request(`http://localhost${path}`), { params: Promise.resolve({}) });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as unknown, text, retryAfter: res.headers.get('retry-after') };
}

describe('with the database up', () => {
  useTestDatabase();

  it('is ready (no Redis to check on the database store)', async () => {
    expect(await get(readiness, '/api/health/ready')).toMatchObject({ status: 200, body: { ok: true, checks: { database: 'ok' } } });
  });

  describe('and the counters in a Redis that does not answer', () => {
    useRateLimitStore({ RATE_LIMIT_STORE: 'redis', REDIS_URL: 'redis://:do-not-log-me@127.0.0.1:1' });
    it('is not ready, naming Redis, without its URL', async () => {
      const res = await get(readiness, '/api/health/ready');
      expect(res).toMatchObject({ status: 503, retryAfter: '15', body: { ok: false, checks: { database: 'ok', redis: 'down' } } });
      expect(res.text).not.toMatch(/do-not-log-me|127\.0\.0\.1/);
    });
  });

  const redisUrl = process.env.TEST_REDIS_URL;
  describe.skipIf(!redisUrl)(`and the counters in a Redis that answers${redisUrl ? '' : ' (skipped: set TEST_REDIS_URL)'}`, () => {
    useRateLimitStore({ RATE_LIMIT_STORE: 'redis', REDIS_URL: redisUrl ?? '' });
    it('is ready, with both checks', async () => {
      expect(await get(readiness, '/api/health/ready')).toMatchObject({ status: 200, body: { ok: true, checks: { database: 'ok', redis: 'ok' } } });
    });
  });
});

describe('with a PostgreSQL nobody answers at', () => {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, SANDBOX: process.env.SANDBOX };
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await closeDb();
    await forget('config');
  });

  it('is not ready (database down, nothing of the URL), while liveness still answers', async () => {
    await closeDb();
    process.env.DATABASE_URL = `postgres://agentdesk:do-not-log-me@127.0.0.1:${await closedPort()}/agentdesk`;
    process.env.SANDBOX = '1';
    await forget('config');
    const res = await get(readiness, '/api/health/ready');
    expect(res).toMatchObject({ status: 503, retryAfter: '15', body: { ok: false, checks: { database: 'down' } } });
    expect(res.text).not.toMatch(/do-not-log-me|127\.0\.0\.1|ECONN/);
    expect(await get(liveness, '/api/health')).toMatchObject({ status: 200, body: { ok: true } });
  });
});
