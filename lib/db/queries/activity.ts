import 'server-only';
import { and, count, desc, eq, gte, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ActivityFilters } from '@/lib/schemas/admin';
import type { Db } from '../client';
import { auditEvents, users } from '../schema';

/** Inlined, not a bind parameter: GROUP BY must see the very same expression as SELECT. */
export const INDIA_TZ = sql.raw(`'Asia/Kolkata'`);

/** Midnight of an India calendar day, as a timestamptz. */
const indiaMidnight = (day: string) => sql`(${day}::date::timestamp at time zone ${INDIA_TZ})`;

/** The user an admin action or a sign-in was about. */
const target = alias(users, 'target');

function whereFor(f: ActivityFilters): SQL | undefined {
  return and(
    // An agent's activity: what they did, and what was done to their account (sign-ins, resets).
    f.agent ? or(eq(auditEvents.userId, f.agent), eq(auditEvents.targetUserId, f.agent)) : undefined,
    f.action ? eq(auditEvents.action, f.action) : undefined,
    f.outcome ? eq(auditEvents.outcome, f.outcome) : undefined,
    f.from ? gte(auditEvents.at, indiaMidnight(f.from)) : undefined,
    f.to ? lt(auditEvents.at, sql`${indiaMidnight(f.to)} + interval '1 day'`) : undefined,
  );
}

const activityColumns = {
  id: auditEvents.id,
  at: auditEvents.at,
  agentName: users.name,
  agentMobile: users.mobile,
  action: auditEvents.action,
  senderMobile: auditEvents.senderMobile,
  targetName: target.name,
  targetMobile: sql<string | null>`coalesce(${auditEvents.targetMobile}, ${target.mobile})`,
  clientAddress: auditEvents.clientAddress,
  outcome: auditEvents.outcome,
  detail: auditEvents.detail,
  ekoStatus: auditEvents.ekoStatus,
  ekoResponseTypeId: auditEvents.ekoResponseTypeId,
  latencyMs: auditEvents.latencyMs,
  clientRefId: auditEvents.clientRefId,
  aadhaarLast4: auditEvents.aadhaarLast4,
};

export type ActivityRow = {
  id: number;
  at: Date;
  agentName: string | null;
  agentMobile: string | null;
  action: string;
  senderMobile: string | null;
  targetName: string | null;
  targetMobile: string | null;
  clientAddress: string | null;
  outcome: string;
  detail: string | null;
  ekoStatus: number | null;
  ekoResponseTypeId: number | null;
  latencyMs: number;
  clientRefId: string | null;
  aadhaarLast4: string | null;
};

export async function listActivity(db: Db, f: ActivityFilters, pageSize = 50): Promise<{ rows: ActivityRow[]; total: number; page: number; pages: number }> {
  const where = whereFor(f);
  const [[{ total } = { total: 0 }]] = await Promise.all([db.select({ total: count() }).from(auditEvents).where(where)]);
  const pages = Math.max(1, Math.ceil(Number(total) / pageSize));
  const page = Math.min(f.page ?? 1, pages);
  const rows = await db
    .select(activityColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .leftJoin(target, eq(target.id, auditEvents.targetUserId))
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total: Number(total), page, pages };
}

/** For the CSV export: every matching row, newest first, read in keyset batches. */
export async function* activityBatches(db: Db, f: ActivityFilters, batchSize = 1000): AsyncGenerator<ActivityRow[]> {
  let before: number | null = null;
  for (;;) {
    const batch: ActivityRow[] = await db
      .select(activityColumns)
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.userId))
      .leftJoin(target, eq(target.id, auditEvents.targetUserId))
      .where(and(whereFor(f), before === null ? undefined : lt(auditEvents.id, before)))
      .orderBy(desc(auditEvents.id))
      .limit(batchSize);
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < batchSize) return;
    before = batch[batch.length - 1]!.id;
  }
}
