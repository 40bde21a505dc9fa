import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sealForTests } from '@/lib/aadhaar/test-seal';
import { resetTransportKeyForTests } from '@/lib/aadhaar/transport-server';
import { rateLimits, type User } from '@/lib/db/schema';
import { cookieFor, createTestUser, useTestDatabase } from '@/lib/db/test-db';
import { resetRateLimitersForTests } from '@/lib/rate-limit';
import { REDIS_KEY_PREFIX } from '@/lib/rate-limit/store';
import { AADHAAR_FIXTURES } from '@/sandbox/eko/fixtures';
import type { EkoSandbox } from '@/sandbox/eko/server';
import { useEkoSandbox } from '@/sandbox/eko/test-helpers';
import { useRateLimitStore } from '@/test/rate-limit-store';
import { POST as aepsSendOtp } from './aeps/ekyc/otp/route';

// The same budget (AePS OTP send: 5 in 15 minutes per agent) on each counter store that
// RATE_LIMIT_STORE selects. The database store is what every other route test runs on.

const database = useTestDatabase();
const eko = useEkoSandbox();
let sandbox: EkoSandbox;
let agent: User;

beforeAll(() => resetTransportKeyForTests());
beforeEach(async () => {
  sandbox = eko.sandbox();
  agent = await createTestUser('agent');
});

async function sendOtp() {
  const body = { aadhaar: await sealForTests(AADHAAR_FIXTURES.success, { purpose: 'aeps_ekyc' }, agent), latlong: '28.613900,77.209000' };
  return aepsSendOtp(
    new Request('http://localhost/api/aeps/ekyc/otp', {
      method: 'POST',
      headers: { cookie: await cookieFor(agent), 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
}

/** Five OTPs go to Eko, the sixth is refused before it; a test reset starts the count again. */
async function expectBudgetEnforced() {
  for (let i = 0; i < 5; i++) expect((await sendOtp()).status).toBe(200);
  const refused = await sendOtp();
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(890);
  expect(sandbox.state.calls).toHaveLength(5);
}

describe('database store (the default)', () => {
  it('keeps the counts in the rate_limits table', async () => {
    await expectBudgetEnforced();
    const rows = await database.db().select().from(rateLimits);
    expect(rows).toEqual([expect.objectContaining({ key: `aepsOtpSend:${agent.id}`, points: 6 })]);
  });
});

describe('memory store', () => {
  useRateLimitStore({ RATE_LIMIT_STORE: 'memory' });

  it('enforces the budget in this process, without touching the database', async () => {
    await expectBudgetEnforced();
    expect(await database.db().select().from(rateLimits)).toEqual([]);
    await resetRateLimitersForTests();
    expect((await sendOtp()).status).toBe(200);
  });
});

const redisUrl = process.env.TEST_REDIS_URL;

describe.skipIf(!redisUrl)(`Redis store${redisUrl ? '' : ' (skipped: set TEST_REDIS_URL, e.g. redis://127.0.0.1:6390, to run it)'}`, () => {
  useRateLimitStore({ RATE_LIMIT_STORE: 'redis', REDIS_URL: redisUrl ?? '' });
  let probe: Redis;
  beforeAll(() => {
    probe = new Redis(redisUrl!);
  });
  afterAll(() => probe?.disconnect());

  it('keeps the counts in Redis, under the app’s prefix, expiring with the window', async () => {
    await expectBudgetEnforced();
    const key = `${REDIS_KEY_PREFIX}aepsOtpSend:${agent.id}`;
    expect(await probe.get(key)).toBe('6');
    const ttl = await probe.ttl(key);
    expect(ttl).toBeGreaterThan(890);
    expect(ttl).toBeLessThanOrEqual(900);
    expect(await database.db().select().from(rateLimits)).toEqual([]);
  });

  it('a test reset deletes the app’s keys, so the budget is whole again', async () => {
    await expectBudgetEnforced();
    await resetRateLimitersForTests();
    expect(await probe.keys(`${REDIS_KEY_PREFIX}*`)).toEqual([]);
    expect((await sendOtp()).status).toBe(200);
  });
});

describe('Redis store, Redis unreachable', () => {
  // Nothing listens on port 1; the password must never reach the log.
  useRateLimitStore({ RATE_LIMIT_STORE: 'redis', REDIS_URL: 'redis://:do-not-log-me@127.0.0.1:1' });

  it('still enforces the budget, counting in this process, and logs the outage without the URL', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expectBudgetEnforced();
      const logged = log.mock.calls.map((args) => args.join(' ')).join('\n');
      expect(logged).toMatch(/Redis unreachable/);
      expect(logged).not.toMatch(/do-not-log-me|127\.0\.0\.1:1\b/);
    } finally {
      log.mockRestore();
    }
  });
});
