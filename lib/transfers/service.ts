import 'server-only';
import { ApiError } from '@/lib/api/errors';
import type { AgentContext } from '@/lib/auth/agent';
import type { SessionUser } from '@/lib/auth/current-user';
import { callEkoAs } from '@/lib/audit/eko-call';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { findByOtpRef, findPendingTransfer, insertTransaction, markReceiptIssued } from '@/lib/db/queries/transactions';
import type { Transaction } from '@/lib/db/schema';
import { newClientRefId } from '@/lib/eko/references';
import { ekoEndpoints } from '@/lib/eko/endpoints';
import { ekoErrorOf } from '@/lib/eko/failures';
import { maskAccount } from '@/lib/eko/normalisers/money';
import { formatInr } from '@/lib/i18n';
import type { RecipientInput, RefundInput, TransferInput, TransferOtpInput } from '@/lib/schemas/transfer';
import { lookupSender } from '@/lib/senders/service';
import { feeRule, transactionRowFor } from './loaders';
import { estimateFee } from './fees';
import { checkTransaction, outcomeOfRefund, outcomeOfTransfer, SENDING_GRACE_MS } from './reconcile';
import type { AddRecipientOutcome, IfscDetails, Recipient, RecipientList, TransferOtpSent } from './types';

// DMT-Fino money movement for one agent (docs/architecture.md §8 is the walk-through):
// - Every money call (Initiate Transfer, Refund) is recorded BEFORE it is sent, in state
//   'sending', with a client_ref_id made for that one attempt; the call is sent once (the
//   endpoint rows are not idempotent, so lib/eko never retries them) and never with the browser
//   request's abort signal: a closed tab does not cut it.
// - What Eko answered decides the row's state; no answer (timeout, 5xx, unreadable) is
//   'unknown', never 'failed', and goes to the inquiry (./reconcile.ts), here or in the reconciler.
// - The database refuses what must not happen twice: a second attempt with one OTP reference
//   (unless the first was declined for a wrong OTP), a second pending transfer to one recipient.

export async function listRecipients(agent: AgentContext, senderMobile: string): Promise<RecipientList> {
  const result = await callEkoAs(
    agent,
    ekoEndpoints.getRecipients,
    { path: { customerId: senderMobile }, body: {} },
    { senderMobile, describe: (list) => `recipients:${list.recipients.length}` },
  );
  if (!result.ok) throw ekoErrorOf(result);
  return result.value;
}

async function findRecipient(agent: AgentContext, senderMobile: string, recipientId: string): Promise<{ list: RecipientList; recipient: Recipient }> {
  const list = await listRecipients(agent, senderMobile);
  const recipient = list.recipients.find((r) => r.id === recipientId);
  if (!recipient) throw new ApiError('invalid_input', { fields: { recipientId: 'errors.recipient_unknown' } });
  return { list, recipient };
}

/**
 * Add Recipient is sent once. Its answer names only the new id (342, "already registered", names
 * none), so the list is read again to show the agent the recipient as Eko keeps it.
 */
export async function addRecipient(agent: AgentContext, senderMobile: string, input: RecipientInput): Promise<AddRecipientOutcome> {
  const result = await callEkoAs(
    agent,
    ekoEndpoints.addRecipient,
    {
      path: { customerId: senderMobile },
      body: { recipient_mobile: input.mobile, recipient_name: input.name, ifsc: input.ifsc, account: input.account },
    },
    { senderMobile, describe: (outcome) => `recipient_${outcome.kind}` },
  );
  if (!result.ok) throw ekoErrorOf(result);
  const masked = maskAccount(input.account);
  const list = await listRecipients(agent, senderMobile).catch(() => null);
  if (result.value.kind === 'added') {
    const recipientId = result.value.recipientId;
    const fromList = list?.recipients.find((r) => r.id === recipientId);
    return {
      kind: 'added',
      recipient: fromList ?? { id: recipientId, name: input.name, mobile: input.mobile, bank: '', ifsc: input.ifsc, accountMasked: masked, verified: false },
    };
  }
  const existing = list?.recipients.find((r) => r.ifsc === input.ifsc && r.accountMasked === masked) ?? null;
  return { kind: 'exists', recipient: existing };
}

export async function ifscDetails(agent: AgentContext, ifsc: string): Promise<IfscDetails> {
  const result = await callEkoAs(agent, ekoEndpoints.ifscDetails, { path: { ifsc }, body: {} }, { describe: () => 'ifsc_found' });
  if (!result.ok) throw ekoErrorOf(result);
  return result.value;
}

/** Refuses a new transfer (or its OTP) while one to this recipient is pending, naming it. */
async function refuseWhilePending(senderMobile: string, recipientId: string): Promise<void> {
  const pending = await findPendingTransfer(await getDb(), senderMobile, recipientId);
  if (pending) throw new ApiError('transfer_pending', { transactionId: pending.id });
}

/**
 * Send Transaction OTP (texts the sender; sent once). Before it: the recipient must be the
 * sender's, no transfer to it pending, the amount within what the sender has left this month
 * and, when Eko wants the sender's PAN, within what may go before it.
 */
export async function sendTransferOtp(agent: AgentContext, input: TransferOtpInput): Promise<TransferOtpSent> {
  await refuseWhilePending(input.senderMobile, input.recipientId);
  const [{ list }, sender] = await Promise.all([findRecipient(agent, input.senderMobile, input.recipientId), lookupSender(agent, input.senderMobile)]);
  if (sender.limits && input.amount > sender.limits.available) {
    const available = sender.limits.available;
    throw new ApiError('amount_over_limit', { fields: { amount: 'errors.amount_over_limit' }, vars: (locale) => ({ limit: formatInr(available, locale) }) });
  }
  const panLimit = (list.limitBeforePanPaise ?? 0) / 100;
  if (list.panRequired && input.amount > panLimit) {
    throw new ApiError('pan_required', { vars: (locale) => ({ limit: formatInr(panLimit, locale) }) });
  }
  const result = await callEkoAs(
    agent,
    ekoEndpoints.sendTransferOtp,
    { path: {}, body: { recipient_id: input.recipientId, amount: input.amount, customer_id: input.senderMobile } },
    { senderMobile: input.senderMobile, describe: () => 'otp_sent' },
  );
  if (!result.ok) throw ekoErrorOf(result);
  return { otpRefId: result.value.otpRefId, sentAt: new Date().toISOString() };
}

/** Why a recorded attempt was refused by the database's unique indexes. */
async function refusalOfInsert(input: TransferInput): Promise<ApiError> {
  const db = await getDb();
  const sameOtp = await findByOtpRef(db, input.otpRefId);
  if (sameOtp) return new ApiError('otp_already_used', { transactionId: sameOtp.id });
  const pending = await findPendingTransfer(db, input.senderMobile, input.recipientId);
  if (pending) return new ApiError('transfer_pending', { transactionId: pending.id });
  // A client_ref_id collision (40 random bits): nothing was sent; the agent may press again.
  return new ApiError('conflict');
}

/**
 * Initiate Transfer: the one call that moves the customer's money. Returns the row as it stands
 * after Eko's answer (success, declined, or pending: awaited, hold, unknown).
 */
export async function initiateTransfer(agent: AgentContext, input: TransferInput): Promise<Transaction> {
  await refuseWhilePending(input.senderMobile, input.recipientId);
  const db = await getDb();
  const earlier = await findByOtpRef(db, input.otpRefId);
  if (earlier) throw new ApiError('otp_already_used', { transactionId: earlier.id });
  // Read from Eko, not from the browser: the receipt names the recipient Eko pays.
  const { recipient } = await findRecipient(agent, input.senderMobile, input.recipientId);
  const amountPaise = input.amount * 100;
  const estimate = estimateFee(amountPaise, feeRule());

  const row = await insertTransaction(
    db,
    {
      clientRefId: newClientRefId(),
      kind: 'dmt_transfer',
      agentId: agent.id,
      senderMobile: input.senderMobile,
      recipientId: recipient.id,
      recipientName: recipient.name,
      recipientBank: recipient.bank,
      recipientIfsc: recipient.ifsc,
      accountMasked: recipient.accountMasked,
      amountPaise,
      feeEstimatePaise: estimate.feePaise,
      otpRefId: input.otpRefId,
      state: 'sending',
      // Should this process die while Eko is answering, the reconciler asks after this.
      nextCheckAt: new Date(Date.now() + SENDING_GRACE_MS),
    },
    'initiate',
  );
  if (!row) throw await refusalOfInsert(input);

  const result = await callEkoAs(
    agent,
    ekoEndpoints.initiateTransfer,
    {
      path: {},
      body: { recipient_id: recipient.id, amount: input.amount, customer_id: input.senderMobile, otp: input.otp, otp_ref_id: input.otpRefId },
      clientRefId: row.clientRefId,
    },
    { senderMobile: input.senderMobile, describe: (answer) => (answer.kind === 'declined' ? `declined:${answer.reason}` : `tx_${answer.facts.txStatus}`) },
  );
  return outcomeOfTransfer(row, result);
}

/** "Check status again": the inquiry now, for a pending (or refund-pending) transaction. */
export async function checkNow(agent: AgentContext, id: string): Promise<Transaction> {
  const row = await transactionRowFor(id, { id: agent.id, role: 'agent' });
  return checkTransaction(row, 'inquiry', agent);
}

async function refundableTransfer(agent: AgentContext, id: string): Promise<Transaction & { ekoTid: string }> {
  const row = await transactionRowFor(id, { id: agent.id, role: 'agent' });
  if (row.kind !== 'dmt_transfer' || row.state !== 'refund_pending' || !row.ekoTid) throw new ApiError('refund_not_allowed');
  return row as Transaction & { ekoTid: string };
}

/** The refund OTP (to the sender's mobile), for a transfer Eko holds for a refund (tx_status 3). */
export async function sendRefundOtp(agent: AgentContext, id: string): Promise<TransferOtpSent> {
  const transfer = await refundableTransfer(agent, id);
  const result = await callEkoAs(agent, ekoEndpoints.refundOtp, { path: { tid: transfer.ekoTid }, body: {} }, { senderMobile: transfer.senderMobile });
  if (!result.ok) throw ekoErrorOf(result);
  return { otpRefId: result.value.otpRefId, sentAt: new Date().toISOString() };
}

/**
 * The refund: money back to the customer, so it is recorded first like a transfer (its own row,
 * kind dmt_refund, its own client_ref_id), sent once, and an unanswered refund goes to the inquiry.
 * One refund row per transfer at a time: a second is refused while the first is not declined.
 */
export async function refundTransfer(agent: AgentContext, id: string, input: RefundInput): Promise<Transaction> {
  const transfer = await refundableTransfer(agent, id);
  const db = await getDb();
  const row = await insertTransaction(
    db,
    {
      clientRefId: newClientRefId(),
      kind: 'dmt_refund',
      agentId: agent.id,
      senderMobile: transfer.senderMobile,
      senderName: transfer.senderName,
      recipientId: transfer.recipientId,
      recipientName: transfer.recipientName,
      recipientBank: transfer.recipientBank,
      recipientIfsc: transfer.recipientIfsc,
      accountMasked: transfer.accountMasked,
      amountPaise: transfer.amountPaise,
      refundOfId: transfer.id,
      // The refund is of this tid; the inquiry of a refund asks about the transfer.
      ekoTid: transfer.ekoTid,
      otpRefId: input.otpRefId,
      state: 'sending',
      nextCheckAt: new Date(Date.now() + SENDING_GRACE_MS),
    },
    'refund',
  );
  if (!row) throw new ApiError('transfer_pending');
  const serviceCode = getConfig().eko.refundServiceCode;
  const result = await callEkoAs(
    agent,
    ekoEndpoints.refund,
    {
      path: { tid: transfer.ekoTid },
      body: { otp: input.otp, otp_ref_id: input.otpRefId, state: '1' as const, ...(serviceCode ? { service_code: serviceCode } : {}) },
      clientRefId: row.clientRefId,
    },
    { senderMobile: transfer.senderMobile },
  );
  return outcomeOfRefund(row, transfer, result);
}

/** The first print or share of a receipt (later copies are reprints, with their own time). */
export async function issueReceipt(user: Pick<SessionUser, 'id' | 'role'>, id: string): Promise<Date> {
  const row = await transactionRowFor(id, user);
  if (row.state === 'sending') throw new ApiError('transfer_pending', { transactionId: row.id });
  const at = await markReceiptIssued(await getDb(), row.id);
  if (!at) throw new ApiError('not_found');
  return at;
}
