import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { auditEvents, transactionEvents, transactions, type User } from '@/lib/db/schema';
import { newClientRefId } from '@/lib/eko/references';
import { forget } from '@/lib/process-state';
import { reconcileRound } from '@/lib/transfers/reconciler';
import type { TransactionView } from '@/lib/transfers/types';
import { FAULT_FIXTURES, type FaultFixture, OTP_EXPIRED, SANDBOX_OTP } from '@/sandbox/eko/fixtures';
import type { EkoSandbox } from '@/sandbox/eko/server';
import { callSandbox, useEkoSandbox } from '@/sandbox/eko/test-helpers';
import { cookieFor, createTestUser, useTestDatabase } from '@/test/db';
import { POST as closeAdmin } from '../admin/transactions/[id]/close/route';
import { GET as listAdmin } from '../admin/transactions/route';
import { GET as exportCsv } from '../admin/transactions/export/route';
import { GET as summary } from '../admin/transactions/summary/route';
import { GET as ifscLookup } from '../banks/ifsc/[ifsc]/route';
import { GET as bankList } from '../banks/route';
import { GET as recipientsGet, POST as recipientsPost } from '../senders/[mobile]/recipients/route';
import { POST as check } from './[id]/check/route';
import { POST as receipt } from './[id]/receipt/route';
import { POST as refundOtp } from './[id]/refund/otp/route';
import { POST as refund } from './[id]/refund/route';
import { GET as getOne } from './[id]/route';
import { POST as sendOtp } from './otp/route';
import { GET as pending } from './pending/route';
import { GET as history, POST as initiate } from './route';

// DMT-Fino money movement through the real route handlers, with Eko = the sandbox over HTTP. The
// money rules under test: a row before every money call, Initiate Transfer sent exactly once
// whatever happens to its answer, an unanswered transfer is unknown (never failed) until the
// inquiry says otherwise, one attempt per OTP reference unless declined for a wrong OTP, one
// pending transfer per recipient.

useTestDatabase();
const eko = useEkoSandbox(); // EKO_TIMEOUT_MS = 1500
let sandbox: EkoSandbox;
let agent: User;
let cookie = '';

const ASHA = '9000000001'; // KYC sender, ₹17,500 left this month
const RAVI = '10010001'; // Asha's verified recipient
const MEENA = '10010002';

beforeEach(async () => {
  sandbox = eko.sandbox();
  agent = await createTestUser('agent');
  cookie = await cookieFor(agent);
});

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, url: string, init: { method?: string; body?: unknown; params?: Record<string, string>; as?: string } = {}) {
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  const res = await handler(
    new Request(`http://localhost${url}`, {
      method,
      headers: { cookie: init.as ?? cookie, origin: 'http://localhost', ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) },
      body: method === 'GET' ? undefined : JSON.stringify(init.body ?? {}),
    }),
    { params: Promise.resolve(init.params ?? {}) },
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads its route's own shape
  return { status: res.status, body: (res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text()) as any };
}

const otpFor = (amount: number, recipientId = RAVI, senderMobile = ASHA) =>
  call(sendOtp, '/api/transfers/otp', { body: { senderMobile, recipientId, amount } });

async function transferOf(amount: number, options: { otp?: string; recipientId?: string; otpRefId?: string } = {}) {
  const recipientId = options.recipientId ?? RAVI;
  const otpRefId = options.otpRefId ?? (await otpFor(amount, recipientId)).body.otpRefId;
  expect(otpRefId, 'the OTP went out').toBeTruthy();
  const res = await call(initiate, '/api/transfers', { body: { senderMobile: ASHA, recipientId, amount, otpRefId, otp: options.otp ?? SANDBOX_OTP } });
  return { ...res, otpRefId, tx: res.body.transaction as TransactionView };
}

const initiateCalls = () => sandbox.state.calls.filter((c) => c.method === 'POST' && c.path === '/customer/payment/dmt-fino');
const inquiryCalls = () => sandbox.state.calls.filter((c) => c.path.startsWith('/tools/reference/transaction/'));
const checkNow = async (id: string) => (await call(check, `/api/transfers/${id}/check`, { body: {}, params: { id } })).body.transaction as TransactionView;
const rowOf = async (id: string) => (await (await getDb()).select().from(transactions).where(eq(transactions.id, id)))[0]!;

describe('recipients', () => {
  it('lists them masked, shows "none yet" as an empty list, and says when the sender is not enrolled', async () => {
    const list = await call(recipientsGet, `/api/senders/${ASHA}/recipients`, { params: { mobile: ASHA } });
    expect(list.status).toBe(200);
    expect(list.body.recipients).toEqual([
      expect.objectContaining({ id: RAVI, name: 'Ravi Verma', ifsc: 'SBIN0000691', accountMasked: 'XXXXXX4567', verified: true }),
      expect.objectContaining({ id: MEENA, accountMasked: 'XXXXXX6789', verified: false }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain('30001234567');

    const none = await call(recipientsGet, '/api/senders/9000000008/recipients', { params: { mobile: '9000000008' } });
    expect(none).toMatchObject({ status: 200, body: { recipients: [], panRequired: false } });

    const notEnrolled = await call(recipientsGet, '/api/senders/9000000003/recipients', { params: { mobile: '9000000003' } });
    expect(notEnrolled).toMatchObject({ status: 422, body: { error: { code: 'sender_not_enrolled' } } });
  });

  it('adds one, and a second add of the same account names the existing recipient', async () => {
    const input = { name: 'Kiran Rao', mobile: '9876501234', ifsc: 'hdfc0000240', account: '5010 0999 8888 77' };
    const added = await call(recipientsPost, `/api/senders/${ASHA}/recipients`, { body: input, params: { mobile: ASHA } });
    expect(added.status).toBe(200);
    expect(added.body.outcome).toMatchObject({ kind: 'added', recipient: { name: 'Kiran Rao', ifsc: 'HDFC0000240', accountMasked: 'XXXXXX8877' } });
    const again = await call(recipientsPost, `/api/senders/${ASHA}/recipients`, { body: input, params: { mobile: ASHA } });
    expect(again.body.outcome).toEqual({ kind: 'exists', recipient: expect.objectContaining({ id: added.body.outcome.recipient.id }) });
  });

  it('refuses a bad IFSC or account in the handler, naming the field, before Eko is called', async () => {
    const bad = await call(recipientsPost, `/api/senders/${ASHA}/recipients`, {
      body: { name: 'Kiran Rao', mobile: '9876501234', ifsc: 'HDFC000240', account: '12' },
      params: { mobile: ASHA },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['account', 'ifsc']);
    expect(sandbox.state.calls).toHaveLength(0);
  });

  it('looks up an IFSC: bank and branch, or "not known"', async () => {
    const found = await call(ifscLookup, '/api/banks/ifsc/SBIN0000691', { params: { ifsc: 'SBIN0000691' } });
    expect(found).toMatchObject({ status: 200, body: { ifsc: 'SBIN0000691', bank: expect.stringMatching(/State Bank/i) } });
    const unknown = await call(ifscLookup, '/api/banks/ifsc/ZZZZ0123456', { params: { ifsc: 'ZZZZ0123456' } });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'ifsc_unknown' } } });
    expect((await call(ifscLookup, '/api/banks/ifsc/SBIN', { params: { ifsc: 'SBIN' } })).status).toBe(400);
  });

  it("reads Eko's bank list once a day, and falls back to the fixed list when Eko cannot be read", async () => {
    const first = await call(bankList, '/api/banks');
    expect(first.body).toMatchObject({ source: 'eko' });
    expect(first.body.banks.length).toBeGreaterThan(20);
    expect((await call(bankList, '/api/banks')).body.source).toBe('cache');
    expect(sandbox.state.calls.filter((c) => c.path === '/tools/reference/banks')).toHaveLength(1);

    await (await getDb()).execute(`truncate reference_cache` as never);
    sandbox.state.pathFaults.set('/tools/reference/banks', 'html');
    const fallback = await call(bankList, '/api/banks');
    expect(fallback.body).toMatchObject({ source: 'fallback', banks: expect.arrayContaining([{ code: 'SBIN', name: 'State Bank of India' }]) });
  });
});

describe('Send Transaction OTP', () => {
  it('sends it, and explains the limits before any OTP is texted', async () => {
    expect((await otpFor(1000)).body).toEqual({ otpRefId: expect.any(String), sentAt: expect.any(String) });
    expect((await otpFor(1441)).body.error.code).toBe('transfer_limit_exhausted');
    // Ramesh (non-KYC) has ₹3,800 left of ₹5,000.
    const over = await otpFor(4000, '10020001', '9000000002');
    expect(over).toMatchObject({ status: 422, body: { error: { code: 'amount_over_limit', fields: { amount: expect.stringContaining('3,800') } } } });
    // Vikram owes Eko his PAN: nothing may go.
    expect((await otpFor(500, '10090001', '9000000009')).body.error.code).toBe('pan_required');
    // A recipient that is not the sender's.
    const stranger = await otpFor(500, '10020001');
    expect(stranger).toMatchObject({ status: 400, body: { error: { fields: { recipientId: expect.any(String) } } } });
    expect(sandbox.state.calls.filter((c) => c.path === '/customer/payment/dmt-fino/otp')).toHaveLength(2);
  });

  it('refuses paise, amounts over ₹5,000 and under ₹100 by name', async () => {
    for (const amount of [100.5, 5001, 99, '1e3']) {
      const res = await otpFor(amount as number);
      expect(res.status, String(amount)).toBe(400);
      expect(res.body.error.fields).toHaveProperty('amount');
    }
  });
});

describe('Initiate Transfer', () => {
  it('records the row before Eko is called, and the receipt shows what Eko returned', async () => {
    const { status, tx } = await transferOf(1000);
    expect(status).toBe(200);
    expect(tx).toMatchObject({
      state: 'success',
      amountPaise: 100_000,
      feeEstimatePaise: 1000,
      feePaise: 1000,
      collectablePaise: 101_000,
      feeMismatch: false,
      ekoTid: expect.any(String),
      bankRef: expect.stringMatching(/^\d{12}$/),
      recipient: { id: RAVI, name: 'Ravi Verma', accountMasked: 'XXXXXX4567' },
    });
    const [sent] = initiateCalls();
    expect(sent?.clientRefId).toBe(tx.clientRefId);
    const events = await (await getDb()).select().from(transactionEvents).where(eq(transactionEvents.transactionId, tx.id));
    expect(events.map((e) => [e.fromState, e.toState])).toEqual([
      [null, 'sending'],
      ['sending', 'success'],
    ]);
    const audit = await (await getDb()).select().from(auditEvents).where(eq(auditEvents.action, 'transfer.initiate'));
    expect(audit).toEqual([expect.objectContaining({ outcome: 'ok', clientRefId: tx.clientRefId, detail: 'tx_success', senderMobile: ASHA })]);

    const first = await call(receipt, `/api/transfers/${tx.id}/receipt`, { body: {}, params: { id: tx.id } });
    const second = await call(receipt, `/api/transfers/${tx.id}/receipt`, { body: {}, params: { id: tx.id } });
    expect(first.body.receiptFirstIssuedAt).toBe(second.body.receiptFirstIssuedAt);
  });

  it('a wrong OTP is declined with nothing moved and may be typed again for the same reference; then the reference is spent', async () => {
    const wrong = await transferOf(1000, { otp: '111111' });
    expect(wrong.tx).toMatchObject({ state: 'declined', declineReason: 'wrong_otp' });
    const right = await transferOf(1000, { otpRefId: wrong.otpRefId });
    expect(right.tx.state).toBe('success');
    expect(right.tx.clientRefId).not.toBe(wrong.tx.clientRefId);
    const third = await transferOf(1000, { otpRefId: wrong.otpRefId });
    expect(third).toMatchObject({ status: 409, body: { error: { code: 'otp_already_used', transactionId: right.tx.id } } });
    expect(initiateCalls()).toHaveLength(2);
  });

  it.each([
    [1332, 'insufficient_balance'],
    [1331, 'limit_exhausted'],
    [1334, 'bank_unavailable'],
  ] as const)('%i is declined (%s) with Eko’s reason', async (amount, reason) => {
    const { tx } = await transferOf(amount);
    expect(tx).toMatchObject({ state: 'declined', declineReason: reason, ekoReason: expect.any(String) });
  });

  it('an expired OTP is declined: a new OTP is the next step', async () => {
    expect((await transferOf(1000, { otp: OTP_EXPIRED })).tx).toMatchObject({ state: 'declined', declineReason: 'otp_expired' });
  });

  it('an awaited transfer blocks a second one to that recipient, then settles through the inquiry', async () => {
    const { tx } = await transferOf(1111);
    expect(tx.state).toBe('awaited');
    const blockedOtp = await otpFor(500);
    expect(blockedOtp).toMatchObject({ status: 409, body: { error: { code: 'transfer_pending', transactionId: tx.id } } });
    expect((await otpFor(500, MEENA)).status).toBe(200); // another recipient is fine

    const listed = await call(pending, `/api/transfers/pending?senderMobile=${ASHA}`);
    expect(listed.body.pending.map((p: TransactionView) => p.id)).toEqual([tx.id]);

    expect((await checkNow(tx.id)).state).toBe('awaited');
    expect(await checkNow(tx.id)).toMatchObject({ state: 'success', bankRef: expect.stringMatching(/^\d{12}$/) });
    expect((await call(pending, '/api/transfers/pending')).body.pending).toEqual([]);
    expect((await otpFor(500)).status).toBe(200);
  });

  it('awaited → failed through the inquiry; the transfer may then be tried again', async () => {
    const { tx } = await transferOf(1113);
    await checkNow(tx.id);
    expect(await checkNow(tx.id)).toMatchObject({ state: 'failed' });
    expect((await otpFor(500)).status).toBe(200);
  });

  it('refund pending → refund OTP → a wrong OTP is refused → the refund, with its own receipt', async () => {
    const { tx } = await transferOf(1112);
    await checkNow(tx.id);
    expect((await checkNow(tx.id)).state).toBe('refund_pending');

    const otp = await call(refundOtp, `/api/transfers/${tx.id}/refund/otp`, { body: {}, params: { id: tx.id } });
    expect(otp.status).toBe(200);
    const wrong = await call(refund, `/api/transfers/${tx.id}/refund`, { body: { otp: '111111', otpRefId: otp.body.otpRefId }, params: { id: tx.id } });
    expect(wrong).toMatchObject({ status: 422, body: { error: { code: 'otp_wrong' } } });
    const done = await call(refund, `/api/transfers/${tx.id}/refund`, { body: { otp: SANDBOX_OTP, otpRefId: otp.body.otpRefId }, params: { id: tx.id } });
    expect(done.body.transaction).toMatchObject({
      kind: 'dmt_refund',
      state: 'success',
      refundOf: tx.id,
      refundTid: expect.any(String),
      refundedPaise: 112_312,
    });
    const transfer = (await call(getOne, `/api/transfers/${tx.id}`, { params: { id: tx.id } })).body.transaction;
    expect(transfer).toMatchObject({ state: 'refunded', refund: { state: 'success', refundTid: expect.any(String), refundedPaise: 112_312 } });
    // Refunded once: a second refund is refused before Eko.
    const again = await call(refundOtp, `/api/transfers/${tx.id}/refund/otp`, { body: {}, params: { id: tx.id } });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'refund_not_allowed' } } });
  });

  it('a refund whose answer never comes is unknown; the inquiry finds it done', async () => {
    const { tx } = await transferOf(1117);
    await checkNow(tx.id);
    expect((await checkNow(tx.id)).state).toBe('refund_pending');
    const otp = await call(refundOtp, `/api/transfers/${tx.id}/refund/otp`, { body: {}, params: { id: tx.id } });
    const lost = await call(refund, `/api/transfers/${tx.id}/refund`, { body: { otp: SANDBOX_OTP, otpRefId: otp.body.otpRefId }, params: { id: tx.id } });
    expect(lost.body.transaction).toMatchObject({ kind: 'dmt_refund', state: 'unknown' });
    expect(sandbox.state.calls.filter((c) => c.method === 'POST' && c.path === `/customer/payment/refund/${tx.ekoTid}`)).toHaveLength(1);
    expect((await checkNow(lost.body.transaction.id)).state).toBe('success');
    expect((await rowOf(tx.id)).state).toBe('refunded');
  });

  it('while a refund is unknown, no second refund OTP or refund goes to Eko: the refusal names the pending refund', async () => {
    const { tx } = await transferOf(1117);
    await checkNow(tx.id);
    await checkNow(tx.id);
    const otp = await call(refundOtp, `/api/transfers/${tx.id}/refund/otp`, { body: {}, params: { id: tx.id } });
    const lost = await call(refund, `/api/transfers/${tx.id}/refund`, { body: { otp: SANDBOX_OTP, otpRefId: otp.body.otpRefId }, params: { id: tx.id } });
    expect(lost.body.transaction.state).toBe('unknown');
    const refundOtpCalls = () => sandbox.state.calls.filter((c) => c.path.startsWith(`/customer/payment/refund/${tx.ekoTid}/otp`));
    const sentOtps = refundOtpCalls().length;
    const again = await call(refundOtp, `/api/transfers/${tx.id}/refund/otp`, { body: {}, params: { id: tx.id } });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'refund_pending', transactionId: lost.body.transaction.id } } });
    const twice = await call(refund, `/api/transfers/${tx.id}/refund`, { body: { otp: SANDBOX_OTP, otpRefId: otp.body.otpRefId }, params: { id: tx.id } });
    expect(twice).toMatchObject({ status: 409, body: { error: { code: 'refund_pending' } } });
    expect(refundOtpCalls()).toHaveLength(sentOtps);
    expect(sandbox.state.calls.filter((c) => c.method === 'POST' && c.path === `/customer/payment/refund/${tx.ekoTid}`)).toHaveLength(1);
  });
});

describe('no answer is unknown, never failed, and nothing is sent twice', () => {
  it('1221: done at Eko, the answer lost → unknown → the inquiry by client_ref_id finds it, with no second Initiate Transfer', async () => {
    const { tx } = await transferOf(1221);
    expect(tx).toMatchObject({ state: 'unknown', ekoTid: null });
    expect((await otpFor(500)).body.error.code).toBe('transfer_pending');
    const settled = await checkNow(tx.id);
    expect(settled).toMatchObject({ state: 'success', ekoTid: expect.any(String), feePaise: 1221, feeMismatch: false });
    expect(inquiryCalls().map((c) => c.path)).toEqual([`/tools/reference/transaction/client_ref_id:${tx.clientRefId}`]);
    expect(initiateCalls()).toHaveLength(1);
  });

  it('1222: done, then a gateway 502 → unknown → success through the inquiry', async () => {
    const { tx } = await transferOf(1222);
    expect(tx.state).toBe('unknown');
    expect((await checkNow(tx.id)).state).toBe('success');
    expect(initiateCalls()).toHaveLength(1);
  });

  it('1223: nothing recorded at Eko → "not found" stays unknown (for a person to decide), never failed', async () => {
    const { tx } = await transferOf(1223);
    expect(tx.state).toBe('unknown');
    expect((await checkNow(tx.id)).state).toBe('unknown');
    expect((await checkNow(tx.id)).state).toBe('unknown');
    const row = await rowOf(tx.id);
    expect(row).toMatchObject({ checkCount: 2, finalAt: null });
    expect(row.nextCheckAt).not.toBeNull();
    expect(initiateCalls()).toHaveLength(1);
  });

  it('an admin closes a day-old unknown that Eko never recorded (one inquiry first), which frees the recipient; one Eko has is settled instead', async () => {
    const admin = await cookieFor(await createTestUser('admin'));
    const closeAs = (id: string, as: string, reason = 'Eko support: no such transaction') =>
      call(closeAdmin, `/api/admin/transactions/${id}/close`, { body: { reason }, params: { id }, as });
    const dayOld = (id: string) =>
      getDb().then((db) =>
        db
          .update(transactions)
          .set({ createdAt: new Date(Date.now() - 25 * 3600_000) })
          .where(eq(transactions.id, id)),
      );

    const { tx: lost } = await transferOf(1223);
    expect(await closeAs(lost.id, admin)).toMatchObject({ status: 409, body: { error: { code: 'close_not_allowed' } } }); // not a day old yet
    await dayOld(lost.id);
    expect((await closeAs(lost.id, cookie)).status).toBe(403); // agents cannot
    expect(await closeAs(lost.id, admin, 'no')).toMatchObject({ status: 400, body: { error: { fields: { reason: expect.any(String) } } } });
    const closed = await closeAs(lost.id, admin);
    expect(closed.body.transaction).toMatchObject({ state: 'failed', declineReason: 'not_at_eko' });
    expect((await otpFor(500)).status).toBe(200); // the recipient is free again
    const audits = await (await getDb()).select().from(auditEvents).where(eq(auditEvents.action, 'admin.transaction_close'));
    expect(audits).toContainEqual(expect.objectContaining({ outcome: 'refused', detail: `${lost.clientRefId}:unknown` })); // the early try
    expect(audits).toContainEqual(
      expect.objectContaining({ outcome: 'ok', targetUserId: agent.id, detail: `${lost.clientRefId}:failed:Eko support: no such transaction` }),
    );

    const { tx: done } = await transferOf(1221, { recipientId: MEENA });
    await dayOld(done.id);
    expect((await closeAs(done.id, admin)).body.transaction).toMatchObject({ state: 'success', ekoTid: expect.any(String) });
    expect(initiateCalls()).toHaveLength(2);
  });

  const FAULTS = [...new Set(Object.values(FAULT_FIXTURES))] as FaultFixture[];
  it.each(FAULTS)('fault "%s" on Initiate Transfer → unknown, sent exactly once, audited as an upstream error', async (fault) => {
    const otpRefId = (await otpFor(1000)).body.otpRefId;
    sandbox.state.pathFaults.set('/customer/payment/dmt-fino', fault);
    const { tx } = await transferOf(1000, { otpRefId });
    expect(tx.state).toBe('unknown');
    expect(initiateCalls()).toHaveLength(1);
    const [audit] = await (await getDb()).select().from(auditEvents).where(eq(auditEvents.action, 'transfer.initiate'));
    expect(audit).toMatchObject({ outcome: 'upstream_error', attempts: 1, clientRefId: tx.clientRefId });
    // The same OTP reference cannot be sent again while the first attempt is unknown.
    expect((await transferOf(1000, { otpRefId })).body.error.code).toBe('transfer_pending');
    expect(initiateCalls()).toHaveLength(1);
  });

  it('two submits of one OTP at the same moment: one reaches Eko, the other is refused', async () => {
    const otpRefId = (await otpFor(1000)).body.otpRefId;
    const [a, b] = await Promise.all([transferOf(1000, { otpRefId }), transferOf(1000, { otpRefId })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(initiateCalls()).toHaveLength(1);
  });

  it('"Check" pressed while Initiate Transfer is still in flight leaves the row alone, and the call’s own answer (a wrong-OTP decline) is applied', async () => {
    // Eko answers this transfer after 2 s: the client must wait longer than that for it.
    process.env.EKO_TIMEOUT_MS = '5000';
    await forget('config');
    try {
      const otpRefId = (await otpFor(1000)).body.otpRefId;
      sandbox.state.pathFaults.set('/customer/payment/dmt-fino', 'slow');
      const inflight = transferOf(1000, { otpRefId, otp: '123123' });
      let row = undefined as Awaited<ReturnType<typeof rowOf>> | undefined;
      await expect
        .poll(async () => (row = (await (await getDb()).select().from(transactions).where(eq(transactions.otpRefId, otpRefId)))[0])?.state)
        .toBe('sending');
      expect((await checkNow(row!.id)).state).toBe('sending');
      expect(inquiryCalls()).toHaveLength(0); // nothing to ask while the call is out
      const { tx } = await inflight;
      expect(tx).toMatchObject({ state: 'declined', declineReason: 'wrong_otp' });
      // The declined attempt moved no money: the same OTP reference, typed right, goes through.
      expect((await transferOf(1000, { otpRefId })).tx.state).toBe('success');
      expect(initiateCalls()).toHaveLength(2);
    } finally {
      process.env.EKO_TIMEOUT_MS = '1500';
      await forget('config');
    }
  });
});

describe('the reconciler', () => {
  async function sandboxTransfer(amount: number, clientRefId: string) {
    const base = process.env.EKO_SANDBOX_URL!;
    const otp = await callSandbox(
      base,
      'POST',
      '/customer/payment/dmt-fino/otp',
      { customer_id: ASHA, recipient_id: Number(RAVI), amount },
      { userCode: agent.ekoUserCode! },
    );
    return callSandbox(
      base,
      'POST',
      '/customer/payment/dmt-fino',
      { customer_id: ASHA, recipient_id: Number(RAVI), amount, otp: SANDBOX_OTP, otp_ref_id: otp.json.data.otp_ref_id, client_ref_id: clientRefId },
      { userCode: agent.ekoUserCode! },
    );
  }

  /** A row as a crash leaves it: written, sent (or not), never answered, its grace over. */
  async function crashedRow(clientRefId: string, recipientId = RAVI) {
    const [row] = await (
      await getDb()
    )
      .insert(transactions)
      .values({
        clientRefId,
        kind: 'dmt_transfer',
        agentId: agent.id,
        senderMobile: ASHA,
        recipientId,
        recipientName: 'Ravi Verma',
        amountPaise: 100_000,
        state: 'sending',
        createdAt: new Date(Date.now() - 5 * 60_000),
        nextCheckAt: new Date(Date.now() - 1000),
      })
      .returning();
    return row!;
  }

  it('finds a transfer a crash left in "sending" by its client_ref_id; one Eko never saw stays unknown', async () => {
    const sentRef = newClientRefId();
    expect((await sandboxTransfer(1000, sentRef)).json.data.tx_status).toBe('0');
    const sent = await crashedRow(sentRef);
    const lost = await crashedRow(newClientRefId(), MEENA);

    expect(await reconcileRound()).toBe(2);
    expect(await rowOf(sent.id)).toMatchObject({ state: 'success', ekoTid: expect.any(String), checkCount: 1, leaseUntil: null, nextCheckAt: null });
    expect(await rowOf(lost.id)).toMatchObject({ state: 'unknown', checkCount: 1, leaseUntil: null, finalAt: null });
    expect(initiateCalls()).toHaveLength(1); // the sandbox's own, never one from the reconciler
  });

  it('two instances at once inquire each due row once (leases)', async () => {
    for (let i = 0; i < 6; i++)
      await crashedRow(newClientRefId()).then((r) =>
        getDb().then((db) =>
          db
            .update(transactions)
            .set({ recipientId: String(20000000 + i) })
            .where(eq(transactions.id, r.id)),
        ),
      );
    const [a, b] = await Promise.all([reconcileRound(), reconcileRound()]);
    expect(a + b).toBe(6);
    expect(inquiryCalls()).toHaveLength(6);
    expect(await reconcileRound()).toBe(0); // next checks are 30 s away
  });

  it('an awaited transfer settles on the reconciler’s rounds without the agent', async () => {
    const { tx } = await transferOf(1116);
    expect(tx.state).toBe('awaited');
    const db = await getDb();
    for (let i = 0; i < 2; i++) {
      await db
        .update(transactions)
        .set({ nextCheckAt: new Date(Date.now() - 1000) })
        .where(eq(transactions.id, tx.id));
      await reconcileRound();
    }
    expect(await rowOf(tx.id)).toMatchObject({ state: 'success', nextCheckAt: null });
    const events = await db.select().from(transactionEvents).where(eq(transactionEvents.transactionId, tx.id));
    expect(events.at(-1)).toMatchObject({ fromState: 'awaited', toState: 'success', source: 'reconciler' });
  });
});

describe('who sees what', () => {
  it("an agent sees only their own transactions; an admin sees the network's, the awaited queue and the CSV", async () => {
    const { tx } = await transferOf(1111);
    await transferOf(1000, { recipientId: MEENA });
    const other = await cookieFor(await createTestUser('agent'));
    expect((await call(getOne, `/api/transfers/${tx.id}`, { params: { id: tx.id }, as: other })).status).toBe(404);
    expect((await call(check, `/api/transfers/${tx.id}/check`, { body: {}, params: { id: tx.id }, as: other })).status).toBe(404);
    expect((await call(history, '/api/transfers', { as: other })).body).toMatchObject({ rows: [], total: 0 });
    // The same recipient is blocked for every agent while the transfer is pending, but only its
    // own agent is told which row it is (another's id would only lead to a 404).
    const blocked = await call(sendOtp, '/api/transfers/otp', { body: { senderMobile: ASHA, recipientId: RAVI, amount: 500 }, as: other });
    expect(blocked).toMatchObject({ status: 409, body: { error: { code: 'transfer_pending' } } });
    expect(blocked.body.error).not.toHaveProperty('transactionId');
    expect((await otpFor(500)).body.error).toMatchObject({ code: 'transfer_pending', transactionId: tx.id });
    expect((await call(history, '/api/transfers?state=success')).body).toMatchObject({ total: 1 });

    const admin = await cookieFor(await createTestUser('admin'));
    expect((await call(getOne, `/api/transfers/${tx.id}`, { params: { id: tx.id }, as: admin })).status).toBe(200);
    expect((await call(listAdmin, `/api/admin/transactions?agent=${agent.id}&min=1000&max=1200`, { as: admin })).body.total).toBe(2);
    const figures = (await call(summary, '/api/admin/transactions/summary?days=7', { as: admin })).body;
    expect(figures.awaitedQueue).toEqual([expect.objectContaining({ id: tx.id, ageSeconds: expect.any(Number) })]);
    expect(figures.byState).toEqual({ awaited: 1, success: 1 });
    expect(figures.perDay).toEqual([expect.objectContaining({ count: 2, valuePaise: 100_000 })]);

    const csv = await call(exportCsv, '/api/admin/transactions/export', { as: admin });
    expect(csv.status).toBe(200);
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^created,final,kind,state,client_ref_id/);
    expect(csv.body).toContain('XXXXXX4567');
    expect(csv.body).not.toMatch(/30001234567|50100123456789/);
    expect((await call(listAdmin, '/api/admin/transactions', { as: cookie })).status).toBe(403);
  });
});
