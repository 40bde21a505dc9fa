import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '@/lib/auth/demo-accounts';
import { en } from '@/lib/i18n/en';
import { hi } from '@/lib/i18n/hi';
import { SANDBOX_OTP } from '@/sandbox/eko/fixtures';
import { signInReady } from '@/scripts/lib/agents';
import { type SharedInstances, startSharedInstances } from '@/scripts/lib/app-stack';
import { buildIsCurrent, ROOT } from '@/scripts/lib/build';
import { freePort } from '@/scripts/lib/processes';
import {
  findPostgresBin,
  findRedisServer,
  type PrivatePostgres,
  type PrivateRedis,
  startPrivatePostgres,
  startPrivateRedis,
} from '@/scripts/lib/private-services';

// The database, then Redis, stopped and started again under the built app (scripts/serve.ts in
// front of Next, as `npm start` serves it), both private to this test (scripts/lib/private-services.ts):
// the machine's shared servers are never touched. The app runs in sandbox mode against the Eko
// sandbox, with its rate-limit counters in Redis. What an agent and a load balancer see is read
// over HTTP; what the app wrote, from its log file.
//
// `npm test` runs this file after the build (vitest.database-faults.config.mts); by hand, after
// `next build`: npx vitest run --config vitest.database-faults.config.mts
// It needs Debian's postgresql and redis-server packages (.ci/run installs them); without them
// it fails, saying so, rather than skipping.

const ASHA = '9000000001'; // KYC-verified fixture sender
const RAVI = '10010001'; // Asha's recipient
/** Given in DATABASE_URL (trust authentication ignores it) to show the URL never reaches the log. */
const DATABASE_PASSWORD = `pw-${randomBytes(12).toString('hex')}`;
const UNAVAILABLE = { code: 'service_unavailable', message: en['errors.service_unavailable'] };

let postgres: PrivatePostgres | undefined;
let redis: PrivateRedis | undefined;
let stack: SharedInstances | undefined;
let app = '';
let appLog = '';
let cookie = '';
/** The demo agent, with the password it chose at its first sign-in. */
const agent = { ...DEMO_ACCOUNTS.agent };

type Answer = { status: number; retryAfter: string | null; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- each call reads its route's own shape

async function api(path: string, init: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const post = init.body !== undefined;
  const res = await fetch(`${app}${path}`, {
    method: post ? 'POST' : 'GET',
    headers: {
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(post ? { origin: app, 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    body: post ? JSON.stringify(init.body) : undefined,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* a page */
  }
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body };
}

const lookup = () => api(`/api/senders/${ASHA}`, { cookie });
const ready = () => api('/api/health/ready');

/** The Eko calls the sandbox has received (method and path), from its own record. */
async function ekoCalls(): Promise<{ method: string; path: string }[]> {
  return (await (await fetch(`${stack!.ekoOrigin}/__sandbox/calls`)).json()).calls;
}
const initiateCalls = async () => (await ekoCalls()).filter((c) => c.method === 'POST' && c.path === '/customer/payment/dmt-fino').length;

async function waitFor(what: string, read: () => Promise<Answer>, done: (a: Answer) => boolean, timeoutMs = 15_000): Promise<Answer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await read();
    if (done(answer)) return answer;
    if (Date.now() > deadline) throw new Error(`${what}: still ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The app's log lines since `from` (a character offset), its JSON lines parsed. */
function logSince(from: number): { text: string; lines: Record<string, unknown>[] } {
  const text = readFileSync(appLog, 'utf8').slice(from);
  const lines = text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { text, lines };
}
const logLength = () => readFileSync(appLog, 'utf8').length;

/** Waits until the app's log since `from` matches `pattern` (the app writes some lines a moment after the event). */
async function logLine(from: number, pattern: RegExp, timeoutMs = 5000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = logSince(from).text.match(pattern);
    if (found) return found[0];
    if (Date.now() > deadline) throw new Error(`no log line matching ${pattern} within ${timeoutMs} ms (${appLog})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  if (!buildIsCurrent()) throw new Error('no build of these sources: run `next build` first (npm test does)');
  const bin = findPostgresBin();
  if (!bin) throw new Error('no PostgreSQL server binaries (initdb, pg_ctl): apt-get install postgresql (CI: .ci/run does)');
  const redisServer = findRedisServer();
  if (!redisServer) throw new Error('no redis-server on PATH: apt-get install redis-server (CI: .ci/run does)');
  const started = await startPrivatePostgres(bin);
  if (typeof started === 'string') throw new Error(`cannot start a private PostgreSQL: ${started}`);
  postgres = started;
  redis = await startPrivateRedis(redisServer);

  const url = new URL(postgres.url);
  url.password = DATABASE_PASSWORD;
  const [ekoPort, appPort] = [await freePort(), await freePort()];
  const t0 = Date.now();
  stack = await startSharedInstances({
    ekoPort,
    instances: [{ name: 'app', port: appPort, env: {} }],
    shared: {
      DATABASE_URL: url.toString(),
      SANDBOX: '1',
      RATE_LIMIT_STORE: 'redis',
      REDIS_URL: redis.url,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      AADHAAR_TRANSPORT_KEY: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
      // Every second, so the reconciler meets the outage too.
      RECONCILER_INTERVAL_SECONDS: '1',
      LOG_LEVEL: 'info',
    },
    dataDir: '.data/database-faults',
    logPrefix: join(ROOT, 'test-results', 'database-faults'),
  });
  app = stack.origins[0]!;
  appLog = stack.logFiles.instances[0]!;
  console.log(`[database faults] app ${app} on ${postgres.url} and ${redis.url}, started in ${((Date.now() - t0) / 1000).toFixed(1)} s; log ${appLog}`);
  cookie = await signInReady(app, agent);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await redis?.destroy();
  postgres?.destroy();
});

describe('PostgreSQL stopped under the running app, then started again', () => {
  let otpRefId = '';
  let logStart = 0;

  it('everything answers before the stop, and an OTP for a transfer goes out', async () => {
    expect((await ready()).body).toEqual({ ok: true, checks: { database: 'ok', redis: 'ok' } });
    expect((await lookup()).status).toBe(200);
    const otp = await api('/api/transfers/otp', { cookie, body: { senderMobile: ASHA, recipientId: RAVI, amount: 1000 } });
    expect(otp.status, JSON.stringify(otp.body)).toBe(200);
    otpRefId = otp.body.otpRefId;
    logStart = logLength();
    // A fast shutdown ends every idle pooled connection from the server's side (57P01).
    postgres!.stop();
  });

  it('liveness stays 200 while readiness answers 503 naming the database', async () => {
    expect((await api('/api/health')).status).toBe(200);
    const answer = await ready();
    expect(answer).toEqual({ status: 503, retryAfter: '15', body: { ok: false, checks: { database: 'down', redis: 'ok' } } });
  });

  it('sender lookup and sign-in answer 503 service_unavailable with Retry-After and the agent’s message', async () => {
    expect(await lookup()).toEqual({ status: 503, retryAfter: '15', body: { error: UNAVAILABLE } });
    const hindi = await api(`/api/senders/${ASHA}`, { cookie: `${cookie}; ad_lang=hi` });
    expect(hindi).toEqual({ status: 503, retryAfter: '15', body: { error: { code: 'service_unavailable', message: hi['errors.service_unavailable'] } } });
    const signIn = await api('/api/auth/login', { body: { mobile: agent.mobile, password: agent.password } });
    expect(signIn).toEqual({ status: 503, retryAfter: '15', body: { error: UNAVAILABLE } });
  });

  it('the /senders page answers 503 with Retry-After and says the same, in English and in Hindi', async () => {
    const page = await api('/senders', { cookie });
    expect([page.status, page.retryAfter]).toEqual([503, '15']);
    expect(page.body).toContain(en['errors.service_unavailable']);
    const hindi = await api('/senders', { cookie: `${cookie}; ad_lang=hi` });
    expect([hindi.status, hindi.retryAfter]).toEqual([503, '15']);
    expect(hindi.body).toContain(hi['errors.service_unavailable']);
  });

  it('a transfer whose row cannot be written is refused before anything reaches Eko', async () => {
    const before = await initiateCalls();
    const res = await api('/api/transfers', { cookie, body: { senderMobile: ASHA, recipientId: RAVI, amount: 1000, otpRefId, otp: SANDBOX_OTP } });
    expect(res).toEqual({ status: 503, retryAfter: '15', body: { error: UNAVAILABLE } });
    expect(await initiateCalls()).toBe(before);
  });

  it('the process stayed up, and its log names the cause by class and code, without the URL or its password', async () => {
    // The reconciler (every second) meets the stopped database too, and carries on.
    await logLine(logStart, /"err":"[\w <-]*ECONNREFUSED","msg":"reconciler round failed"/);
    expect((await api('/api/health')).status).toBe(200);
    const { text, lines } = logSince(logStart);
    expect(text).not.toMatch(/uncaught|unhandled/i);
    expect(text).not.toContain(DATABASE_PASSWORD);
    expect(text).not.toContain(postgres!.url.replace('postgres://', ''));
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: 'database connection lost', err: expect.stringMatching(/\b(57P01|ECONNREFUSED|08\w{3})\b/) }),
    );
    const unavailable = lines.filter((l) => l.msg === 'database unavailable');
    expect(unavailable.length).toBeGreaterThanOrEqual(3);
    // Classes and codes only ("DrizzleQueryError <- Error ECONNREFUSED"): no message, no query.
    for (const line of unavailable) expect(line.err).toMatch(/^[A-Z]\w*( [0-9A-Z_]+)?( <- [A-Z]\w*( [0-9A-Z_]+)?)*$/);
    expect(unavailable.some((l) => /\b(ECONNREFUSED|57P0[123]|08\w{3})\b/.test(String(l.err)))).toBe(true);
    expect(lines.filter((l) => l.msg === 'unexpected error')).toEqual([]);
  });

  it('started again: ready is 200 within seconds, and lookup and sign-in work', async () => {
    postgres!.start();
    const back = await waitFor('readiness after the restart', ready, (a) => a.status === 200);
    expect(back.body).toEqual({ ok: true, checks: { database: 'ok', redis: 'ok' } });
    expect((await lookup()).status).toBe(200);
    const signIn = await api('/api/auth/login', { body: { mobile: agent.mobile, password: agent.password } });
    expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
    expect(logSince(logStart).lines).toContainEqual(expect.objectContaining({ msg: 'database connection made again' }));
  });
});

describe('Redis (the rate-limit store) stopped under the running app, then started again', () => {
  let logStart = 0;

  it('readiness answers 503 naming Redis while liveness stays 200', async () => {
    logStart = logLength();
    await redis!.stop();
    const down = await waitFor('readiness with Redis stopped', ready, (a) => a.status === 503);
    expect(down).toEqual({ status: 503, retryAfter: '15', body: { ok: false, checks: { database: 'ok', redis: 'down' } } });
    expect((await api('/api/health')).status).toBe(200);
  });

  it('Eko-reaching routes still answer, never a 500: limits count in this process until Redis is back (README, RATE_LIMIT_STORE)', async () => {
    const before = (await ekoCalls()).length;
    const res = await lookup();
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await ekoCalls()).length).toBe(before + 1);
    // Said once, by code, when its reconnection is first refused.
    expect(await logLine(logStart, /\[rate-limit\] Redis unreachable \(\w+\); counting in this process until it is back/)).toContain('(ECONNREFUSED)');
    const { text } = logSince(logStart);
    expect(text).not.toMatch(/uncaught|unhandled/i);
    expect(text).not.toContain(redis!.url);
  });

  it('started again: ready is 200 within seconds, and lookup works', async () => {
    await redis!.start();
    const back = await waitFor('readiness after Redis restarted', ready, (a) => a.status === 200);
    expect(back.body).toEqual({ ok: true, checks: { database: 'ok', redis: 'ok' } });
    expect((await lookup()).status).toBe(200);
    expect(logSince(logStart).text).not.toMatch(/uncaught|unhandled/i);
  });
});

// Last, because it spends this address's sign-in budget. The front server `npm start` runs
// (scripts/serve.ts) with no trusted proxy (TRUST_PROXY_HOPS unset = 0): a client that writes its
// own X-Forwarded-For, a new value on every guess, is still counted by its socket address.
describe('the front server with no trusted proxy', () => {
  it('a new X-Forwarded-For on every wrong password buys no more guesses: the 31st from this socket is refused', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      // A different unknown mobile each time, so no account budget is what stops it.
      const res = await api('/api/auth/login', {
        body: { mobile: `98765${String(10000 + i).padStart(5, '0')}`, password: 'not-the-password' },
        headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses[30]).toBe(429);
  });
});
