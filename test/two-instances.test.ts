import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealWithOffer, type TransportKeyOffer } from '@/lib/aadhaar/transport-client';
import { DEMO_ACCOUNTS } from '@/lib/auth/demo-accounts';
import { newClientRefId } from '@/lib/eko/references';
import { REDIS_KEY_PREFIX } from '@/lib/rate-limit/store';
import { EKYC_WADH } from '@/lib/rd/pid-options';
import { AADHAAR_FIXTURES, SANDBOX_OTP } from '@/sandbox/eko/fixtures';
import { syntheticPidData } from '@/sandbox/rd/pid';
import { signInReady } from '@/scripts/lib/agents';
import { type SharedInstances, startSharedInstances } from '@/scripts/lib/app-stack';
import { buildIsCurrent, ROOT, TSX_CLI } from '@/scripts/lib/build';
import { freePort } from '@/scripts/lib/processes';

// Two instances of the built app (scripts/serve.ts in front of Next, as `npm start` serves it) on
// one PostgreSQL, one Redis for the rate-limit counters (the database's table when no Redis is
// named) and one Eko sandbox, with the same SESSION_SECRET and AADHAAR_TRANSPORT_KEY: a
// deployment behind a load balancer, with the test as the balancer, sending each request to the
// instance it chooses. Everything goes over real HTTP. Instance A runs no reconciler
// (RECONCILER_INTERVAL_SECONDS=0); B runs one every second.
//
// `npm test` runs this file after the build, in its PostgreSQL pass (vitest.instances.config.mts);
// by hand: TEST_DATABASE_URL=… [TEST_REDIS_URL=…] npx vitest run --config vitest.instances.config.mts

const postgres = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const store = redisUrl ? 'redis' : 'database';

const ASHA = '9000000001'; // KYC-verified fixture sender
const RAVI = '10010001'; // Asha's recipient
const RAMESH = '9000000002'; // not KYC: eKYC upgrades him
const POOJA = '9000000008';
const LATLONG = '28.6139,77.2090';
const AWAITED_THEN_SUCCESS = 1111; // README "Money fixtures": awaited; inquiries answer 2, then 0

let stack: SharedInstances;
let A = '';
let B = '';
let db: pg.Client;
let adminCookie = '';
let appEnv: Record<string, string> = {};

type Answer = { status: number; body: any; headers: Headers }; // eslint-disable-line @typescript-eslint/no-explicit-any -- each call reads its route's own shape

async function api(origin: string, path: string, init: { method?: string; body?: unknown; cookie?: string } = {}): Promise<Answer> {
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  const res = await fetch(`${origin}${path}`, {
    method,
    headers: {
      ...(init.cookie ? { cookie: init.cookie } : {}),
      // State-changing calls carry the instance's own Origin, as the page does.
      ...(method === 'GET' ? {} : { origin, 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}

const errorCode = (a: Answer) => a.body?.error?.code;

/** A sign-in as a browser without a device cookie: the session cookie (`name=value`) or the answer. */
async function login(origin: string, mobile: string, password: string): Promise<{ answer: Answer; cookie: string | null }> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ mobile, password }),
  });
  const cookie = res.ok ? (res.headers.getSetCookie()[0]?.split(';')[0] ?? null) : null;
  return { answer: { status: res.status, body: await res.json().catch(() => null), headers: res.headers }, cookie };
}

interface Agent {
  id: string;
  mobile: string;
  password: string;
  ekoUserCode: string;
}

/** An agent made by the admin on instance A (with a temporary first password). */
async function newAgent(): Promise<Agent> {
  for (;;) {
    const mobile = `96${String(randomInt(1e8)).padStart(8, '0')}`;
    const agent = { mobile, password: `two-instances-${randomInt(1e9)}`, ekoUserCode: `2081${mobile.slice(2)}` };
    const res = await api(A, '/api/admin/agents', {
      cookie: adminCookie,
      body: { name: 'Two Instances', mobile, ekoUserCode: agent.ekoUserCode, password: agent.password },
    });
    if (res.status === 409) continue; // mobile or user code taken: draw again
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { ...agent, id: res.body.agent.id };
  }
}

/** Signs the agent in on `origin`, choosing their own password at the first sign-in as a person must. */
async function signedIn(origin: string, agent: Agent): Promise<string> {
  const account = { mobile: agent.mobile, password: agent.password, role: 'agent' as const };
  const cookie = await signInReady(origin, account);
  agent.password = account.password;
  return cookie;
}

/** A read any signed-in agent may make, touching no budget and no Eko: is this session alive? */
const sessionAlive = async (origin: string, cookie: string) => (await api(origin, '/api/aeps/status', { cookie })).status;

async function offerFrom(origin: string, cookie: string): Promise<TransportKeyOffer> {
  const res = await api(origin, '/api/keys/aadhaar-transport', { cookie });
  expect(res.status).toBe(200);
  return res.body;
}

const ekoControl = async (path: string) => (await fetch(`${stack.ekoOrigin}/__sandbox/${path}`)).json();

async function transactionRow(id: string) {
  const { rows } = await db.query('select state, check_count, next_check_at, lease_until from transactions where id = $1', [id]);
  return rows[0] as { state: string; check_count: number; next_check_at: Date | null; lease_until: Date | null };
}

async function waitFor<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The Eko calls an instance's log records (lib/eko/client.ts writes one line per call). */
function ekoCallsLogged(logFile: string, action: string): number {
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes('"msg":"eko call"'))
    .filter((line) => (JSON.parse(line) as { action: string }).action === action).length;
}

/** The app's counters in the Redis (earlier runs' within their windows would change the budgets). */
async function clearRedisCounters() {
  if (!redisUrl) return;
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    const keys = await redis.keys(`${REDIS_KEY_PREFIX}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

beforeAll(async () => {
  if (!postgres) throw new Error('the two-instance test needs TEST_DATABASE_URL (a PostgreSQL it may empty)');
  // The built app is what runs here; npm test builds just before this step, and a stale build
  // would test other sources than these.
  if (!buildIsCurrent()) throw new Error('no build of these sources: run `next build` first (npm test does)');

  db = new pg.Client({ connectionString: postgres });
  await db.connect();
  // An empty database: the instances migrate it themselves, both starting at once.
  await db.query('drop schema if exists drizzle cascade; drop schema public cascade; create schema public;');
  await clearRedisCounters();

  const [ekoPort, portA, portB] = [await freePort(), await freePort(), await freePort()];
  // Generated here, given to both: what a deployment keeps in its secret store.
  appEnv = {
    DATABASE_URL: postgres,
    SANDBOX: '1',
    RATE_LIMIT_STORE: store,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    AADHAAR_TRANSPORT_KEY: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    LOG_LEVEL: 'info',
  };
  const started = Date.now();
  stack = await startSharedInstances({
    ekoPort,
    instances: [
      { name: 'a', port: portA, env: { RECONCILER_INTERVAL_SECONDS: '0' } },
      { name: 'b', port: portB, env: { RECONCILER_INTERVAL_SECONDS: '1' } },
    ],
    shared: appEnv,
    dataDir: '.data/instances',
    logPrefix: join(ROOT, 'test-results', 'instances'),
  });
  [A, B] = stack.origins as [string, string];
  console.log(
    `[two instances] A ${A}, B ${B}, Eko sandbox ${stack.ekoOrigin}, counters in ${store}; started in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  adminCookie = await signInReady(A, { ...DEMO_ACCOUNTS.admin });
}, 120_000);

afterAll(async () => {
  for (const child of racers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await stack?.stop();
  await db?.end();
  await clearRedisCounters();
});

describe(`two instances on one PostgreSQL, counters in ${store}`, () => {
  it('hand out one transport key, and a session from either works on both', async () => {
    const agent = await newAgent();
    const cookie = await signedIn(B, agent);
    const [fromA, fromB] = [await offerFrom(A, cookie), await offerFrom(B, cookie)];
    expect(fromA.jwk).toEqual(fromB.jwk);
    expect(fromA.nonce).not.toBe(fromB.nonce);
    expect(await sessionAlive(A, cookie)).toBe(200);
    expect(await sessionAlive(B, cookie)).toBe(200);
  });

  it("a deactivation on A ends the agent's session on B at its next request", async () => {
    const agent = await newAgent();
    const cookie = await signedIn(B, agent);
    expect(await sessionAlive(B, cookie)).toBe(200);
    const off = await api(A, `/api/admin/agents/${agent.id}`, { method: 'PATCH', cookie: adminCookie, body: { active: false } });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    const refused = await api(B, '/api/aeps/status', { cookie });
    expect([refused.status, errorCode(refused)]).toEqual([403, 'account_inactive']);
    expect(errorCode((await login(B, agent.mobile, agent.password)).answer)).toBe('account_inactive');
    // The session itself ended, not only the account: switched on again, the agent signs in afresh.
    expect((await api(A, `/api/admin/agents/${agent.id}`, { method: 'PATCH', cookie: adminCookie, body: { active: true } })).status).toBe(200);
    expect(await sessionAlive(B, cookie)).toBe(401);
    expect((await login(B, agent.mobile, agent.password)).answer.status).toBe(200);
  });

  it("a password change on A ends the agent's other session on B; the changing session carries on, on either", async () => {
    const agent = await newAgent();
    const onA = await signedIn(A, agent);
    const onB = (await login(B, agent.mobile, agent.password)).cookie!;
    expect(await sessionAlive(B, onB)).toBe(200);
    const newPassword = `changed-on-a-${randomInt(1e9)}`;
    const changed = await api(A, '/api/auth/password', { cookie: onA, body: { currentPassword: agent.password, newPassword } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(await sessionAlive(B, onB)).toBe(401);
    expect(await sessionAlive(B, onA)).toBe(200);
    expect(errorCode((await login(B, agent.mobile, agent.password)).answer)).toBe('invalid_credentials');
    expect((await login(B, agent.mobile, newPassword)).answer.status).toBe(200);
  });

  it('failed sign-ins spend one account budget across both: 3 on A and 2 on B lock the account out on both', async () => {
    const agent = await newAgent();
    const guess = () => `wrong-guess-${randomInt(1e9)}`;
    for (let i = 0; i < 3; i++) expect(errorCode((await login(A, agent.mobile, guess())).answer)).toBe('invalid_credentials');
    // The fifth wrong guess is still checked (and answered as wrong); it starts the lockout.
    for (let i = 0; i < 2; i++) expect(errorCode((await login(B, agent.mobile, guess())).answer)).toBe('invalid_credentials');
    const refused = (await login(B, agent.mobile, guess())).answer;
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password waits, on the other instance too.
    expect((await login(A, agent.mobile, agent.password)).answer.status).toBe(429);
  });

  it("OTP budgets count across both: the agent's 5 AePS OTPs, 3 on A and 2 on B, then 429 on B and A", async () => {
    const agent = await newAgent();
    const cookie = await signedIn(A, agent);
    const identity = { aadhaar: await sealWithOffer(AADHAAR_FIXTURES.success, { purpose: 'aeps_ekyc' }, await offerFrom(A, cookie)), latlong: LATLONG };
    const remaining: string[] = [];
    for (const origin of [A, A, A, B, B]) {
      const sent = await api(origin, '/api/aeps/ekyc/otp', { cookie, body: identity });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      remaining.push(sent.headers.get('x-ratelimit-remaining')!);
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    for (const origin of [B, A]) {
      const refused = await api(origin, '/api/aeps/ekyc/otp', { cookie, body: identity });
      expect(refused.status).toBe(429);
      expect(errorCode(refused)).toBe('rate_limited');
    }
    // The refused calls never reached Eko.
    const { calls } = await ekoControl(`calls?customer_id=${agent.mobile}`);
    expect(calls.filter((c: { path: string }) => c.path === '/user/collection/aeps-fingpay/kyc/otp')).toHaveLength(5);
  });

  it('audit rows from both appear in one Activity view, on either instance', async () => {
    const agent = await newAgent();
    const cookie = await signedIn(A, agent);
    expect((await api(A, `/api/senders/${ASHA}`, { cookie })).status).toBe(200);
    expect((await api(B, `/api/senders/${POOJA}`, { cookie })).status).toBe(200);
    const query = `/api/admin/activity?agent=${agent.id}&action=sender.lookup`;
    const [onA, onB] = [await api(A, query, { cookie: adminCookie }), await api(B, query, { cookie: adminCookie })];
    expect(onA.status).toBe(200);
    expect(onA.body.rows.map((r: { senderMobile: string }) => r.senderMobile)).toEqual([POOJA, ASHA]); // newest first
    expect(onB.body).toEqual(onA.body);
  });

  it("an awaited transfer started on A is settled by B's reconciler, with one inquiry per check", async () => {
    const agent = await newAgent();
    const cookie = await signedIn(A, agent);
    const otp = await api(A, '/api/transfers/otp', { cookie, body: { senderMobile: ASHA, recipientId: RAVI, amount: AWAITED_THEN_SUCCESS } });
    expect(otp.status, JSON.stringify(otp.body)).toBe(200);
    const sent = await api(A, '/api/transfers', {
      cookie,
      body: { senderMobile: ASHA, recipientId: RAVI, amount: AWAITED_THEN_SUCCESS, otpRefId: otp.body.otpRefId, otp: SANDBOX_OTP },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const { id, clientRefId } = sent.body.transaction as { id: string; clientRefId: string };
    expect(sent.body.transaction.state).toBe('awaited');
    const written = await transactionRow(id);
    expect(written.check_count).toBe(0);
    expect(written.next_check_at!.getTime()).toBeGreaterThan(Date.now() + 20_000); // the first check is 30 s away

    // Moving the schedule forward is all the test does; the inquiries are the reconciler's.
    const due = () => db.query('update transactions set next_check_at = now() where id = $1', [id]);
    await due();
    const first = await waitFor(
      'the first inquiry',
      () => transactionRow(id),
      (r) => r.check_count >= 1,
    );
    expect(first).toMatchObject({ state: 'awaited', check_count: 1, lease_until: null });
    await due();
    const settled = await waitFor(
      'the second inquiry',
      () => transactionRow(id),
      (r) => r.state !== 'awaited',
    );
    expect(settled).toMatchObject({ state: 'success', check_count: 2, next_check_at: null, lease_until: null });
    await sleep(2500); // two more of B's rounds: nothing left to ask
    expect((await transactionRow(id)).check_count).toBe(2);

    const { transactions } = await ekoControl('transactions');
    expect(transactions.filter((t: { client_ref_id: string }) => t.client_ref_id === clientRefId)).toEqual([
      expect.objectContaining({ tx_status: '0', inquiries: 2 }),
    ]);
    // Both inquiries were B's: A runs no reconciler, and nobody pressed "Check status".
    expect(ekoCallsLogged(stack.logFiles.instances[1]!, 'transfer.inquiry')).toBe(2);
    expect(ekoCallsLogged(stack.logFiles.instances[0]!, 'transfer.inquiry')).toBe(0);
    const { rows: events } = await db.query('select from_state, to_state, source from transaction_events where transaction_id = $1 order by id', [id]);
    expect(events.at(-1)).toEqual({ from_state: 'awaited', to_state: 'success', source: 'reconciler' });
    // A shows what B settled.
    expect((await api(A, `/api/transfers/${id}`, { cookie })).body.transaction).toMatchObject({ state: 'success', ekoTid: expect.any(String) });
  });

  it('reconcilers in three processes racing on due rows inquire each row once', async () => {
    const ROWS = 24; // more than one round of B's (20): the other processes must take part
    const agent = await newAgent();
    const refs = Array.from({ length: ROWS }, () => newClientRefId());
    // Transfers as a crash leaves them (written, never answered), not due yet.
    for (const [i, ref] of refs.entries()) {
      await db.query(
        `insert into transactions (client_ref_id, kind, agent_id, sender_mobile, recipient_id, recipient_name, amount_paise, state, created_at, next_check_at)
         values ($1, 'dmt_transfer', $2, $3, $4, 'Race Recipient', 100000, 'sending', now() - interval '5 minutes', now() + interval '1 hour')`,
        [ref, agent.id, ASHA, String(30_000_000 + i)],
      );
    }
    // Nothing else is pending now: B's inquiries from here on are these rows'.
    const logB = stack.logFiles.instances[1]!;
    const inquiredByBBefore = ekoCallsLogged(logB, 'transfer.inquiry');
    // Two more reconcilers, each a process of its own running the app's rounds, beside B's timer.
    const racing = [0, 1].map(() => racer());
    await Promise.all(racing.map((r) => r.ready));
    await db.query(`update transactions set next_check_at = now() where client_ref_id = any($1)`, [refs]);
    for (const r of racing) r.go();
    const checkedByRacers = await Promise.all(racing.map((r) => r.checked));

    const rows = await waitFor(
      'every row inquired',
      async () => (await db.query('select client_ref_id, state, check_count, lease_until from transactions where client_ref_id = any($1)', [refs])).rows,
      (all) => all.every((r) => r.check_count >= 1 && r.lease_until === null),
    );
    await sleep(1500); // one more of B's rounds: the rows are 30 s from their next check
    const after = (await db.query('select check_count from transactions where client_ref_id = any($1)', [refs])).rows;
    expect(after.map((r) => r.check_count)).toEqual(refs.map(() => 1));
    expect(rows.map((r) => r.state)).toEqual(refs.map(() => 'unknown')); // Eko never saw them

    const { calls } = await ekoControl('calls');
    const inquiries = calls.filter(
      (c: { clientRefId: string | null; path: string }) => c.path.startsWith('/tools/reference/transaction/') && refs.includes(c.clientRefId!),
    );
    expect(inquiries.map((c: { clientRefId: string }) => c.clientRefId).sort()).toEqual([...refs].sort());
    const byB = ekoCallsLogged(logB, 'transfer.inquiry') - inquiredByBBefore;
    console.log(`[two instances] ${ROWS} due rows: ${checkedByRacers.join(' and ')} by the racing processes, ${byB} by B`);
    expect(checkedByRacers[0]! + checkedByRacers[1]! + byB).toBe(ROWS);
    expect(checkedByRacers[0]! + checkedByRacers[1]!).toBeGreaterThan(0);
  });

  it("an Aadhaar sealed with A's key and nonce is opened by B: sender eKYC on B, its OTP on A", async () => {
    const agent = await newAgent();
    const cookie = await signedIn(A, agent);
    const sealed = await sealWithOffer(AADHAAR_FIXTURES.success, { purpose: 'sender_ekyc', mobile: RAMESH }, await offerFrom(A, cookie));
    const pid = () => syntheticPidData({ wadh: EKYC_WADH, qScore: 72, nmPoints: 38, fType: '2' });

    // B checks the binding made on A: another agent cannot use the seal there.
    const other = await signedIn(B, await newAgent());
    const refused = await api(B, `/api/senders/${RAMESH}/ekyc`, { cookie: other, body: { aadhaar: sealed, piddata: pid(), consent: true } });
    expect(refused.status).toBe(403);
    expect(errorCode(refused)).toBe('aadhaar_seal_other_agent');

    const started = await api(B, `/api/senders/${RAMESH}/ekyc`, { cookie, body: { aadhaar: sealed, piddata: pid(), consent: true } });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const { otpRefId, kycRequestId } = started.body;
    const verified = await api(A, `/api/senders/${RAMESH}/ekyc/otp`, { cookie, body: { otp: SANDBOX_OTP, otpRefId, kycRequestId } });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    expect((await api(B, `/api/senders/${RAMESH}`, { cookie })).body.sender).toMatchObject({ state: 'kyc_verified', limits: { monthly: 25000 } });
  });
});

const racers: ChildProcess[] = [];

/** One racing reconciler process (test/reconciler-process.ts) with the instances' environment. */
function racer(): { ready: Promise<void>; go: () => void; checked: Promise<number> } {
  const child: ChildProcess = spawn(process.execPath, [TSX_CLI, '--conditions=react-server', 'test/reconciler-process.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...appEnv, NODE_ENV: 'production', LOG_LEVEL: 'silent', EKO_SANDBOX_URL: `${stack.ekoOrigin}/ekoapi/v3` },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  racers.push(child);
  let output = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.split('\n').includes('ready')) markReady();
  });
  const checked = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const result = output
        .split('\n')
        .map((line) => /^\{"checked":(\d+)\}$/.exec(line))
        .find(Boolean);
      if (code === 0 && result) resolve(Number(result[1]));
      else reject(new Error(`reconciler process exited with ${code}: ${output.slice(-300)}`));
    });
  });
  return { ready: Promise.race([ready, checked.then(() => {})]), go: () => child.stdin!.end('go\n'), checked };
}
