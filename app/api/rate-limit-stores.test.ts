import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sealForTests } from '@/test/seal';

import { rateLimits, type User } from '@/lib/db/schema';
import { cookieFor, createTestUser, useTestDatabase } from '@/test/db';
import { consume, RATE_RULES } from '@/lib/rate-limit';
import { REDIS_KEY_PREFIX } from '@/lib/rate-limit/store';
import { AADHAAR_FIXTURES } from '@/sandbox/eko/fixtures';
import type { EkoSandbox } from '@/sandbox/eko/server';
import { useEkoSandbox } from '@/sandbox/eko/test-helpers';
import { useRateLimitStore } from '@/test/rate-limit-store';
import { POST as aepsSendOtp } from './aeps/ekyc/otp/route';
import { GET as senderLookup } from './senders/[mobile]/route';
import { POST as deviceError } from './telemetry/device-errors/route';
import { forget } from '@/lib/process-state';
import { resetRateLimits } from '@/test/rate-limit-store';

// The same budgets (AePS OTP send: 5 in 15 minutes per agent; sender lookup: 200 in 15 minutes
// and 1,500 a day per agent; device-error reports: 60 an hour per agent) on each counter store
// that RATE_LIMIT_STORE selects. The database store is what every other route test runs on.

const database = useTestDatabase();
const eko = useEkoSandbox();
let sandbox: EkoSandbox;
let agent: User;

beforeAll(() => forget('transportKey'));
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

async function lookup() {
  return senderLookup(new Request('http://localhost/api/senders/9000000001', { headers: { cookie: await cookieFor(agent) } }), {
    params: Promise.resolve({ mobile: '9000000001' }),
  });
}

async function reportDeviceError() {
  return deviceError(
    new Request('http://localhost/api/telemetry/device-errors', {
      method: 'POST',
      headers: { cookie: await cookieFor(agent), 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ errCode: '720', deviceModel: 'MFS110 999999990019' }),
    }),
    { params: Promise.resolve({}) },
  );
}

/** Lookups spend both windows; past the 15-minute one the next is refused before Eko. Telemetry is capped. */
async function expectLookupAndTelemetryBudgetsEnforced() {
  const points = RATE_RULES.senderLookupPerAgent.points;
  for (let i = 0; i < points - 1; i++) await consume([{ rule: 'senderLookupPerAgent', key: agent.id }]);
  const last = await lookup();
  expect(last.status).toBe(200);
  expect(last.headers.get('x-ratelimit-remaining')).toBe('0');
  const refused = await lookup();
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(890);
  expect(sandbox.state.calls.filter((c) => c.method === 'GET')).toHaveLength(1);

  const cap = RATE_RULES.deviceErrorsPerAgent.points;
  for (let i = 0; i < cap - 1; i++) await consume([{ rule: 'deviceErrorsPerAgent', key: agent.id }]);
  expect((await reportDeviceError()).status).toBe(202);
  expect((await reportDeviceError()).status).toBe(429);
}

describe('database store (the default)', () => {
  it('keeps the counts in the rate_limits table', async () => {
    await expectBudgetEnforced();
    const rows = await database.db().select().from(rateLimits);
    expect(rows).toEqual([expect.objectContaining({ key: `aepsOtpSend:${agent.id}`, points: 6 })]);
  });

  it('keeps the lookup and device-error counts there too', async () => {
    await expectLookupAndTelemetryBudgetsEnforced();
    const rows = await database.db().select().from(rateLimits);
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: `senderLookupPerAgent:${agent.id}`, points: 201 }),
        expect.objectContaining({ key: `senderLookupPerAgentDaily:${agent.id}`, points: 1 }),
        expect.objectContaining({ key: `deviceErrorsPerAgent:${agent.id}`, points: 61 }),
      ]),
    );
  });
});

describe('memory store', () => {
  useRateLimitStore({ RATE_LIMIT_STORE: 'memory' });

  it('enforces the budget in this process, without touching the database', async () => {
    await expectBudgetEnforced();
    expect(await database.db().select().from(rateLimits)).toEqual([]);
    await resetRateLimits();
    expect((await sendOtp()).status).toBe(200);
  });

  it('enforces the lookup and device-error budgets in this process', async () => {
    await expectLookupAndTelemetryBudgetsEnforced();
    expect(await database.db().select().from(rateLimits)).toEqual([]);
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

  it('keeps the lookup (both windows) and device-error counts in Redis, expiring with their windows', async () => {
    await expectLookupAndTelemetryBudgetsEnforced();
    expect(await probe.get(`${REDIS_KEY_PREFIX}senderLookupPerAgent:${agent.id}`)).toBe('201');
    expect(await probe.get(`${REDIS_KEY_PREFIX}senderLookupPerAgentDaily:${agent.id}`)).toBe('1');
    expect(await probe.ttl(`${REDIS_KEY_PREFIX}senderLookupPerAgentDaily:${agent.id}`)).toBeGreaterThan(86_000);
    expect(await probe.get(`${REDIS_KEY_PREFIX}deviceErrorsPerAgent:${agent.id}`)).toBe('61');
    expect(await database.db().select().from(rateLimits)).toEqual([]);
  });

  it('a test reset deletes the app’s keys, so the budget is whole again', async () => {
    await expectBudgetEnforced();
    await resetRateLimits();
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
