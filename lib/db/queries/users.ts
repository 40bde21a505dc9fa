import 'server-only';
import { and, asc, count, eq, ilike, max, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { auditEvents, type User, users } from '../schema';

export type Role = User['role'];

export interface NewUser {
  role: Role;
  name: string;
  mobile: string;
  ekoUserCode: string | null;
  passwordHash: string;
}

export async function findUserByMobile(db: Db, mobile: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.mobile, mobile)).limit(1);
  return row;
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** Returns null when the mobile is already registered. */
export async function createUser(db: Db, input: NewUser): Promise<User | null> {
  const [row] = await db.insert(users).values(input).onConflictDoNothing({ target: users.mobile }).returning();
  return row ?? null;
}

export interface AgentRow {
  id: string;
  name: string;
  mobile: string;
  ekoUserCode: string | null;
  active: boolean;
  createdAt: Date;
  lastActivityAt: Date | null;
  aepsEkycCompletedOn: string | null;
  aepsDailyAuthOn: string | null;
}

export async function listAgents(db: Db, opts: { query?: string; limit: number; offset: number }): Promise<{ rows: AgentRow[]; total: number }> {
  const q = opts.query?.trim();
  const digits = q?.replace(/\D/g, '');
  const where = and(
    eq(users.role, 'agent'),
    q
      ? or(
          ilike(users.name, `%${q.replace(/[%_\\]/g, '\\$&')}%`),
          digits ? ilike(users.mobile, `${digits}%`) : undefined,
          eq(users.ekoUserCode, q),
        )
      : undefined,
  );
  const lastActivity = db
    .select({ userId: auditEvents.userId, at: max(auditEvents.at).as('last_at') })
    .from(auditEvents)
    .groupBy(auditEvents.userId)
    .as('last_activity');
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        mobile: users.mobile,
        ekoUserCode: users.ekoUserCode,
        active: users.active,
        createdAt: users.createdAt,
        lastActivityAt: sql<Date | null>`${lastActivity.at}`,
        aepsEkycCompletedOn: users.aepsEkycCompletedOn,
        aepsDailyAuthOn: users.aepsDailyAuthOn,
      })
      .from(users)
      .leftJoin(lastActivity, eq(lastActivity.userId, users.id))
      .where(where)
      .orderBy(asc(users.name))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, lastActivityAt: r.lastActivityAt ? new Date(r.lastActivityAt) : null })),
    total: Number(total),
  };
}

/** Deactivating also ends the agent's sessions (the version in their token no longer matches). */
export async function setUserActive(db: Db, id: string, active: boolean): Promise<User | undefined> {
  const [row] = await db
    .update(users)
    .set({ active, updatedAt: new Date(), ...(active ? {} : { sessionVersion: sql`${users.sessionVersion} + 1` }) })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export async function setUserPassword(db: Db, id: string, passwordHash: string): Promise<User | undefined> {
  const [row] = await db
    .update(users)
    .set({ passwordHash, updatedAt: new Date(), sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, id))
    .returning();
  return row;
}

/** Ends every session of the user (their tokens carry the old version). */
export async function revokeSessions(db: Db, id: string): Promise<void> {
  await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, id));
}

/** AePS milestones, as India calendar dates (YYYY-MM-DD). */
export async function recordAepsMilestone(db: Db, id: string, milestone: 'ekyc' | 'daily_auth', day: string): Promise<void> {
  await db
    .update(users)
    .set(milestone === 'ekyc' ? { aepsEkycCompletedOn: day, updatedAt: new Date() } : { aepsDailyAuthOn: day, updatedAt: new Date() })
    .where(eq(users.id, id));
}
