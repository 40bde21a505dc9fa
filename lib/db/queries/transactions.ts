import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, lt, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { AdminTransactionFilters, TransferHistoryFilters } from '@/lib/schemas/transfer';
import { PENDING_STATES, type TransactionState } from '@/lib/transfers/types';
import type { Db } from '../client';
import { type Transaction, transactionEvents, transactions, users } from '../schema';
import { INDIA_TZ } from './activity';

// The money rows (lib/transfers owns what they mean). Every state change goes through
// moveTransaction, which only moves a row that is still in the state its caller read, and writes
// the event in the same database transaction: two writers (the request that sent the transfer and
// the reconciler) can never both apply an answer, and the history never misses a step.

export type NewTransaction = typeof transactions.$inferInsert;
export type TransactionPatch = Partial<Omit<Transaction, 'id' | 'clientRefId' | 'kind' | 'agentId' | 'createdAt'>>;
export type EventSource = 'initiate' | 'inquiry' | 'reconciler' | 'refund' | 'recovery' | 'admin';

/** Inserts the row (and its first event) unless a unique index refuses it; null then. */
export async function insertTransaction(db: Db, row: NewTransaction, source: EventSource): Promise<Transaction | null> {
  return db.transaction(async (tx) => {
    const [inserted] = await tx.insert(transactions).values(row).onConflictDoNothing().returning();
    if (!inserted) return null;
    await tx.insert(transactionEvents).values({ transactionId: inserted.id, fromState: null, toState: inserted.state, source });
    return inserted;
  });
}

/**
 * Applies `patch` if the row is still in state `from`; returns the row as it is afterwards and
 * whether this call moved it. An event is written when the state changes.
 */
export async function moveTransaction(
  db: Db,
  id: string,
  from: string,
  patch: TransactionPatch,
  source: EventSource,
): Promise<{ moved: boolean; row: Transaction | undefined }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(transactions)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(transactions.id, id), eq(transactions.state, from)))
      .returning();
    if (!row) {
      const [current] = await tx.select().from(transactions).where(eq(transactions.id, id)).limit(1);
      return { moved: false, row: current };
    }
    if (patch.state && patch.state !== from) {
      await tx.insert(transactionEvents).values({ transactionId: id, fromState: from, toState: patch.state, ekoTxStatus: patch.ekoTxStatus ?? null, source });
    }
    return { moved: true, row };
  });
}

export async function findTransaction(db: Db, id: string): Promise<Transaction | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(transactions).where(eq(transactions.id, id)).limit(1);
  return row;
}

/** The attempt that holds this OTP reference (any attempt not declined for a wrong OTP). */
export async function findByOtpRef(db: Db, otpRefId: string): Promise<Transaction | undefined> {
  const [row] = await db
    .select()
    .from(transactions)
    .where(
      and(
        eq(transactions.kind, 'dmt_transfer'),
        eq(transactions.otpRefId, otpRefId),
        or(sql`${transactions.declineReason} is null`, ne(transactions.declineReason, 'wrong_otp')),
      ),
    )
    .limit(1);
  return row;
}

/** The first row of `kind` whose outcome is not known yet (by any agent) among those `where` picks. */
async function findPendingOf(db: Db, kind: string, ...where: SQL[]): Promise<Transaction | undefined> {
  const [row] = await db
    .select()
    .from(transactions)
    .where(and(eq(transactions.kind, kind), inArray(transactions.state, [...PENDING_STATES]), ...where))
    .limit(1);
  return row;
}

/** A transfer of this sender to this recipient whose outcome is not known yet (by any agent). */
export function findPendingTransfer(db: Db, senderMobile: string, recipientId: string): Promise<Transaction | undefined> {
  return findPendingOf(db, 'dmt_transfer', eq(transactions.senderMobile, senderMobile), eq(transactions.recipientId, recipientId));
}

/** The kinds that move money; enquiries never wait on an inquiry. */
const MONEY_KINDS = ['dmt_transfer', 'dmt_refund', 'aeps_withdrawal'];

/** A withdrawal for this customer whose outcome is not known yet (by any agent). */
export function findPendingWithdrawal(db: Db, customerMobile: string): Promise<Transaction | undefined> {
  return findPendingOf(db, 'aeps_withdrawal', eq(transactions.senderMobile, customerMobile));
}

/** A pending withdrawal from the same account whatever mobile was typed: the Aadhaar's last four at one bank. */
export function findPendingWithdrawalOf(db: Db, aadhaarLast4: string, bankCode: string): Promise<Transaction | undefined> {
  return findPendingOf(db, 'aeps_withdrawal', eq(transactions.aadhaarLast4, aadhaarLast4), eq(transactions.bankCode, bankCode));
}

/** An agent's pending transactions (all, or one sender's): what must not be paid again. */
export async function pendingTransactionsOf(db: Db, agentId: string, senderMobile?: string): Promise<Transaction[]> {
  return db
    .select()
    .from(transactions)
    .where(
      and(
        eq(transactions.agentId, agentId),
        inArray(transactions.kind, MONEY_KINDS),
        inArray(transactions.state, [...PENDING_STATES]),
        senderMobile ? eq(transactions.senderMobile, senderMobile) : undefined,
      ),
    )
    .orderBy(asc(transactions.createdAt))
    .limit(50);
}

/** The refund rows of these transfers, newest first. */
export async function refundsOf(db: Db, transferIds: string[]): Promise<Transaction[]> {
  if (transferIds.length === 0) return [];
  return db
    .select()
    .from(transactions)
    .where(and(eq(transactions.kind, 'dmt_refund'), inArray(transactions.refundOfId, transferIds)))
    .orderBy(desc(transactions.createdAt));
}

export interface AgentShop {
  id: string;
  name: string;
  shopName: string | null;
  shopAddress: string | null;
}

export async function agentsById(db: Db, ids: string[]): Promise<Map<string, AgentShop>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name, shopName: users.shopName, shopAddress: users.shopAddress })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Leases up to `limit` rows due for an inquiry: the pending ones whose next check is due and that
 * no other instance holds. SKIP LOCKED lets instances lease at the same moment without waiting
 * on, or taking, each other's rows; the lease outlives one inquiry with room to spare.
 */
export async function leaseDueTransactions(db: Db, limit: number, leaseSeconds: number): Promise<Transaction[]> {
  const pending = sql.join(
    PENDING_STATES.map((s) => sql`${s}`),
    sql`, `,
  );
  const result = await db.execute(sql`
    update ${transactions} set lease_until = now() + make_interval(secs => ${leaseSeconds})
    where id in (
      select id from ${transactions}
      where state in (${pending}) and next_check_at is not null and next_check_at <= now()
        and (lease_until is null or lease_until < now())
      order by next_check_at
      limit ${limit}
      for update skip locked
    )
    returning id`);
  const ids = (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  if (ids.length === 0) return [];
  return db.select().from(transactions).where(inArray(transactions.id, ids));
}

export async function releaseLease(db: Db, id: string): Promise<void> {
  await db.update(transactions).set({ leaseUntil: null }).where(eq(transactions.id, id));
}

const indiaMidnight = (day: string) => sql`(${day}::date::timestamp at time zone ${INDIA_TZ})`;

function whereForFilters(f: {
  from?: string;
  to?: string;
  state?: TransactionState;
  kind?: string;
  agent?: string;
  min?: number;
  max?: number;
}): SQL | undefined {
  return and(
    f.agent ? eq(transactions.agentId, f.agent) : undefined,
    f.state ? eq(transactions.state, f.state) : undefined,
    f.kind ? eq(transactions.kind, f.kind) : undefined,
    f.from ? gte(transactions.createdAt, indiaMidnight(f.from)) : undefined,
    f.to ? lt(transactions.createdAt, sql`${indiaMidnight(f.to)} + interval '1 day'`) : undefined,
    f.min !== undefined ? gte(transactions.amountPaise, f.min * 100) : undefined,
    f.max !== undefined ? lte(transactions.amountPaise, f.max * 100) : undefined,
  );
}

export interface TransactionPage {
  rows: Transaction[];
  total: number;
}

/** One agent's transactions, newest first. */
export async function agentTransactions(db: Db, agentId: string, f: TransferHistoryFilters, pageSize: number): Promise<TransactionPage> {
  const where = and(eq(transactions.agentId, agentId), whereForFilters(f));
  return page(db, where, f.page ?? 1, pageSize);
}

/** The network's transactions for the admin, newest first. */
export async function networkTransactions(db: Db, f: AdminTransactionFilters, pageSize: number): Promise<TransactionPage> {
  return page(db, whereForFilters(f), f.page ?? 1, pageSize);
}

async function page(db: Db, where: SQL | undefined, pageNo: number, pageSize: number): Promise<TransactionPage> {
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(transactions)
      .where(where)
      .orderBy(desc(transactions.createdAt), desc(transactions.id))
      .limit(pageSize)
      .offset((pageNo - 1) * pageSize),
    db.select({ total: count() }).from(transactions).where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

/** The CSV: every matching row, newest first, in batches (the caller streams them). */
export async function* networkTransactionBatches(db: Db, f: AdminTransactionFilters, batch = 500): AsyncGenerator<Transaction[]> {
  const where = whereForFilters(f);
  for (let offset = 0; ; offset += batch) {
    const rows = await db.select().from(transactions).where(where).orderBy(desc(transactions.createdAt), desc(transactions.id)).limit(batch).offset(offset);
    if (rows.length > 0) yield rows;
    if (rows.length < batch) return;
  }
}

const indiaDay = sql<string>`to_char(${transactions.createdAt} at time zone ${INDIA_TZ}, 'YYYY-MM-DD')`;

/** The admin's summary figures over India days [fromDay, today]. */
export async function transactionFigures(db: Db, fromDay: string) {
  const since = gte(transactions.createdAt, indiaMidnight(fromDay));
  const transfers = and(since, eq(transactions.kind, 'dmt_transfer'));
  const aeps = and(since, inArray(transactions.kind, ['aeps_withdrawal', 'aeps_balance', 'aeps_statement']));
  const isWithdrawal = sql`${transactions.kind} = 'aeps_withdrawal'`;
  const [perDay, byState, failureReasons, feeMismatches, awaited, aepsPerDay, aepsFailures] = await Promise.all([
    db
      .select({
        day: indiaDay,
        count: count(),
        // Paid to a recipient: a refund-pending or refunded transfer moved nothing in the end.
        valuePaise: sql<string>`coalesce(sum(${transactions.amountPaise}) filter (where ${transactions.state} = 'success'), 0)`,
      })
      .from(transactions)
      .where(transfers)
      .groupBy(indiaDay)
      .orderBy(indiaDay),
    // Outcomes of what moves money (transfers, withdrawals); refunds follow a transfer and
    // enquiries move nothing, so neither is counted as a success or a failure here.
    db
      .select({ state: transactions.state, count: count() })
      .from(transactions)
      .where(and(since, inArray(transactions.kind, ['dmt_transfer', 'aeps_withdrawal'])))
      .groupBy(transactions.state),
    db
      .select({ state: transactions.state, reason: transactions.declineReason, count: count() })
      .from(transactions)
      .where(and(transfers, inArray(transactions.state, ['failed', 'declined'])))
      .groupBy(transactions.state, transactions.declineReason)
      .orderBy(desc(count())),
    db
      .select()
      .from(transactions)
      .where(and(since, eq(transactions.feeMismatch, true)))
      .orderBy(desc(transactions.createdAt))
      .limit(50),
    db
      .select()
      .from(transactions)
      .where(and(inArray(transactions.kind, MONEY_KINDS), inArray(transactions.state, [...PENDING_STATES])))
      .orderBy(asc(transactions.createdAt))
      .limit(200),
    db
      .select({
        day: indiaDay,
        withdrawals: sql<string>`count(*) filter (where ${isWithdrawal})`,
        withdrawnPaise: sql<string>`coalesce(sum(${transactions.amountPaise}) filter (where ${isWithdrawal} and ${transactions.state} = 'success'), 0)`,
        enquiries: sql<string>`count(*) filter (where not ${isWithdrawal})`,
      })
      .from(transactions)
      .where(aeps)
      .groupBy(indiaDay)
      .orderBy(indiaDay),
    db
      .select({ bank: sql<string>`coalesce(${transactions.recipientBank}, ${transactions.bankCode}, '')`, reason: transactions.declineReason, count: count() })
      .from(transactions)
      .where(and(aeps, inArray(transactions.state, ['failed', 'declined'])))
      .groupBy(sql`1`, transactions.declineReason)
      .orderBy(desc(count()))
      .limit(50),
  ]);
  return { perDay, byState, failureReasons, feeMismatches, awaited, aepsPerDay, aepsFailures };
}

/** Marks the first print or share of a receipt; later calls leave the first time. */
export async function markReceiptIssued(db: Db, id: string): Promise<Date | null> {
  await db
    .update(transactions)
    .set({ receiptFirstIssuedAt: sql`coalesce(${transactions.receiptFirstIssuedAt}, now())` })
    .where(and(eq(transactions.id, id), ne(transactions.state, 'sending')));
  const [row] = await db.select({ at: transactions.receiptFirstIssuedAt }).from(transactions).where(eq(transactions.id, id)).limit(1);
  return row?.at ?? null;
}
