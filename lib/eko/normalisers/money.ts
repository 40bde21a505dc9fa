import 'server-only';
import type { Bank, DeclineReason, IfscDetails, Recipient, RecipientList } from '@/lib/transfers/types';
import { EKO_RESPONSE_TYPE, EKO_STATUS } from '../codes';
import type { EkoFailure } from '../client';
import { type EkoEnvelope, isRecord, isStepSuccess, toNumber, toText } from '../envelope';

// DMT-Fino money movement (docs/eko-api.md §13): Eko's answers become the domain types of
// lib/transfers/types.ts. Amounts: Eko sends rupees (as numbers or strings, "1010.0"); the domain
// holds integer paise. Every normaliser returns null for an answer it does not recognise, which
// the client turns into a typed failure (never a guess).

/** Rupees as Eko writes them ("1010.0", 1010, "10.00") → integer paise, or null. */
export function paiseOf(value: unknown): number | null {
  const rupees = toNumber(value);
  return rupees === null || rupees < 0 ? null : Math.round(rupees * 100);
}

/** XXXXXX1234: the last four digits only, whatever Eko sent (it may be the whole number). */
export function maskAccount(account: unknown): string {
  const digits = (toText(account) ?? '').replace(/\D/g, '');
  return `XXXXXX${digits.slice(-4).padStart(4, 'X')}`;
}

function recipientOf(raw: unknown): Recipient | null {
  if (!isRecord(raw)) return null;
  const id = toText(raw.recipient_id);
  const name = toText(raw.recipient_name);
  if (!id || !name) return null;
  return {
    id,
    name,
    mobile: toText(raw.recipient_mobile),
    bank: toText(raw.bank) ?? '',
    ifsc: (toText(raw.ifsc) ?? '').toUpperCase(),
    accountMasked: maskAccount(raw.account),
    verified: raw.is_verified === true || toNumber(raw.is_verified) === 1,
  };
}

/** pan_required: 1 = required (2 in Eko's example = not required). */
const panRequired = (v: unknown) => v === true || toNumber(v) === 1;

/** Get Recipients: rt 23 with the list, rt 22 "No recepients found" (an empty list, not an error). */
export function normaliseRecipients(env: EkoEnvelope): RecipientList | null {
  if (env.status !== EKO_STATUS.success) return null;
  if (env.responseTypeId === EKO_RESPONSE_TYPE.noRecipients) return { recipients: [], panRequired: false, limitBeforePanPaise: null };
  if (env.responseTypeId !== EKO_RESPONSE_TYPE.recipients || !Array.isArray(env.data.recipient_list)) return null;
  return {
    recipients: env.data.recipient_list.map(recipientOf).filter((r): r is Recipient => r !== null),
    panRequired: panRequired(env.data.pan_required),
    limitBeforePanPaise: paiseOf(env.data.remaining_limit_before_pan_required),
  };
}

/** Add Recipient: rt 43 with the new recipient_id; status 342 says the account is registered already. */
export function normaliseAddRecipient(env: EkoEnvelope): { kind: 'added'; recipientId: string } | { kind: 'exists' } | null {
  if (env.status === EKO_STATUS.recipientExists) return { kind: 'exists' };
  if (!isStepSuccess(env, [EKO_RESPONSE_TYPE.recipientAdded])) return null;
  const recipientId = toText(env.data.recipient_id);
  return recipientId ? { kind: 'added', recipientId } : null;
}

/** IFSC look-up: rt 414 {bank, branch}. */
export function normaliseIfsc(env: EkoEnvelope, ifsc: string): IfscDetails | null {
  if (!isStepSuccess(env, [EKO_RESPONSE_TYPE.ifscFound])) return null;
  const bank = toText(env.data.bank);
  return bank ? { ifsc: ifsc.toUpperCase(), bank, branch: toText(env.data.branch) } : null;
}

/**
 * The bank list. Eko's reference leaves its shape undocumented; integrators read
 * `param_attributes.list_elements[]` at the top level (one under `data`), with elements as
 * {value, label} or {bank_code, name}. Anything else is skipped, element by element.
 */
export function normaliseBankList(env: EkoEnvelope): Bank[] | null {
  if (env.status !== EKO_STATUS.success) return null;
  const holder = [env.raw.param_attributes, env.data.param_attributes].find(isRecord);
  const elements = holder?.list_elements;
  if (!Array.isArray(elements)) return null;
  const banks: Bank[] = [];
  for (const e of elements) {
    if (!isRecord(e)) continue;
    const code = toText(e.value) ?? toText(e.bank_code);
    const name = toText(e.label) ?? toText(e.name);
    if (code && name && /^[A-Z0-9]{2,12}$/.test(code)) banks.push({ code, name });
  }
  return banks.length > 0 ? banks : null;
}

/** Send Transaction OTP (and the refund OTP): rt 2133 with otp_ref_id. */
export function normaliseTransferOtp(env: EkoEnvelope): { otpRefId: string } | null {
  // The refund OTP's success is status 2133 (not 0) in Eko's own example: route on the type.
  const okStatus = env.status === EKO_STATUS.success || env.status === EKO_RESPONSE_TYPE.otpSent;
  if (!okStatus || env.responseTypeId !== EKO_RESPONSE_TYPE.otpSent) return null;
  const otpRefId = toText(env.data.otp_ref_id);
  return otpRefId ? { otpRefId } : null;
}

/** tx_status as Eko reports it (docs/eko-api.md §9); anything unlisted is "unknown". */
export type EkoTxStatus = 'success' | 'failed' | 'awaited' | 'refund_pending' | 'refunded' | 'hold' | 'unknown';

export function txStatusOf(value: unknown): { status: EkoTxStatus; code: number | null } {
  const code = toNumber(value);
  const known: Record<number, EkoTxStatus> = { 0: 'success', 1: 'failed', 2: 'awaited', 3: 'refund_pending', 4: 'refunded', 5: 'hold', 6: 'awaited' };
  return {
    status: code !== null && Number.isInteger(code) ? (known[code] ?? 'unknown') : 'unknown',
    code: code !== null && Number.isInteger(code) ? code : null,
  };
}

/** What a money answer says about the transaction: what the row keeps. */
export interface TransactionFacts {
  txStatus: EkoTxStatus;
  txStatusCode: number | null;
  tid: string | null;
  bankRef: string | null;
  amountPaise: number | null;
  feePaise: number | null;
  collectablePaise: number | null;
  walletBalancePaise: number | null;
  senderName: string | null;
  recipientName: string | null;
  /** Eko's reason (data.reason), for failed and refund-pending transactions. */
  reason: string | null;
  refundTid: string | null;
  refundedPaise: number | null;
}

function factsOf(data: Record<string, unknown>): TransactionFacts {
  const { status, code } = txStatusOf(data.tx_status);
  return {
    txStatus: status,
    txStatusCode: code,
    tid: toText(data.tid),
    bankRef: toText(data.bank_ref_num) ?? toText(data.rrn),
    amountPaise: paiseOf(data.amount),
    feePaise: paiseOf(data.fee),
    collectablePaise: paiseOf(data.collectable_amount),
    walletBalancePaise: paiseOf(data.balance),
    senderName: toText(data.sender_name),
    recipientName: toText(data.recipient_name),
    reason: toText(data.reason),
    refundTid: toText(data.refund_tid),
    refundedPaise: paiseOf(data.refunded_amount),
  };
}

/** Eko's decline reasons (data.reason, EPS's wording and the help pages'), as the next step needs them. */
function declineReasonOf(status: number | null, text: string): DeclineReason {
  const r = text.toLowerCase();
  if (status === EKO_STATUS.insufficientBalance || r.includes('insufficient balance')) return 'insufficient_balance';
  if (status === EKO_STATUS.wrongOtp || r.includes('wrong otp') || /invalid otp\b/.test(r)) return 'wrong_otp';
  if (r.includes('consumed')) return 'otp_consumed';
  if (r.includes('attempts exhausted')) return 'otp_attempts_exhausted';
  if (status === EKO_STATUS.otpExpired || r.includes('otp expired') || (r.includes('otp') && r.includes('expired'))) return 'otp_expired';
  if (r.includes('limit')) return 'limit_exhausted';
  if (r.includes('bank') && (r.includes('not available') || r.includes('down'))) return 'bank_unavailable';
  return 'other';
}

/**
 * A money call Eko refused with no transaction (validation refusals, wrong or expired refund
 * OTPs): nothing moved, and the reason says what to do next. An unknown OTP reference means a new
 * OTP. Null when the answer carries a tx_status: a transaction exists, so only the inquiry may say
 * what happened to it.
 */
export function refusalOf(failure: Extract<EkoFailure, { kind: 'business' }>): { reason: DeclineReason; text: string } | null {
  if ('tx_status' in failure.data) return null;
  const fieldText = failure.invalidParams ? Object.values(failure.invalidParams)[0] : undefined;
  const text = failure.reason ?? fieldText ?? failure.message;
  if (failure.invalidParams?.otpRefId) return { reason: 'otp_expired', text };
  return { reason: declineReasonOf(failure.status, text), text };
}

/** Initiate Transfer's answer, when it is one: accepted (final or not), or declined (no money moved, or failed at once). */
export type TransferAnswer = { kind: 'accepted'; facts: TransactionFacts } | { kind: 'declined'; reason: DeclineReason; facts: TransactionFacts };

/**
 * Initiate Transfer. Success is rt 325 with tx_status 0. An accepted but unfinished transfer
 * (tx_status 2, 5, 6, or a value not listed) comes back with status 0 and often no
 * response_type_id: it is the transaction's state, not a failure, and goes to the inquiry. A
 * decline is status 55 (347 for the balance) with tx_status 1 and data.reason. Anything else,
 * validation refusals included, is a failure the client types (and the service treats a missing
 * answer as unknown, never as declined).
 */
export function normaliseInitiateTransfer(env: EkoEnvelope): TransferAnswer | null {
  if (env.invalidParams || !('tx_status' in env.data)) return null;
  const facts = factsOf(env.data);
  if (env.status === EKO_STATUS.transferDeclined || env.status === EKO_STATUS.insufficientBalance) {
    return facts.txStatus === 'failed' ? { kind: 'declined', reason: declineReasonOf(env.status, facts.reason ?? env.message), facts } : null;
  }
  if (env.status !== EKO_STATUS.success) return null;
  // "Success" needs its type; a failed tx_status under status 0 is not a shape we know.
  if (facts.txStatus === 'success' && env.responseTypeId !== EKO_RESPONSE_TYPE.transferDone && env.responseTypeId !== null) return null;
  if (facts.txStatus === 'failed' || facts.txStatus === 'refund_pending' || facts.txStatus === 'refunded') return null;
  return { kind: 'accepted', facts };
}

/**
 * Transaction Inquiry: rt 1472 with the transaction's current tx_status; "not found" (status 1,
 * response status 463) is an answer too: Eko has no such transaction (yet). Not found is never
 * "failed": a transfer Eko did not record moved no money, but the caller cannot tell a lost
 * request from a lagging one, so it stays unknown and goes to a person.
 */
export function normaliseInquiry(env: EkoEnvelope): { found: true; facts: TransactionFacts } | { found: false } | null {
  if (env.responseStatusId === EKO_STATUS.notFound && env.status !== EKO_STATUS.success) return { found: false };
  if (!isStepSuccess(env, [EKO_RESPONSE_TYPE.inquiry]) || !('tx_status' in env.data)) return null;
  return { found: true, facts: factsOf(env.data) };
}

/** Refund: rt 74 {refund_tid, refunded_amount, balance}. */
export function normaliseRefund(env: EkoEnvelope): { refundTid: string; refundedPaise: number | null; walletBalancePaise: number | null } | null {
  if (!isStepSuccess(env, [EKO_RESPONSE_TYPE.refundDone])) return null;
  const refundTid = toText(env.data.refund_tid);
  return refundTid ? { refundTid, refundedPaise: paiseOf(env.data.refunded_amount), walletBalancePaise: paiseOf(env.data.balance) } : null;
}
