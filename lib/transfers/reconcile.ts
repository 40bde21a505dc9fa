import 'server-only';
import type { AgentContext } from '@/lib/auth/agent';
import { callEkoAs, type EkoResult } from '@/lib/audit/eko-call';
import { getDb } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { findUserById } from '@/lib/db/queries/users';
import { type EventSource, moveTransaction, refundsOf, type TransactionPatch } from '@/lib/db/queries/transactions';
import type { Transaction } from '@/lib/db/schema';
import { scrubUpstreamText } from '@/lib/eko/references';
import { ekoEndpoints } from '@/lib/eko/endpoints';
import { ekoErrorOf } from '@/lib/eko/failures';
import type { WithdrawalAnswer } from '@/lib/eko/normalisers/aeps-transactions';
import { type EkoTxStatus, refusalOf, type TransactionFacts, type TransferAnswer } from '@/lib/eko/normalisers/money';
import type { ApiError } from '@/lib/api/errors';
import { errorKind, logger } from '@/lib/log';
import { FINAL_STATES, PENDING_STATES, type TransactionState } from './types';

// What Eko's answers do to a transaction row: the state machine of docs/architecture.md §8.
//
//   sending ──answer──▶ success | declined | awaited | hold | unknown
//   sending ──no answer (timeout, 5xx, unreadable)──▶ unknown
//   unknown | awaited | hold | sending (a crash) ──inquiry──▶ any tx_status; "not found" stays unknown
//   refund_pending ──refund──▶ refunded
//
// Only the inquiry turns an unknown into a final state; nothing here ever resends a money call,
// and nothing turns a missing answer into "failed".

/** Longer than any Eko timeout (EKO_TIMEOUT_MS ≤ 40 s): a row still 'sending' after it was left by a crash. */
export const SENDING_GRACE_MS = 2 * 60_000;
/** Between inquiries of one row: 30 s, doubling-ish, then every 30 minutes. */
export const BACKOFF_SECONDS = [30, 60, 120, 300, 600, 1800] as const;
/** After a day the reconciler stops asking; the row stays in the admin's awaited queue (and "Check" still works). */
export const GIVE_UP_AFTER_MS = 24 * 3600_000;

/** Unknown for over a day and without an Eko tid (Eko never said it had it): an admin may close it (lib/transfers/admin.ts). */
export function isClosableNotAtEko(row: Pick<Transaction, 'state' | 'ekoTid' | 'createdAt'>, now = Date.now()): boolean {
  return row.state === 'unknown' && !row.ekoTid && now - row.createdAt.getTime() >= GIVE_UP_AFTER_MS;
}

/** When to ask again after `checks` inquiries of a row created at `createdAt`; null once it is a day old. */
export function nextCheckAt(createdAt: Date, checks: number, now: Date = new Date()): Date | null {
  if (now.getTime() - createdAt.getTime() >= GIVE_UP_AFTER_MS) return null;
  const seconds = BACKOFF_SECONDS[Math.min(checks, BACKOFF_SECONDS.length - 1)] ?? 1800;
  return new Date(now.getTime() + seconds * 1000);
}

const STATE_OF_TX: Record<EkoTxStatus, TransactionState> = {
  success: 'success',
  failed: 'failed',
  awaited: 'awaited',
  hold: 'hold',
  refund_pending: 'refund_pending',
  refunded: 'refunded',
  unknown: 'unknown',
};

const isPending = (state: string) => (PENDING_STATES as readonly string[]).includes(state);
const isSettled = (state: TransactionState) => (FINAL_STATES as readonly string[]).includes(state) || state === 'refund_pending';

/** What a readable answer says, kept beside what the row had (an inquiry may omit the fee). */
function factsPatch(row: Transaction, facts: TransactionFacts): TransactionPatch {
  const feePaise = facts.feePaise ?? row.feePaise;
  return {
    ekoTxStatus: facts.txStatusCode,
    ekoTid: facts.tid ?? row.ekoTid,
    bankRef: facts.bankRef || row.bankRef,
    feePaise,
    collectablePaise: facts.collectablePaise ?? row.collectablePaise,
    walletBalancePaise: facts.walletBalancePaise ?? row.walletBalancePaise,
    senderName: facts.senderName ?? row.senderName,
    ekoReason: facts.reason ? scrubUpstreamText(facts.reason) : row.ekoReason,
    feeMismatch: feePaise !== null && row.feeEstimatePaise !== null && feePaise !== row.feeEstimatePaise,
  };
}

/** The row's schedule and final time for a state. */
export function schedule(row: Transaction, state: TransactionState, checks: number): TransactionPatch {
  return {
    state,
    finalAt: isSettled(state) ? new Date() : null,
    nextCheckAt: isPending(state) ? nextCheckAt(row.createdAt, checks) : null,
    leaseUntil: null,
  };
}

/**
 * Writes what Eko answered to a money call that has been sent. Should the database be unreachable
 * just then, the agent must not read "nothing was sent": the row stays as it was written
 * ('sending', due for an inquiry SENDING_GRACE_MS after it was written), the agent is shown it as
 * unknown ("do not pay again") and the reconciler asks Eko once the database is back. Nothing is
 * resent. Any other failure is thrown as before.
 */
async function recordAnswer(row: Transaction, patch: TransactionPatch, source: EventSource): Promise<{ row: Transaction; recorded: boolean }> {
  try {
    const { row: after } = await moveTransaction(await getDb(), row.id, 'sending', patch, source);
    return { row: after ?? row, recorded: true };
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    logger().error(
      { transactionId: row.id, clientRefId: row.clientRefId, kind: row.kind, err: errorKind(err) },
      "money call's answer not recorded: the database is unreachable; the reconciler will ask Eko",
    );
    return { row: { ...row, state: 'unknown' }, recorded: false };
  }
}

/** Applies Initiate Transfer's result to the row written before it was sent. */
export async function outcomeOfTransfer(row: Transaction, result: EkoResult<TransferAnswer>): Promise<Transaction> {
  let patch: TransactionPatch;
  if (result.ok && result.value.kind === 'accepted') {
    patch = { ...factsPatch(row, result.value.facts), ...schedule(row, STATE_OF_TX[result.value.facts.txStatus], 0) };
  } else if (result.ok) {
    const { facts, reason } = result.value as Extract<TransferAnswer, { kind: 'declined' }>;
    patch = { ...factsPatch(row, facts), declineReason: reason, ...schedule(row, 'declined', 0) };
  } else {
    const refusal = result.failure.kind === 'business' ? refusalOf(result.failure) : null;
    patch = refusal
      ? { declineReason: refusal.reason, ekoReason: scrubUpstreamText(refusal.text), ...schedule(row, 'declined', 0) }
      : // No answer, or one we cannot read: unknown. The inquiry says what happened, never a guess.
        { ...schedule(row, 'unknown', 0), ekoReason: null };
  }
  return (await recordAnswer(row, patch, 'initiate')).row;
}

/** Applies the refund call's result to its row (and, when done, to the transfer it refunds). */
export async function outcomeOfRefund(
  row: Transaction,
  transfer: Transaction,
  result: EkoResult<{ refundTid: string; refundedPaise: number | null; walletBalancePaise: number | null }>,
): Promise<Transaction> {
  if (result.ok) {
    const { refundTid, refundedPaise, walletBalancePaise } = result.value;
    const done = await recordAnswer(row, { refundTid, refundedPaise, walletBalancePaise, ...schedule(row, 'success', 0) }, 'refund');
    // Left refund_pending (the refund's answer unrecorded, or the database gone since), the
    // transfer is settled by its inquiry, which moves its refunds with it.
    if (done.recorded) {
      await moveTransaction(await getDb(), transfer.id, 'refund_pending', { refundTid, refundedPaise, state: 'refunded', finalAt: new Date() }, 'refund').catch(
        (err: unknown) => {
          if (!isDatabaseUnavailable(err)) throw err;
          logger().error(
            { transactionId: transfer.id, err: errorKind(err) },
            'refunded transfer not recorded: the database is unreachable; its inquiry will settle it',
          );
        },
      );
    }
    return done.row;
  }
  const refusal = result.failure.kind === 'business' ? refusalOf(result.failure) : null;
  if (refusal) {
    await recordAnswer(row, { declineReason: refusal.reason, ekoReason: scrubUpstreamText(refusal.text), ...schedule(row, 'declined', 0) }, 'refund');
    // Nothing moved: the agent is told why, on the form (a wrong OTP may be typed again).
    throw ekoErrorOf(result);
  }
  return (await recordAnswer(row, schedule(row, 'unknown', 0), 'refund')).row;
}

/**
 * Applies a cash withdrawal's result to the row written before it was sent: paid, pending (the
 * inquiry decides), refused by the bank or for the missing 2FA (nothing paid out), or no answer
 * (unknown). A readable refusal without a transaction is recorded and then thrown, so the agent
 * sees its message (an Aadhaar Eko cannot read, AePS not activated).
 */
export async function outcomeOfWithdrawal(row: Transaction, result: EkoResult<WithdrawalAnswer>): Promise<Transaction> {
  let patch: TransactionPatch;
  let refusedWith: ApiError | null = null;
  if (result.ok) {
    const answer = result.value;
    const facts = {
      ekoTxStatus: answer.facts.txStatusCode,
      ekoTid: answer.facts.tid,
      bankRef: answer.facts.bankRef || null,
      recipientBank: answer.facts.bankName ?? row.recipientBank,
    };
    if (answer.kind === 'paid') patch = { ...facts, customerBalancePaise: answer.facts.customerBalancePaise, ...schedule(row, 'success', 0) };
    else if (answer.kind === 'pending') patch = { ...facts, ...schedule(row, 'awaited', 0) };
    else patch = { ...facts, declineReason: answer.reason, ekoReason: scrubUpstreamText(answer.text), ...schedule(row, 'declined', 0) };
  } else {
    const refusal = result.failure.kind === 'business' ? refusalOf(result.failure) : null;
    if (refusal) {
      patch = { declineReason: refusal.reason, ekoReason: scrubUpstreamText(refusal.text), ...schedule(row, 'declined', 0) };
      refusedWith = ekoErrorOf(result);
    } else patch = schedule(row, 'unknown', 0);
  }
  const after = await recordAnswer(row, patch, 'initiate');
  if (refusedWith) throw refusedWith;
  return after.row;
}

/** The agent an inquiry is made for (the reconciler has only the row). */
async function agentOfRow(row: Transaction): Promise<AgentContext | null> {
  const user = await findUserById(await getDb(), row.agentId);
  return user?.ekoUserCode ? { id: user.id, userCode: user.ekoUserCode, mobile: user.mobile } : null;
}

/** The refund rows still waiting on this transfer become done when Eko says it is refunded. */
async function settleRefundsOf(transfer: Transaction, facts: TransactionFacts, source: EventSource): Promise<void> {
  const db = await getDb();
  for (const refund of await refundsOf(db, [transfer.id])) {
    if (!isPending(refund.state)) continue;
    await moveTransaction(
      db,
      refund.id,
      refund.state,
      {
        refundTid: facts.refundTid ?? refund.refundTid,
        refundedPaise: facts.refundedPaise ?? refund.refundedPaise,
        ...schedule(refund, 'success', refund.checkCount),
      },
      source,
    );
  }
}

/**
 * One Transaction Inquiry for a row and what it changes: by Eko's tid when there is one, else by
 * our client_ref_id (a timeout or a crash left no tid). A refund row asks about the transfer it
 * refunds. The row moves only if it is still in the state read here.
 */
export async function checkTransaction(
  row: Transaction,
  source: EventSource,
  agent?: AgentContext,
  /** An admin's decision on a row Eko has not known for a day: a readable "not found" closes it as failed. */
  options: { closeIfNotFound?: boolean } = {},
): Promise<Transaction> {
  if (!isPending(row.state) && row.state !== 'refund_pending') return row;
  // Still 'sending' within the grace: its money call may be in flight. Eko may not know it yet,
  // and "not found" would move it to unknown, after which the call's own answer (a decline, a
  // success with its fee) could no longer be applied: nothing to ask until the call is over.
  if (row.state === 'sending' && Date.now() - row.createdAt.getTime() < SENDING_GRACE_MS) return row;
  const forAgent = agent ?? (await agentOfRow(row));
  if (!forAgent) return row;
  const path = row.ekoTid ? { tid: row.ekoTid } : { clientRefId: row.clientRefId };
  const result = await callEkoAs(
    forAgent,
    ekoEndpoints.transactionInquiry,
    { path, body: {} },
    {
      senderMobile: row.senderMobile,
      describe: (answer) => (answer.found ? `tx_${answer.facts.txStatus}` : 'not_found'),
    },
  );
  const checks = row.checkCount + 1;
  const counted = { checkCount: checks, lastCheckedAt: new Date() };
  let patch: TransactionPatch;
  if (!result.ok) {
    // No readable answer to the inquiry either: the row stays as it is and is asked again later.
    patch = { ...counted, ...schedule(row, row.state as TransactionState, checks) };
  } else if (!result.value.found && options.closeIfNotFound) {
    patch = { ...counted, declineReason: 'not_at_eko', ...schedule(row, 'failed', checks) };
  } else if (!result.value.found) {
    // Eko has no such transaction (yet): never "failed". It stays unknown, in the admin's queue.
    patch = { ...counted, ...schedule(row, row.state === 'sending' ? 'unknown' : (row.state as TransactionState), checks) };
  } else if (row.kind === 'dmt_refund') {
    const facts = result.value.facts;
    const state: TransactionState = facts.txStatus === 'refunded' ? 'success' : 'unknown';
    patch = {
      ...counted,
      refundTid: facts.refundTid ?? row.refundTid,
      refundedPaise: facts.refundedPaise ?? row.refundedPaise,
      ...schedule(row, state, checks),
    };
  } else {
    const facts = result.value.facts;
    patch = { ...counted, ...factsPatch(row, facts), refundTid: facts.refundTid ?? row.refundTid, refundedPaise: facts.refundedPaise ?? row.refundedPaise };
    Object.assign(patch, schedule(row, STATE_OF_TX[facts.txStatus], checks));
  }
  const db = await getDb();
  const { moved, row: after } = await moveTransaction(db, row.id, row.state, patch, source);
  if (moved && after && result.ok && result.value.found) {
    if (row.kind === 'dmt_refund' && after.state === 'success' && after.refundOfId) {
      await moveTransaction(
        db,
        after.refundOfId,
        'refund_pending',
        { state: 'refunded', refundTid: after.refundTid, refundedPaise: after.refundedPaise, finalAt: new Date() },
        source,
      );
    } else if (row.kind === 'dmt_transfer' && after.state === 'refunded') {
      await settleRefundsOf(after, result.value.facts, source);
    }
  }
  return after ?? row;
}
