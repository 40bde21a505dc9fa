import 'server-only';
import { and, asc, count, eq, ilike, inArray, max, or, sql } from 'drizzle-orm';
import type { Role } from '@/lib/auth/roles';
import type { Db } from '../client';
import { auditEvents, type User, users } from '../schema';

export interface NewUser {
  role: Role;
  name: string;
  mobile: string;
  ekoUserCode: string | null;
  shopName?: string | null;
  shopAddress?: string | null;
  passwordHash: string;
  /** Someone else chose this password: it must be changed at first sign-in and expires. */
  temporaryUntil?: Date | null;
}

/** Creates the user unless the mobile is registered already (then leaves that one as it is). */
export async function insertUserUnlessMobileTaken(db: Db, input: NewUser): Promise<void> {
  const { temporaryUntil, ...values } = input;
  await db
    .insert(users)
    .values({ ...values, ...temporaryColumns(temporaryUntil) })
    .onConflictDoNothing({ target: users.mobile });
}

/** Switches off the active users among these mobiles; returns those it switched off. */
export async function deactivateUsersByMobile(db: Db, mobiles: string[]): Promise<{ id: string; mobile: string }[]> {
  return db
    .update(users)
    .set({ active: false, updatedAt: new Date() })
    .where(and(inArray(users.mobile, mobiles), eq(users.active, true)))
    .returning({ id: users.id, mobile: users.mobile });
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

const temporaryColumns = (until: Date | null | undefined) => ({ passwordMustChange: !!until, passwordExpiresAt: until ?? null });

export type CreateUserResult = { ok: true; user: User } | { ok: false; taken: 'mobile' | 'ekoUserCode'; holder: Pick<User, 'id' | 'name' | 'mobile'> };

/** Creates the user, or says which unique field (mobile, Eko user code) is taken and by whom. */
export async function createUser(db: Db, input: NewUser): Promise<CreateUserResult> {
  const { temporaryUntil, ...values } = input;
  const [row] = await db
    .insert(users)
    .values({ ...values, ...temporaryColumns(temporaryUntil) })
    .onConflictDoNothing()
    .returning();
  if (row) return { ok: true, user: row };
  const [byMobile] = await db.select().from(users).where(eq(users.mobile, input.mobile)).limit(1);
  if (byMobile) return { ok: false, taken: 'mobile', holder: byMobile };
  const [byCode] = input.ekoUserCode ? await db.select().from(users).where(eq(users.ekoUserCode, input.ekoUserCode)).limit(1) : [];
  if (byCode) return { ok: false, taken: 'ekoUserCode', holder: byCode };
  throw new Error('user insert conflicted on no known unique field');
}

export interface AgentRow {
  id: string;
  name: string;
  mobile: string;
  ekoUserCode: string | null;
  shopName: string | null;
  shopAddress: string | null;
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
      ? or(ilike(users.name, `%${q.replace(/[%_\\]/g, '\\$&')}%`), digits ? ilike(users.mobile, `${digits}%`) : undefined, eq(users.ekoUserCode, q))
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
        shopName: users.shopName,
        shopAddress: users.shopAddress,
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

/** Callers end the sessions of a deactivated user (revokeUserSessions); the check refuses inactive users anyway. */
/** The shop an agent's receipts name (blank clears it). */
export async function setUserShop(db: Db, id: string, shop: { shopName: string | null; shopAddress: string | null }): Promise<User | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...shop, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export async function setUserActive(db: Db, id: string, active: boolean): Promise<User | undefined> {
  const [row] = await db.update(users).set({ active, updatedAt: new Date() }).where(eq(users.id, id)).returning();
  return row;
}

const nextCredentials = { credentialsVersion: sql`${users.credentialsVersion} + 1` };

/**
 * A new password hash (`temporaryUntil` when someone else chose it: must change, expires then).
 * With `replacing`, only if the stored hash is still that one, so two changes at once cannot
 * silently overwrite each other. Every session proving the old credentials stops working.
 */
export async function setUserPassword(db: Db, id: string, passwordHash: string, temporaryUntil: Date | null, replacing?: string): Promise<User | undefined> {
  const [row] = await db
    .update(users)
    .set({ passwordHash, updatedAt: new Date(), ...temporaryColumns(temporaryUntil), ...nextCredentials })
    .where(replacing ? and(eq(users.id, id), eq(users.passwordHash, replacing)) : eq(users.id, id))
    .returning();
  return row;
}

/** Ends every session of the user at once ("sign out of all devices", deactivation). */
export async function bumpCredentials(db: Db, id: string): Promise<number | undefined> {
  const [row] = await db.update(users).set(nextCredentials).where(eq(users.id, id)).returning({ version: users.credentialsVersion });
  return row?.version;
}

/** AePS milestones, as India calendar dates (YYYY-MM-DD). */
export async function recordAepsMilestone(db: Db, id: string, milestone: 'ekyc' | 'daily_auth', day: string): Promise<void> {
  await db
    .update(users)
    .set(milestone === 'ekyc' ? { aepsEkycCompletedOn: day, updatedAt: new Date() } : { aepsDailyAuthOn: day, updatedAt: new Date() })
    .where(eq(users.id, id));
}
