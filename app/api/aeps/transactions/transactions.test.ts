import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { recordAepsMilestone } from '@/lib/db/queries/users';
import { auditEvents, transactions, type User } from '@/lib/db/schema';
import { forget } from '@/lib/process-state';
import { todayInIndia } from '@/lib/schemas/sender';
import type { TransactionView } from '@/lib/transfers/types';
import { AEPS_CUSTOMER_FIXTURES, FAULT_FIXTURES, type FaultFixture } from '@/sandbox/eko/fixtures';
import type { EkoSandbox } from '@/sandbox/eko/server';
import { useEkoSandbox } from '@/sandbox/eko/test-helpers';
import { syntheticPidData } from '@/sandbox/rd/pid';
import { cookieFor, createTestUser, useTestDatabase } from '@/test/db';
import { sealForTests } from '@/test/seal';
import { GET as summary } from '../../admin/transactions/summary/route';
import { POST as check } from '../../transfers/[id]/check/route';
import { GET as pending } from '../../transfers/pending/route';
import { POST as balance } from './balance/route';
import { POST as statement } from './statement/route';
import { POST as withdrawal } from './withdrawal/route';

// A customer's AePS transactions through the real route handlers, Eko = the sandbox over HTTP
// (which checks request_hash, the PKCS#1 Aadhaar, the daily 2FA and a PID without wadh). The
// money rules as for transfers: the withdrawal's row first, sent once whatever happens to its
// answer, pending or unanswered until the inquiry settles it, one pending per customer.

useTestDatabase();
const eko = useEkoSandbox();
let sandbox: EkoSandbox;
let agent: User;
let cookie = '';

const CUSTOMER = '9876512345';
const HEALTHY = '999999990019';
const LATLONG = '28.613900,77.209000';
const WITHDRAWALS = '/customer/collection/aeps-fingpay/cash-withdrawl/';

beforeAll(() => forget('transportKey'));
beforeEach(async () => {
  sandbox = eko.sandbox();
  agent = await createTestUser('agent');
  cookie = await cookieFor(agent);
  await authenticatedToday();
});

/** Today's daily authentication, at Eko (the sandbox) and in our records. */
async function authenticatedToday(at: { eko?: boolean; app?: boolean } = { eko: true, app: true }) {
  if (at.eko) sandbox.state.aeps.set(agent.ekoUserCode!, { ekycDone: true, dailyKycDay: todayInIndia() });
  if (at.app) await recordAepsMilestone(await getDb(), agent.id, 'daily_auth', todayInIndia());
}

const pid = (nmPoints = 40) => syntheticPidData({ wadh: null, qScore: 80, nmPoints, fType: '2' });

async function body(options: { aadhaar?: string; mobile?: string; sealMobile?: string; bankCode?: string; nmPoints?: number; amount?: number } = {}) {
  const mobile = options.mobile ?? CUSTOMER;
  return {
    customerMobile: mobile,
    aadhaar: await sealForTests(options.aadhaar ?? HEALTHY, { purpose: 'aeps_transaction', mobile: options.sealMobile ?? mobile }, agent),
    latlong: LATLONG,
    bankCode: options.bankCode ?? 'SBIN',
    piddata: pid(options.nmPoints),
    ...(options.amount === undefined ? {} : { amount: options.amount }),
  };
}

type Handler = typeof withdrawal;
async function post(handler: Handler, url: string, json: unknown, params: Record<string, string> = {}) {
  const res = await handler(
    new Request(`http://localhost${url}`, {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost', 'content-type': 'application/json' },
      body: JSON.stringify(json),
    }),
    { params: Promise.resolve(params) },
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads its route's shape
  return { status: res.status, body: (await res.json()) as any };
}

const withdraw = async (amount: number, options: Parameters<typeof body>[0] = {}) => {
  const res = await post(withdrawal, '/api/aeps/transactions/withdrawal', await body({ ...options, amount }));
  return { ...res, tx: res.body.transaction as TransactionView };
};
const withdrawalCalls = () => sandbox.state.calls.filter((c) => c.method === 'POST' && c.path.startsWith(WITHDRAWALS));
const checkNow = async (id: string) => (await post(check, `/api/transfers/${id}/check`, {}, { id })).body.transaction as TransactionView;

describe('the daily 2FA gate', () => {
  it('refuses every customer transaction before Eko until today’s authentication is done', async () => {
    await (await getDb()).update((await import('@/lib/db/schema')).users).set({ aepsDailyAuthOn: null });
    for (const [handler, url] of [
      [withdrawal, 'withdrawal'],
      [balance, 'balance'],
      [statement, 'statement'],
    ] as const) {
      const res = await post(handler, `/api/aeps/transactions/${url}`, await body({ amount: 500 }));
      expect(res, url).toMatchObject({ status: 409, body: { error: { code: 'aeps_daily_auth_required' } } });
    }
    expect(sandbox.state.calls).toHaveLength(0);
  });

  it('Eko’s own 1467 ("do 2fa") declines the withdrawal with nothing paid out, and says so', async () => {
    sandbox.state.aeps.set(agent.ekoUserCode!, { ekycDone: true, dailyKycDay: '2020-01-01' });
    const { tx } = await withdraw(500);
    expect(tx).toMatchObject({ state: 'declined', declineReason: 'two_fa_required' });
    const stmt = await post(statement, '/api/aeps/transactions/statement', await body());
    expect(stmt.body.transaction).toMatchObject({ state: 'declined', declineReason: 'two_fa_required' });
  });
});

describe('balance enquiry and mini statement', () => {
  it('answer with the figures once and record the transaction without them', async () => {
    const res = await post(balance, '/api/aeps/transactions/balance', await body());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ balancePaise: 1_250_000, lines: null, transaction: { kind: 'aeps_balance', state: 'success', amountPaise: 0 } });
    const stmt = await post(statement, '/api/aeps/transactions/statement', await body());
    expect(stmt.body.lines.length).toBeGreaterThan(0);
    expect(stmt.body.lines[0]).toEqual({
      date: expect.any(String),
      narration: expect.any(String),
      direction: expect.stringMatching(/^(debit|credit)$/),
      amountPaise: expect.any(Number),
    });
    const rows = await (await getDb()).select().from(transactions);
    expect(rows.map((r) => [r.kind, r.state, r.aadhaarLast4, r.bankCode, r.customerBalancePaise])).toEqual([
      ['aeps_balance', 'success', '0019', 'SBIN', null],
      ['aeps_statement', 'success', '0019', 'SBIN', null],
    ]);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(HEALTHY);
    expect(dump).not.toContain('12500');
  });

  it("the bank's refusal is shown word for word, with its kind for the next step", async () => {
    const res = await post(balance, '/api/aeps/transactions/balance', await body({ aadhaar: AEPS_CUSTOMER_FIXTURES.notLinkedToBank }));
    expect(res.body.transaction).toMatchObject({
      state: 'declined',
      declineReason: 'aadhaar_not_linked',
      ekoReason: 'Aadhaar number is not linked to the selected bank',
    });
  });

  it('an enquiry with no answer moved nothing: failed ("no answer"), never pending', async () => {
    sandbox.state.pathFaults.set(`/customer/collection/aeps-fingpay/balance-enquiry/${CUSTOMER}`, 'html');
    const res = await post(balance, '/api/aeps/transactions/balance', await body());
    expect(res).toMatchObject({ status: 502, body: { error: { code: 'upstream_bad_response' } } });
    const [row] = await (await getDb()).select().from(transactions);
    expect(row).toMatchObject({ state: 'failed', declineReason: 'no_answer', nextCheckAt: null });
    expect(
      (await (await pending(new Request('http://localhost/api/transfers/pending', { headers: { cookie } }), { params: Promise.resolve({}) })).json()).pending,
    ).toEqual([]);
  });
});

describe('cash withdrawal', () => {
  it('pays out: the receipt has Eko’s tid, the bank RRN and the balance after; request_hash was right', async () => {
    const { status, tx } = await withdraw(1000);
    expect(status).toBe(200);
    expect(tx).toMatchObject({
      kind: 'aeps_withdrawal',
      state: 'success',
      amountPaise: 100_000,
      ekoTid: expect.any(String),
      bankRef: expect.stringMatching(/\d{6,}/),
    });
    const [row] = await (await getDb()).select().from(transactions).where(eq(transactions.id, tx.id));
    expect(row).toMatchObject({ customerBalancePaise: 1_150_000, aadhaarLast4: '0019', recipientBank: 'State Bank of India' });
    expect(withdrawalCalls()).toEqual([expect.objectContaining({ clientRefId: tx.clientRefId, httpStatus: 200 })]);
    const [audit] = await (await getDb()).select().from(auditEvents).where(eq(auditEvents.action, 'aeps.withdrawal'));
    expect(audit).toMatchObject({ outcome: 'ok', detail: 'tx_success', aadhaarLast4: '0019', senderMobile: CUSTOMER });
  });

  it.each([
    [AEPS_CUSTOMER_FIXTURES.biometricMismatch, 'biometric_mismatch'],
    [AEPS_CUSTOMER_FIXTURES.notLinkedToBank, 'aadhaar_not_linked'],
    [AEPS_CUSTOMER_FIXTURES.lowBalance, 'insufficient_funds'],
    [AEPS_CUSTOMER_FIXTURES.bankDown, 'bank_unavailable'],
  ])('a bank refusal (%s) is declined: %s, nothing paid out', async (aadhaar, reason) => {
    const { tx } = await withdraw(500, { aadhaar });
    expect(tx).toMatchObject({ state: 'declined', declineReason: reason, ekoReason: expect.any(String) });
    expect((await withdraw(500, { aadhaar })).status).toBe(200); // final: a new attempt is allowed
  });

  it('pending → the inquiry → paid; a second withdrawal for the customer is refused meanwhile', async () => {
    const { tx } = await withdraw(1050);
    expect(tx.state).toBe('awaited');
    const second = await withdraw(500);
    expect(second).toMatchObject({ status: 409, body: { error: { code: 'withdrawal_pending', transactionId: tx.id } } });
    expect(await checkNow(tx.id)).toMatchObject({ state: 'awaited' });
    expect(await checkNow(tx.id)).toMatchObject({ state: 'success' });
    expect(withdrawalCalls()).toHaveLength(1);
  });

  it('pending → failed through the inquiry', async () => {
    const { tx } = await withdraw(1150);
    await checkNow(tx.id);
    expect(await checkNow(tx.id)).toMatchObject({ state: 'failed' });
  });

  it('1250: paid at the bank, the answer lost → unknown → found by client_ref_id, never sent again', async () => {
    const { tx } = await withdraw(1250);
    expect(tx).toMatchObject({ state: 'unknown', ekoTid: null });
    expect(await checkNow(tx.id)).toMatchObject({ state: 'success', ekoTid: expect.any(String) });
    expect(sandbox.state.calls.filter((c) => c.path.startsWith('/tools/reference/transaction/client_ref_id:'))).toHaveLength(1);
    expect(withdrawalCalls()).toHaveLength(1);
  });

  const FAULTS = [...new Set(Object.values(FAULT_FIXTURES))] as FaultFixture[];
  it.each(FAULTS)('fault "%s" → unknown, sent exactly once', async (fault) => {
    sandbox.state.pathFaults.set(`${WITHDRAWALS}${CUSTOMER}`, fault);
    const { tx } = await withdraw(500);
    expect(tx.state).toBe('unknown');
    expect(withdrawalCalls()).toHaveLength(1);
    expect((await withdraw(500)).body.error.code).toBe('withdrawal_pending');
    expect(withdrawalCalls()).toHaveLength(1);
  });

  it('refuses by field, before Eko: an amount off the step, a finger with too few minutiae, an unknown bank', async () => {
    const off = await withdraw(125);
    expect(off).toMatchObject({ status: 400, body: { error: { fields: { amount: expect.stringContaining('₹50') } } } });
    const thin = await withdraw(500, { nmPoints: 20 });
    expect(thin).toMatchObject({ status: 400, body: { error: { fields: { piddata: expect.any(String) } } } });
    const bank = await withdraw(500, { bankCode: 'ZZZZ' });
    expect(bank).toMatchObject({ status: 400, body: { error: { fields: { bankCode: expect.any(String) } } } });
    expect(withdrawalCalls()).toHaveLength(0);
  });

  it("refuses a seal made for another customer's mobile", async () => {
    const res = await withdraw(500, { sealMobile: '9876500000' });
    expect(res).toMatchObject({ status: 422, body: { error: { code: 'aadhaar_seal_other_mobile' } } });
    expect(withdrawalCalls()).toHaveLength(0);
  });

  it("the admin's figures: AePS per day and refusals by bank", async () => {
    await withdraw(1000);
    await withdraw(500, { aadhaar: AEPS_CUSTOMER_FIXTURES.bankDown, mobile: '9876512346' });
    await post(balance, '/api/aeps/transactions/balance', await body());
    const admin = await cookieFor(await createTestUser('admin'));
    const res = await summary(new Request('http://localhost/api/admin/transactions/summary', { headers: { cookie: admin } }), { params: Promise.resolve({}) });
    const figures = await res.json();
    expect(figures.aepsPerDay).toEqual([{ day: todayInIndia(), withdrawals: 2, withdrawnPaise: 100_000, enquiries: 1 }]);
    expect(figures.aepsFailuresByBank).toEqual([{ bank: 'State Bank of India', reason: 'bank_unavailable', count: 1 }]);
  });
});
