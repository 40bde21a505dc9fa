import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordAepsMilestone } from '@/lib/db/queries/users';
import { transactionEvents, transactions, type User } from '@/lib/db/schema';
import { hi } from '@/lib/i18n/hi';
import { en } from '@/lib/i18n/en';
import { forget } from '@/lib/process-state';
import { todayInIndia } from '@/lib/schemas/sender';
import { reconcileRound } from '@/lib/transfers/reconciler';
import { SANDBOX_OTP } from '@/sandbox/eko/fixtures';
import type { EkoSandbox } from '@/sandbox/eko/server';
import { useEkoSandbox } from '@/sandbox/eko/test-helpers';
import { syntheticPidData } from '@/sandbox/rd/pid';
import { cookieFor, createTestUser, useTestDatabase } from '@/test/db';
import { captureLogs } from '@/test/log';
import { sealForTests } from '@/test/seal';
import { POST as withdrawal } from './aeps/transactions/withdrawal/route';
import { POST as login } from './auth/login/route';
import { GET as lookup } from './senders/[mobile]/route';
import { POST as sendOtp } from './transfers/otp/route';
import { POST as initiate } from './transfers/route';

// The database going away under a request, through the real route handlers (Eko = the sandbox
// over HTTP). A trigger makes one table's writes fail with the SQLSTATE a stopping server sends
// (57P01 admin_shutdown) or a lost connection (08006), on PGlite and on PostgreSQL alike; the
// whole server stopping and starting is test/database-faults.test.ts. The rules: 503 service_unavailable
// with Retry-After and the agent's message, never a 500; a money call is never sent when its row
// could not be written; an answer that could not be recorded is shown as unknown, never as
// "nothing was sent".

const database = useTestDatabase();
const eko = useEkoSandbox();
let sandbox: EkoSandbox;
let agent: User;
let cookie = '';

async function failWrites(table: 'rate_limits' | 'transactions', op: 'INSERT' | 'UPDATE', sqlstate: string) {
  const db = database.db();
  await db.execute(
    sql.raw(`create or replace function test_database_gone() returns trigger language plpgsql as $$
      begin raise exception 'the database went away' using errcode = '${sqlstate}'; end $$`),
  );
  await db.execute(sql.raw(`create trigger test_database_gone before ${op} on ${table} for each row execute function test_database_gone()`));
}
const healDatabase = async () => {
  for (const table of ['rate_limits', 'transactions']) await database.db().execute(sql.raw(`drop trigger if exists test_database_gone on ${table}`));
};
afterEach(healDatabase);

beforeAll(() => forget('transportKey'));
beforeEach(async () => {
  sandbox = eko.sandbox();
  agent = await createTestUser('agent');
  cookie = await cookieFor(agent);
});

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(handler: Handler, url: string, init: { body?: unknown; params?: Record<string, string>; headers?: Record<string, string> } = {}) {
  const post = init.body !== undefined;
  const res = await handler(
    new Request(`http://localhost${url}`, {
      method: post ? 'POST' : 'GET',
      headers: { cookie, origin: 'http://localhost', ...(post ? { 'content-type': 'application/json' } : {}), ...init.headers },
      body: post ? JSON.stringify(init.body) : undefined,
    }),
    { params: Promise.resolve(init.params ?? {}) },
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads its route's own shape
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
}

const UNAVAILABLE = { code: 'service_unavailable', message: en['errors.service_unavailable'] };

describe('the rate-limit counters on the database (the default store)', () => {
  it('a lookup whose budget cannot be counted answers 503 in the agent’s language, before Eko', async () => {
    await failWrites('rate_limits', 'INSERT', '57P01');
    const capture = captureLogs('info');
    let res;
    try {
      res = await call(lookup, '/api/senders/9000000001', { params: { mobile: '9000000001' } });
    } finally {
      capture.stop();
    }
    expect(res).toEqual({ status: 503, retryAfter: '15', body: { error: UNAVAILABLE } });
    expect(sandbox.state.calls).toHaveLength(0);
    // One warning by class and code, no "unexpected error", nothing of the query.
    const lines = capture.lines();
    expect(lines.filter((l) => l.level === 'warn' || l.level === 'error')).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'database unavailable', err: expect.stringMatching(/^DrizzleQueryError <- \w+ 57P01$/) }),
    ]);
    expect(capture.text()).not.toMatch(/insert into|rate_limits/);

    const hindi = await call(lookup, '/api/senders/9000000001', { params: { mobile: '9000000001' }, headers: { cookie: `${cookie}; ad_lang=hi` } });
    expect(hindi).toMatchObject({ status: 503, body: { error: { code: 'service_unavailable', message: hi['errors.service_unavailable'] } } });
  });

  it('sign-in, which counts before it checks the password, answers 503 too', async () => {
    const admin = await createTestUser('admin', { password: 'admin-password-1' });
    await failWrites('rate_limits', 'INSERT', '08006');
    const res = await call(login, '/api/auth/login', { body: { mobile: admin.mobile, password: 'admin-password-1' }, headers: { cookie: '' } });
    expect(res).toEqual({ status: 503, retryAfter: '15', body: { error: UNAVAILABLE } });
  });

  it('any other database refusal is still a 500, logged by class and SQLSTATE only', async () => {
    await failWrites('rate_limits', 'INSERT', 'P0001');
    const capture = captureLogs('info');
    try {
      const res = await call(lookup, '/api/senders/9000000001', { params: { mobile: '9000000001' } });
      expect(res).toMatchObject({ status: 500, body: { error: { code: 'internal' } } });
    } finally {
      capture.stop();
    }
    expect(capture.lines()).toContainEqual(
      expect.objectContaining({ level: 'error', msg: 'unexpected error', err: expect.stringMatching(/^DrizzleQueryError <- \w+ P0001$/) }),
    );
    expect(capture.text()).not.toMatch(/went away|insert into/);
  });
});

const ASHA = '9000000001';
const RAVI = '10010001';
const initiateCalls = () => sandbox.state.calls.filter((c) => c.method === 'POST' && c.path === '/customer/payment/dmt-fino');

async function transfer(amount: number) {
  const otp = await call(sendOtp, '/api/transfers/otp', { body: { senderMobile: ASHA, recipientId: RAVI, amount } });
  expect(otp.status, 'the OTP went out').toBe(200);
  return call(initiate, '/api/transfers', { body: { senderMobile: ASHA, recipientId: RAVI, amount, otpRefId: otp.body.otpRefId, otp: SANDBOX_OTP } });
}

describe('a transfer', () => {
  it('whose row cannot be written is never sent, and the agent reads that nothing was sent', async () => {
    await failWrites('transactions', 'INSERT', '57P01');
    const res = await transfer(1000);
    expect(res).toEqual({ status: 503, retryAfter: '15', body: { error: UNAVAILABLE } });
    expect(initiateCalls()).toHaveLength(0);
    expect(await database.db().select().from(transactions)).toEqual([]);
  });

  it('whose answer cannot be recorded is shown as unknown ("do not pay again"), and the reconciler settles it later without resending', async () => {
    await failWrites('transactions', 'UPDATE', '57P01');
    const res = await transfer(1000);
    expect(res.status).toBe(200);
    expect(res.body.transaction).toMatchObject({ state: 'unknown', amountPaise: 100_000 });
    expect(initiateCalls()).toHaveLength(1);
    const [row] = await database.db().select().from(transactions);
    expect(row).toMatchObject({ state: 'sending', ekoTid: null });

    // The database is back; the row's first inquiry is due (its grace period since it was
    // written, made to pass: within it a 'sending' row is not asked about).
    await healDatabase();
    await database
      .db()
      .update(transactions)
      .set({ createdAt: new Date(Date.now() - 5 * 60_000), nextCheckAt: new Date(Date.now() - 1000) })
      .where(eq(transactions.id, row!.id));
    expect(await reconcileRound()).toBe(1);
    const [settled] = await database.db().select().from(transactions);
    expect(settled).toMatchObject({ state: 'success', ekoTid: expect.any(String) });
    expect(initiateCalls()).toHaveLength(1);
    const events = await database.db().select().from(transactionEvents).where(eq(transactionEvents.transactionId, row!.id));
    expect(events.map((e) => [e.fromState, e.toState])).toEqual([
      [null, 'sending'],
      ['sending', 'success'],
    ]);
  });
});

describe('an AePS cash withdrawal', () => {
  it('whose row cannot be written is never sent to Eko', async () => {
    sandbox.state.aeps.set(agent.ekoUserCode!, { ekycDone: true, dailyKycDay: todayInIndia() });
    await recordAepsMilestone(database.db(), agent.id, 'daily_auth', todayInIndia());
    await failWrites('transactions', 'INSERT', '57P01');
    const mobile = '9876512345';
    const res = await call(withdrawal, '/api/aeps/transactions/withdrawal', {
      body: {
        customerMobile: mobile,
        aadhaar: await sealForTests('999999990019', { purpose: 'aeps_transaction', mobile }, agent),
        latlong: '28.613900,77.209000',
        bankCode: 'SBIN',
        piddata: syntheticPidData({ wadh: null, qScore: 80, nmPoints: 40, fType: '2' }),
        amount: 500,
      },
    });
    expect(res).toEqual({ status: 503, retryAfter: '15', body: { error: UNAVAILABLE } });
    expect(sandbox.state.calls.filter((c) => c.path.includes('/cash-withdrawl/'))).toHaveLength(0);
    expect(await database.db().select().from(transactions)).toEqual([]);
  });
});
