import 'server-only';
import { ApiError } from '@/lib/api/errors';
import type { SessionUser } from '@/lib/auth/current-user';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import {
  agentsById,
  type AgentShop,
  agentTransactions,
  findTransaction,
  networkTransactionBatches,
  networkTransactions,
  pendingTransactionsOf,
  refundsOf,
  transactionFigures,
} from '@/lib/db/queries/transactions';
import type { Transaction } from '@/lib/db/schema';
import { todayInIndia } from '@/lib/schemas/sender';
import type { AdminTransactionFilters, TransferHistoryFilters } from '@/lib/schemas/transfer';
import { TRANSFER_MAX_RUPEES } from '@/lib/schemas/rupees';
import { isClosableNotAtEko } from './reconcile';
import type { FeeRule } from './fees';
import type { DeclineReason, TransactionKind, TransactionState, TransactionsSummary, TransactionView } from './types';

// Transactions as the screens read them (TransactionView): the row, its agent's shop and its
// refund. Agents see their own; admins every agent's.

export const HISTORY_PAGE_SIZE = 25;
export const ADMIN_PAGE_SIZE = 50;

/** The fee rule in force (configuration), as the send page and the handler both apply it. */
export function feeRule(): FeeRule {
  return { ...getConfig().transferFee, maxTransferPaise: TRANSFER_MAX_RUPEES * 100 };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function viewOf(row: Transaction, agent: AgentShop | undefined, refund: Transaction | undefined): TransactionView {
  return {
    id: row.id,
    kind: row.kind as TransactionKind,
    clientRefId: row.clientRefId,
    state: row.state as TransactionState,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finalAt: iso(row.finalAt),
    agent: { id: row.agentId, name: agent?.name ?? '', shopName: agent?.shopName ?? null, shopAddress: agent?.shopAddress ?? null },
    senderMobile: row.senderMobile,
    senderName: row.senderName,
    recipient: row.recipientId
      ? {
          id: row.recipientId,
          name: row.recipientName ?? '',
          bank: row.recipientBank ?? '',
          ifsc: row.recipientIfsc ?? '',
          accountMasked: row.accountMasked ?? '',
        }
      : null,
    aepsCustomer: row.kind.startsWith('aeps_')
      ? { bank: row.recipientBank ?? '', aadhaarLast4: row.aadhaarLast4, balanceAfterPaise: row.kind === 'aeps_withdrawal' ? row.customerBalancePaise : null }
      : null,
    amountPaise: row.amountPaise,
    feeEstimatePaise: row.feeEstimatePaise,
    feePaise: row.feePaise,
    collectablePaise: row.collectablePaise,
    walletBalancePaise: row.walletBalancePaise,
    feeMismatch: row.feeMismatch,
    ekoTid: row.ekoTid,
    bankRef: row.bankRef,
    declineReason: row.declineReason as DeclineReason | null,
    ekoReason: row.ekoReason,
    refundOf: row.refundOfId,
    refundTid: row.refundTid,
    refundedPaise: row.refundedPaise,
    refund: refund ? { id: refund.id, state: refund.state as TransactionState, refundTid: refund.refundTid, refundedPaise: refund.refundedPaise } : null,
    receiptFirstIssuedAt: iso(row.receiptFirstIssuedAt),
  };
}

/** Views of these rows, with their agents and (for transfers) their latest refund, in two queries. */
export async function viewsOf(rows: Transaction[]): Promise<TransactionView[]> {
  const db = await getDb();
  const [agents, refunds] = await Promise.all([
    agentsById(
      db,
      rows.map((r) => r.agentId),
    ),
    refundsOf(
      db,
      rows.filter((r) => r.kind === 'dmt_transfer').map((r) => r.id),
    ),
  ]);
  const latestRefund = new Map<string, Transaction>();
  for (const refund of refunds) if (refund.refundOfId && !latestRefund.has(refund.refundOfId)) latestRefund.set(refund.refundOfId, refund);
  return rows.map((r) => viewOf(r, agents.get(r.agentId), latestRefund.get(r.id)));
}

export async function viewOfRow(row: Transaction): Promise<TransactionView> {
  const [view] = await viewsOf([row]);
  if (!view) throw new Error('a row without its view');
  return view;
}

/** One transaction's row: the agent's own, or any for an admin; 404 otherwise (another agent's looks missing). */
export async function transactionRowFor(id: string, user: Pick<SessionUser, 'id' | 'role'>): Promise<Transaction> {
  const row = await findTransaction(await getDb(), id);
  if (!row || (user.role !== 'admin' && row.agentId !== user.id)) throw new ApiError('not_found');
  return row;
}

/** One transaction for a page or a route. */
export async function transactionForPage(id: string, user: Pick<SessionUser, 'id' | 'role'>): Promise<TransactionView> {
  return viewOfRow(await transactionRowFor(id, user));
}

export async function pendingTransfersOf(agentId: string, senderMobile?: string): Promise<TransactionView[]> {
  return viewsOf(await pendingTransactionsOf(await getDb(), agentId, senderMobile));
}

export interface TransactionsPage {
  rows: TransactionView[];
  total: number;
  page: number;
  pages: number;
}

async function pageOf(result: { rows: Transaction[]; total: number }, page: number, size: number): Promise<TransactionsPage> {
  return { rows: await viewsOf(result.rows), total: result.total, page, pages: Math.max(1, Math.ceil(result.total / size)) };
}

export async function agentHistory(agentId: string, filters: TransferHistoryFilters): Promise<TransactionsPage> {
  return pageOf(await agentTransactions(await getDb(), agentId, filters, HISTORY_PAGE_SIZE), filters.page ?? 1, HISTORY_PAGE_SIZE);
}

export async function networkHistory(filters: AdminTransactionFilters): Promise<TransactionsPage> {
  return pageOf(await networkTransactions(await getDb(), filters, ADMIN_PAGE_SIZE), filters.page ?? 1, ADMIN_PAGE_SIZE);
}

/** Every matching row as views, batch by batch (the CSV export). */
export async function* networkViewBatches(filters: AdminTransactionFilters): AsyncGenerator<TransactionView[]> {
  for await (const rows of networkTransactionBatches(await getDb(), filters)) yield viewsOf(rows);
}

/** India's calendar day `days - 1` days before today. */
function firstDayOf(days: number): string {
  const today = new Date(`${todayInIndia()}T00:00:00Z`);
  today.setUTCDate(today.getUTCDate() - (days - 1));
  return today.toISOString().slice(0, 10);
}

/** The admin's money dashboard over the last `days` India days. */
export async function adminTransactionsSummary(days: number): Promise<TransactionsSummary> {
  const figures = await transactionFigures(await getDb(), firstDayOf(days));
  const now = Date.now();
  const [feeMismatches, awaited] = await Promise.all([viewsOf(figures.feeMismatches), viewsOf(figures.awaited)]);
  return {
    perDay: figures.perDay.map((d) => ({ day: d.day, count: Number(d.count), valuePaise: Number(d.valuePaise) })),
    byState: Object.fromEntries(figures.byState.map((s) => [s.state, Number(s.count)])),
    failureReasons: figures.failureReasons.map((f) => ({
      state: f.state as TransactionState,
      reason: f.reason as DeclineReason | null,
      count: Number(f.count),
    })),
    feeMismatches,
    aepsPerDay: figures.aepsPerDay.map((d) => ({
      day: d.day,
      withdrawals: Number(d.withdrawals),
      withdrawnPaise: Number(d.withdrawnPaise),
      enquiries: Number(d.enquiries),
    })),
    aepsFailuresByBank: figures.aepsFailures.map((f) => ({ bank: f.bank, reason: f.reason as DeclineReason | null, count: Number(f.count) })),
    awaitedQueue: awaited.map((v) => ({
      ...v,
      ageSeconds: Math.max(0, Math.round((now - Date.parse(v.createdAt)) / 1000)),
      closable: isClosableNotAtEko({ state: v.state, ekoTid: v.ekoTid, createdAt: new Date(v.createdAt) }, now),
    })),
  };
}
