import 'server-only';
import { encryptAadhaarForEko } from '@/lib/aadhaar/eko-encrypt';
import { openSealedAadhaar } from '@/lib/aadhaar/server';
import { ApiError } from '@/lib/api/errors';
import type { AgentContext } from '@/lib/auth/agent';
import { callEkoAs } from '@/lib/audit/eko-call';
import { bankList } from '@/lib/banks/list';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { findPendingWithdrawal, findPendingWithdrawalOf, insertTransaction, moveTransaction, type TransactionPatch } from '@/lib/db/queries/transactions';
import { findUserById } from '@/lib/db/queries/users';
import type { Transaction } from '@/lib/db/schema';
import { ekoEndpoints } from '@/lib/eko/endpoints';
import { ekoErrorOf } from '@/lib/eko/failures';
import type { AepsRefusal } from '@/lib/eko/normalisers/aeps-transactions';
import { newClientRefId, scrubUpstreamText } from '@/lib/eko/references';
import { formatInr } from '@/lib/i18n';
import { QUALITY_RECAPTURE_BELOW } from '@/lib/rd/capture';
import { parsePidResponse } from '@/lib/rd/parse';
import type { AepsCustomerInput, AepsWithdrawalInput } from '@/lib/schemas/aeps';
import { todayInIndia } from '@/lib/schemas/sender';
import { outcomeOfWithdrawal, schedule, SENDING_GRACE_MS } from '@/lib/transfers/reconcile';
import { checkWithdrawalAmount, MIN_WITHDRAWAL_NM_POINTS } from './amount';
import type { AepsTransactionKind, StatementLine } from './types';

// A customer's AePS-Fingpay transactions at the counter (docs/architecture.md §8, eko-api.md
// §13.4), after the agent's daily authentication:
// - A cash withdrawal is money: recorded before it is sent, with its own client_ref_id, sent
//   once, and an answer that is pending or missing is unknown until the inquiry says otherwise.
//   While one is pending for a customer no second one starts (a unique index).
// - A balance enquiry and a mini statement are recorded too (kind, bank, tid, outcome) but
//   without the customer's balance or statement lines: those are returned once, for the screen
//   and the receipt printed then. An enquiry that gets no answer moved nothing: it is "failed,
//   no answer", never pending.
// - The customer's Aadhaar is opened from its seal (bound to this agent, the purpose
//   "aeps_transaction" and the customer's mobile), used in memory for request_hash and Eko's
//   encryption, and only its last four digits are kept.

/** The withdrawal amount rule in force (configuration), as the withdrawal page and the handler both apply it. */
export const withdrawalRule = () => getConfig().aepsWithdrawal;

/** Today's daily authentication (India's day) is Eko's condition for every customer transaction. */
async function requireDailyAuthToday(agent: AgentContext): Promise<void> {
  const user = await findUserById(await getDb(), agent.id);
  if (user?.aepsDailyAuthOn !== todayInIndia()) throw new ApiError('aeps_daily_auth_required');
}

interface Prepared {
  aadhaar: string;
  bankName: string;
  body: { customer_id: string; aadhar: string; latlong: string; bank_code: string; piddata: string };
}

/** The checks every customer transaction shares, in the order that spends the least: 2FA, bank, seal. */
async function prepare(agent: AgentContext, input: AepsCustomerInput): Promise<Prepared> {
  await requireDailyAuthToday(agent);
  const { banks } = await bankList(agent);
  const bank = banks.find((b) => b.code === input.bankCode);
  if (!bank) throw new ApiError('invalid_input', { fields: { bankCode: 'validation.bank' } });
  const aadhaar = openSealedAadhaar(input.aadhaar, { agent, purpose: 'aeps_transaction', mobile: input.customerMobile });
  return {
    aadhaar,
    bankName: bank.name,
    body: {
      customer_id: input.customerMobile,
      aadhar: encryptAadhaarForEko(aadhaar),
      latlong: input.latlong,
      bank_code: input.bankCode,
      piddata: input.piddata,
    },
  };
}

function baseRow(agent: AgentContext, input: AepsCustomerInput, prepared: Prepared, kind: AepsTransactionKind, amountPaise: number) {
  return {
    clientRefId: newClientRefId(),
    kind,
    agentId: agent.id,
    senderMobile: input.customerMobile,
    bankCode: input.bankCode,
    recipientBank: prepared.bankName,
    aadhaarLast4: prepared.aadhaar.slice(-4),
    amountPaise,
    state: 'sending' as const,
  };
}

/**
 * The browser's gate for a withdrawal's finger (35 minutiae, no "use it anyway" below the
 * recapture quality), checked again here: a modified page must not be able to skip it, and a PID
 * without its Resp, with an RD error or without minutiae, is no capture to send.
 */
function refuseWeakFinger(piddata: string): void {
  const resp = parsePidResponse(piddata);
  if (!resp || resp.errCode !== '0') throw new ApiError('invalid_input', { fields: { piddata: 'validation.pid' } });
  const weak =
    resp.nmPoints.length === 0 ||
    Math.min(...resp.nmPoints) < MIN_WITHDRAWAL_NM_POINTS ||
    (resp.qScores.length > 0 && Math.min(...resp.qScores) < QUALITY_RECAPTURE_BELOW);
  if (weak) throw new ApiError('invalid_input', { fields: { piddata: 'validation.pid.minutiae' } });
}

/**
 * The one-pending-withdrawal rule is keyed on the mobile the agent types; the same Aadhaar at the
 * same bank under another mobile is the same account, so it waits too (the last four digits and
 * the bank, all a row keeps: a rare stranger sharing both waits for the other's answer).
 */
async function refusePendingForAccount(aadhaarLast4: string, bankCode: string): Promise<void> {
  const pending = await findPendingWithdrawalOf(await getDb(), aadhaarLast4, bankCode);
  if (pending) throw new ApiError('withdrawal_pending', { transactionId: pending.id });
}

async function refusePending(customerMobile: string): Promise<void> {
  const pending = await findPendingWithdrawal(await getDb(), customerMobile);
  if (pending) throw new ApiError('withdrawal_pending', { transactionId: pending.id });
}

/** Cash withdrawal: the agent pays the customer out of the counter once Eko says it is done. */
export async function withdraw(agent: AgentContext, input: AepsWithdrawalInput): Promise<Transaction> {
  const rule = withdrawalRule();
  const refused = checkWithdrawalAmount(input.amount, rule);
  if (refused) {
    throw new ApiError('invalid_input', {
      fields: { amount: refused },
      vars: (locale) => ({ min: formatInr(rule.minRupees, locale), max: formatInr(rule.maxRupees, locale), step: formatInr(rule.stepRupees, locale) }),
    });
  }
  refuseWeakFinger(input.piddata);
  await refusePending(input.customerMobile);
  const prepared = await prepare(agent, input);
  await refusePendingForAccount(prepared.aadhaar.slice(-4), input.bankCode);
  const row = await insertTransaction(
    await getDb(),
    { ...baseRow(agent, input, prepared, 'aeps_withdrawal', input.amount * 100), nextCheckAt: new Date(Date.now() + SENDING_GRACE_MS) },
    'initiate',
  );
  if (!row) {
    await refusePending(input.customerMobile);
    throw new ApiError('nothing_sent');
  }
  const result = await callEkoAs(
    agent,
    ekoEndpoints.aepsWithdrawal,
    {
      path: { customerMobile: input.customerMobile },
      body: { ...prepared.body, amount: input.amount },
      clientRefId: row.clientRefId,
      requestHashParts: [prepared.aadhaar, String(input.amount), agent.userCode],
    },
    {
      senderMobile: input.customerMobile,
      aadhaar: prepared.aadhaar,
      describe: (answer) => (answer.kind === 'failed' ? `declined:${answer.reason}` : answer.kind === 'paid' ? 'tx_success' : 'tx_awaited'),
    },
  );
  return outcomeOfWithdrawal(row, result);
}

export interface EnquiryOutcome {
  row: Transaction;
  balancePaise: number | null;
  lines: StatementLine[] | null;
}

type EnquiryAnswer =
  { kind: 'balance'; balancePaise: number | null } | { kind: 'statement'; lines: StatementLine[]; balancePaise: number | null } | AepsRefusal;

/** Balance enquiry or mini statement: recorded without figures, answered with them. */
async function enquire(agent: AgentContext, input: AepsCustomerInput, kind: 'aeps_balance' | 'aeps_statement'): Promise<EnquiryOutcome> {
  const prepared = await prepare(agent, input);
  const db = await getDb();
  const row = await insertTransaction(db, baseRow(agent, input, prepared, kind, 0), 'initiate');
  if (!row) throw new ApiError('nothing_sent');
  const call = {
    path: { customerMobile: input.customerMobile },
    body: prepared.body,
    clientRefId: row.clientRefId,
    // Enquiries hash an amount of 0 (developers.eko.in, "request_hash generation process").
    requestHashParts: [prepared.aadhaar, '0', agent.userCode],
  };
  const audit = {
    senderMobile: input.customerMobile,
    aadhaar: prepared.aadhaar,
    describe: (answer: EnquiryAnswer) => (answer.kind === 'failed' ? `declined:${answer.reason}` : `${answer.kind}_read`),
  };
  const result =
    kind === 'aeps_balance' ? await callEkoAs(agent, ekoEndpoints.aepsBalance, call, audit) : await callEkoAs(agent, ekoEndpoints.aepsStatement, call, audit);

  let patch: TransactionPatch;
  let refusedWith: ApiError | null = null;
  if (result.ok && result.value.kind !== 'failed') {
    patch = { ekoTid: result.value.facts.tid, bankRef: result.value.facts.bankRef || null, ...schedule(row, 'success', 0) };
  } else if (result.ok) {
    const { reason, text, facts } = result.value as AepsRefusal;
    patch = { ekoTid: facts.tid, declineReason: reason, ekoReason: scrubUpstreamText(text), ...schedule(row, 'declined', 0) };
  } else if (result.failure.kind === 'business') {
    refusedWith = ekoErrorOf(result);
    patch = { declineReason: 'other', ekoReason: scrubUpstreamText(result.failure.reason ?? result.failure.message), ...schedule(row, 'declined', 0) };
  } else {
    // Nothing moves in an enquiry: no answer is a failure the agent may simply try again.
    patch = { declineReason: 'no_answer', ...schedule(row, 'failed', 0) };
    refusedWith = ekoErrorOf(result);
  }
  const { row: after } = await moveTransaction(db, row.id, 'sending', patch, 'initiate');
  if (refusedWith) throw refusedWith;
  const answer = result.ok ? result.value : null;
  return {
    row: after ?? row,
    balancePaise: answer && answer.kind !== 'failed' ? answer.balancePaise : null,
    lines: answer?.kind === 'statement' ? answer.lines : null,
  };
}

export const balanceEnquiry = (agent: AgentContext, input: AepsCustomerInput) => enquire(agent, input, 'aeps_balance');
export const miniStatement = (agent: AgentContext, input: AepsCustomerInput) => enquire(agent, input, 'aeps_statement');
