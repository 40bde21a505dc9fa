import 'server-only';
import type { StatementLine } from '@/lib/aeps/types';
import type { DeclineReason } from '@/lib/transfers/types';
import { EKO_RESPONSE_TYPE, EKO_STATUS } from '../codes';
import { type EkoEnvelope, isRecord, toNumber, toText } from '../envelope';
import { paiseOf, txStatusOf, type EkoTxStatus } from './money';

// AePS-Fingpay cash withdrawal, balance enquiry and mini statement (docs/eko-api.md §13.4).
// Eko answers a failure of the customer's bank as its own response type (1464 / 1528, with the
// bank's words in data.reason or data.comment) and the missing daily 2FA as 1467 (1528 for a
// mini statement): each is a readable "no", so the normalisers return it as an outcome, not as a
// failure. Field names follow EPS's examples; that live Fingpay answers exactly these is unconfirmed.

/** What an AePS answer says about the transaction. */
export interface AepsFacts {
  txStatus: EkoTxStatus;
  txStatusCode: number | null;
  tid: string | null;
  bankRef: string | null;
  amountPaise: number | null;
  /** The customer's bank balance after (data.balance on a withdrawal, customer_balance otherwise). */
  customerBalancePaise: number | null;
  /** The bank's name as Eko gives it. */
  bankName: string | null;
}

function factsOf(data: Record<string, unknown>): AepsFacts {
  const { status, code } = txStatusOf(data.tx_status);
  return {
    txStatus: status,
    txStatusCode: code,
    tid: toText(data.tid),
    bankRef: toText(data.bank_ref_num) ?? toText(data.rrn),
    amountPaise: paiseOf(data.amount),
    customerBalancePaise: paiseOf(data.balance) ?? paiseOf(data.customer_balance),
    bankName: toText(data.bank),
  };
}

/** The bank's reason, as the next step needs it (NPCI / issuer wording; Eko's words are kept beside). */
export function aepsReasonOf(text: string): DeclineReason {
  const r = text.toLowerCase();
  if (r.includes('2fa') || r.includes('two factor') || r.includes('daily kyc')) return 'two_fa_required';
  if (r.includes('did not match') || r.includes('biometric mismatch') || r.includes('finger')) return 'biometric_mismatch';
  if (r.includes('invalid biometric') || r.includes('authentication failed')) return 'invalid_biometric';
  if (r.includes('not linked') || r.includes('not mapped')) return 'aadhaar_not_linked';
  if (r.includes('insufficient')) return 'insufficient_funds';
  if (r.includes('not available') || r.includes('timed out') || r.includes('timeout') || r.includes(' down')) return 'bank_unavailable';
  return 'other';
}

export type AepsRefusal = { kind: 'failed'; reason: DeclineReason; text: string; facts: AepsFacts };

/** 1464 / 1528 (the bank said no) and 1467 (no 2FA today): nothing was paid out. */
function refusalOf(env: EkoEnvelope, failedTypes: readonly number[]): AepsRefusal | null {
  const isTwoFa = env.responseTypeId === EKO_RESPONSE_TYPE.aepsTwoFaRequired || env.status === EKO_RESPONSE_TYPE.aepsTwoFaRequired;
  const isFailed = env.responseTypeId !== null && failedTypes.includes(env.responseTypeId);
  if (!isTwoFa && !isFailed) return null;
  const text = toText(env.data.reason) ?? toText(env.data.comment) ?? env.message;
  // A "failed" type that says the transaction is in any state but failed is not a refusal we can read.
  const facts = factsOf(env.data);
  if (!isTwoFa && 'tx_status' in env.data && facts.txStatus !== 'failed') return null;
  return { kind: 'failed', reason: isTwoFa ? 'two_fa_required' : aepsReasonOf(text), text, facts };
}

export type WithdrawalAnswer = { kind: 'paid'; facts: AepsFacts } | { kind: 'pending'; facts: AepsFacts } | AepsRefusal;

/**
 * Cash withdrawal: 1463 paid (tx_status 0), 1465 pending (response_status_id 2, tx_status 2:
 * the inquiry decides), 1464 failed. A 1463 that does not say tx_status 0 is not read as paid.
 */
export function normaliseWithdrawal(env: EkoEnvelope): WithdrawalAnswer | null {
  const refused = refusalOf(env, [EKO_RESPONSE_TYPE.aepsTransactionFailed]);
  if (refused) return refused;
  if (env.status !== EKO_STATUS.success) return null;
  const facts = factsOf(env.data);
  if (env.responseTypeId === EKO_RESPONSE_TYPE.aepsWithdrawalPending) return { kind: 'pending', facts };
  if (env.responseTypeId === EKO_RESPONSE_TYPE.aepsWithdrawalDone) {
    if (facts.txStatus === 'success' || !('tx_status' in env.data)) return { kind: 'paid', facts: { ...facts, txStatus: 'success' } };
    if (facts.txStatus === 'awaited' || facts.txStatus === 'hold' || facts.txStatus === 'unknown') return { kind: 'pending', facts };
  }
  return null;
}

export type BalanceAnswer = { kind: 'balance'; balancePaise: number | null; facts: AepsFacts } | AepsRefusal;

/** Balance enquiry: rt 1466 with customer_balance; 1464 failed. */
export function normaliseBalance(env: EkoEnvelope): BalanceAnswer | null {
  const refused = refusalOf(env, [EKO_RESPONSE_TYPE.aepsTransactionFailed]);
  if (refused) return refused;
  if (env.status !== EKO_STATUS.success || env.responseTypeId !== EKO_RESPONSE_TYPE.aepsBalance) return null;
  const facts = factsOf(env.data);
  return { kind: 'balance', balancePaise: paiseOf(env.data.customer_balance) ?? facts.customerBalancePaise, facts };
}

function lineOf(raw: unknown): StatementLine | null {
  if (!isRecord(raw)) return null;
  const amountPaise = paiseOf(raw.amount);
  const type = (toText(raw.txnType) ?? toText(raw.txn_type) ?? '').toLowerCase();
  if (amountPaise === null || (type !== 'dr' && type !== 'cr')) return null;
  return {
    date: (toText(raw.date) ?? '').slice(0, 20),
    narration: (toText(raw.narration) ?? '').slice(0, 80),
    direction: type === 'dr' ? 'debit' : 'credit',
    amountPaise,
  };
}

export type StatementAnswer = { kind: 'statement'; lines: StatementLine[]; balancePaise: number | null; facts: AepsFacts } | AepsRefusal;

/** Mini statement: rt 1527 with mini_statement_list[{date, amount, narration, txnType Dr/Cr}]; 1528 failed (2FA too). */
export function normaliseStatement(env: EkoEnvelope): StatementAnswer | null {
  const refused = refusalOf(env, [EKO_RESPONSE_TYPE.aepsStatementFailed, EKO_RESPONSE_TYPE.aepsTransactionFailed]);
  if (refused) return refused;
  if (env.status !== EKO_STATUS.success || env.responseTypeId !== EKO_RESPONSE_TYPE.aepsStatement) return null;
  const list = Array.isArray(env.data.mini_statement_list) ? env.data.mini_statement_list : [];
  const facts = factsOf(env.data);
  const balance = toNumber(env.data.customer_balance) === null ? null : paiseOf(env.data.customer_balance);
  return { kind: 'statement', lines: list.map(lineOf).filter((l): l is StatementLine => l !== null), balancePaise: balance, facts };
}
