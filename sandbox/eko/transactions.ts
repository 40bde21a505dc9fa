import { randomBytes } from 'node:crypto';
import { OTP_EXPIRED, SANDBOX_OTP, TXN_OTP_TTL_MS } from './fixtures';
import { bankRef, indiaTimestamp, javaDouble, moveWallet, newTid, rupees2, type TransactionRecord, walletOf } from './money-state';
import { type EkoReply, type EkoRequest, invalidParams, lookupSender, pathSegment, type SandboxRoute, type SandboxState } from './server';

// Transaction Inquiry and the refund of a failed transfer (docs/eko-api.md §13), for every
// transaction the sandbox made (DMT transfers and AePS calls).
//
// Contract notes (what is a sandbox assumption):
// - Inquiry: path, rt 1472 and fields follow EPS api-specs.ts ("transaction-inquiry"); the
//   sandbox adds `reason` on failed/refund-pending ones and `refund_tid`/`refunded_amount` on
//   refunded ones. Not found is EPS's (retired) "bbps-transaction-status" example: status 1,
//   rsid 463, "Transaction not found.", `data: {}`, no response_type_id.
// - Awaited transactions move on one step per inquiry (count-based, deterministic; see
//   TRANSFER_FIXTURES / AEPS_WITHDRAWAL_FIXTURES). Nothing moves without an inquiry.
// - That the inquiry also covers AePS transactions is unconfirmed (EPS says "all Eko financial
//   transaction types"); the sandbox answers for them by tid and client_ref_id.
// - A DMT transfer that turns failed (1) gives back the wallet debit and the sender's limit at
//   once; one that turns refund pending (3) keeps both until the refund is done.
// - Refund OTP: EPS's success example is status 2133, rsid 1, rt 2133 "Send OTP" (the same
//   captured answer as PPI's Send OTP), so the sandbox answers exactly that: route on rt 2133
//   and data.otp_ref_id, not on status 0. Its otp_ref_id is an opaque base64-like string.
// - Refund errors are the sandbox's choice: unknown tid → 168 "TID does not exist" (Eko's
//   status table) with invalid_params.tid; a transaction not in tx_status 3 → status 1,
//   invalid_params.tid "Refund is not allowed for this transaction"; wrong OTP → status 302,
//   expired OTP (the OTP 000000 or older than 10 min) → status 303, each with rt = status.
// - Refund success (rt 74) re-credits amount + fee to the agent wallet (refunded_amount) and
//   gives the sender's limit back; state must be 1 when sent, service_code is optional (EPS).

export const TXSTATUS_DESC: Record<string, string> = {
  '0': 'Success',
  '1': 'Failed',
  '2': 'Awaited',
  '3': 'Refund Pending',
  '4': 'Refunded',
  '5': 'Hold',
  '6': 'Response Awaited',
};
export const txstatusDesc = (s: string) => TXSTATUS_DESC[s] ?? 'Processing';

const FAILED_AT_BANK = 'Transaction failed at beneficiary bank';

/** Gives a DMT sender's monthly limit back (or takes it), as Get Sender shows it. */
export function moveSenderUsed(state: SandboxState, mobile: string, delta: number) {
  const sender = lookupSender(state, mobile);
  if (sender && 'used' in sender) state.senders.set(mobile, { ...sender, used: Math.max(sender.used + delta, 0) });
}

export function recordTransaction(state: SandboxState, txn: Omit<TransactionRecord, 'tid' | 'inquiries' | 'createdAt'>): TransactionRecord {
  const record: TransactionRecord = { ...txn, tid: newTid(state.money), inquiries: 0, createdAt: new Date() };
  state.money.transactions.set(record.tid, record);
  if (record.clientRefId) state.money.clientRefs.set(record.clientRefId, record.tid);
  return record;
}

/** Moves a transaction to `next`, with the money effects of that move. */
export function applyStatus(state: SandboxState, txn: TransactionRecord, next: string) {
  const prev = txn.txStatus;
  if (prev === next) return;
  txn.txStatus = next;
  if (next === '0') txn.bankRefNum = bankRef(txn.tid);
  if (txn.kind === 'dmt') {
    const debit = Math.round((txn.amount + txn.fee) * 100);
    if (next === '1') {
      txn.reason = FAILED_AT_BANK;
      moveWallet(state.money, txn.userCode, debit);
      moveSenderUsed(state, txn.customerId, -txn.amount);
    } else if (next === '3') {
      txn.reason = `${FAILED_AT_BANK}; refund pending`;
    } else if (next === '4') {
      moveWallet(state.money, txn.userCode, debit);
      moveSenderUsed(state, txn.customerId, -txn.amount);
    }
  } else if (txn.kind === 'aeps_cash_withdrawal' && txn.aeps) {
    if (next === '0') {
      moveWallet(state.money, txn.userCode, Math.round(txn.amount * 100));
      const balance = state.money.bankBalances.get(txn.aeps.accountKey) ?? 0;
      state.money.bankBalances.set(txn.aeps.accountKey, Math.round((balance - txn.amount) * 100) / 100);
    } else if (next === '1') {
      txn.reason = 'Transaction declined by issuer bank';
    }
  }
}

const notFound = (): EkoReply => ({ json: { status: 1, response_status_id: 463, message: 'Transaction not found.', data: {} } });

export function findTransaction(state: SandboxState, reference: string): TransactionRecord | null {
  const byRef = /^client_ref_id:(.+)$/.exec(reference);
  const tid = byRef ? state.money.clientRefs.get(byRef[1]!) : reference;
  return (tid && state.money.transactions.get(tid)) || null;
}

function inquiry(req: EkoRequest, match: RegExpExecArray): EkoReply {
  const txn = findTransaction(req.state, pathSegment(match[1]!));
  if (!txn) return notFound();
  txn.inquiries++;
  const next = txn.timeline.shift();
  if (next !== undefined) applyStatus(req.state, txn, next);
  const common = {
    tx_status: txn.txStatus,
    txstatus_desc: txstatusDesc(txn.txStatus),
    tid: txn.tid,
    client_ref_id: txn.clientRefId ?? '',
    amount: javaDouble(txn.amount),
    fee: javaDouble(txn.fee),
    bank_ref_num: txn.bankRefNum,
    timestamp: indiaTimestamp(txn.createdAt),
    ...(txn.reason && (txn.txStatus === '1' || txn.txStatus === '3') ? { reason: txn.reason } : {}),
    ...(txn.refund ? { refund_tid: txn.refund.refundTid, refunded_amount: rupees2(txn.refund.refundedAmount) } : {}),
  };
  const specific = txn.dmt
    ? {
        recipient_name: txn.dmt.recipientName,
        account: txn.dmt.account,
        ifsc: txn.dmt.ifsc,
        sender_name: txn.dmt.senderName,
        gst: javaDouble(Math.round((txn.fee * 100 * 18) / 118) / 100),
      }
    : { bank_code: txn.aeps?.bankCode ?? '' };
  return {
    json: { status: 0, response_status_id: 0, response_type_id: 1472, message: 'Sucess! Enquiry success.', data: { ...common, ...specific } },
  };
}

const refundTarget = (req: EkoRequest, match: RegExpExecArray): TransactionRecord | EkoReply => {
  const txn = req.state.money.transactions.get(pathSegment(match[1]!));
  if (!txn) return invalidParams({ tid: 'TID does not exist' }, 168);
  if (txn.kind !== 'dmt' || txn.txStatus !== '3') return invalidParams({ tid: 'Refund is not allowed for this transaction' });
  return txn;
};
const isTxn = (v: TransactionRecord | EkoReply): v is TransactionRecord => 'tid' in v;

function refundOtp(req: EkoRequest, match: RegExpExecArray): EkoReply {
  const txn = refundTarget(req, match);
  if (!isTxn(txn)) return txn;
  const otpRefId = randomBytes(36).toString('base64');
  req.state.money.refundOtps.set(otpRefId, { tid: txn.tid, otp: SANDBOX_OTP, issuedAt: Date.now(), consumed: false });
  return { json: { status: 2133, response_status_id: 1, response_type_id: 2133, message: 'Send OTP', data: { otp_ref_id: otpRefId } } };
}

function refund(req: EkoRequest, match: RegExpExecArray): EkoReply {
  const { otp, otp_ref_id: otpRefId, state: refundState, service_code: serviceCode } = req.body;
  const problems: Record<string, string> = {};
  if (typeof otp !== 'string' && typeof otp !== 'number') problems.otp = 'Please enter a valid OTP';
  else if (!/^\d{4,8}$/.test(String(otp))) problems.otp = 'Please enter a valid OTP';
  if (typeof otpRefId !== 'string' || otpRefId === '') problems.otp_ref_id = 'otp_ref_id is required';
  if (refundState !== undefined && String(refundState) !== '1') problems.state = 'state must be 1';
  if (serviceCode !== undefined && !/^\d{1,4}$/.test(String(serviceCode))) problems.service_code = 'Please provide a valid service_code';
  if (Object.keys(problems).length > 0) return invalidParams(problems);

  const txn = refundTarget(req, match);
  if (!isTxn(txn)) return txn;
  const ref = req.state.money.refundOtps.get(otpRefId as string);
  if (!ref || ref.tid !== txn.tid || ref.consumed) return invalidParams({ otp_ref_id: 'Invalid otp_ref_id' });
  const given = String(otp);
  if (given === OTP_EXPIRED || Date.now() - ref.issuedAt > TXN_OTP_TTL_MS) {
    req.state.money.refundOtps.delete(otpRefId as string);
    return { json: { status: 303, response_status_id: 1, response_type_id: 303, message: 'OTP expired', data: { tid: txn.tid } } };
  }
  if (given !== ref.otp) return { json: { status: 302, response_status_id: 1, response_type_id: 302, message: 'Wrong OTP', data: { tid: txn.tid } } };

  ref.consumed = true;
  applyStatus(req.state, txn, '4');
  const refundedAmount = txn.amount + txn.fee;
  txn.refund = { refundTid: newTid(req.state.money), refundedAmount, at: new Date() };
  const reply: EkoReply = {
    json: {
      status: 0,
      response_status_id: 0,
      response_type_id: 74,
      message: 'Refund done',
      data: {
        refund_tid: txn.refund.refundTid,
        amount: rupees2(txn.amount),
        tds: '0.0',
        balance: javaDouble(walletOf(req.state.money, txn.userCode)),
        fee: javaDouble(txn.fee),
        currency: 'INR',
        commission_reverse: '0.0',
        tid: txn.tid,
        timestamp: txn.refund.at.toISOString(),
        refunded_amount: rupees2(refundedAmount),
      },
    },
  };
  return txn.refundHangs ? { ...reply, transport: 'hang' } : reply;
}

/** For GET /__sandbox/transactions: ids, amounts and states; never OTPs or Aadhaar numbers. */
export function transactionsView(state: SandboxState) {
  return [...state.money.transactions.values()].map((t) => ({
    tid: t.tid,
    client_ref_id: t.clientRefId,
    kind: t.kind,
    user_code: t.userCode,
    customer_id: t.customerId,
    amount: t.amount,
    fee: t.fee,
    tx_status: t.txStatus,
    inquiries: t.inquiries,
    moves_left: t.timeline.length,
    bank_ref_num: t.bankRefNum,
    refund_tid: t.refund?.refundTid ?? null,
    created_at: t.createdAt.toISOString(),
  }));
}

export const transactionRoutes: SandboxRoute[] = [
  { method: 'GET', pattern: /^\/tools\/reference\/transaction\/([^/]+)$/, handle: inquiry },
  { method: 'POST', pattern: /^\/customer\/payment\/refund\/([^/]+)\/otp$/, handle: refundOtp },
  { method: 'POST', pattern: /^\/customer\/payment\/refund\/([^/]+)$/, handle: refund },
];
