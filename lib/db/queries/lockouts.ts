import 'server-only';
import { asc, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../client';
import { loginLockouts, users } from '../schema';

export type LockoutInsert = typeof loginLockouts.$inferInsert;

/** Records a lockout; rows ended a week ago go at the same time (the table never grows without end). */
export async function upsertLockout(db: Db, row: LockoutInsert): Promise<void> {
  await db.delete(loginLockouts).where(lt(loginLockouts.lockedUntil, new Date(Date.now() - 7 * 24 * 3600 * 1000)));
  await db
    .insert(loginLockouts)
    .values(row)
    .onConflictDoUpdate({
      target: loginLockouts.key,
      set: { lockedUntil: row.lockedUntil, level: row.level, lastAddress: row.lastAddress, userId: row.userId, updatedAt: new Date() },
    });
}

export interface LockoutRow {
  key: string;
  mobile: string;
  userId: string | null;
  name: string | null;
  scope: string;
  lockedUntil: Date;
  level: number;
  lastAddress: string | null;
}

const lockoutColumns = {
  key: loginLockouts.key,
  mobile: loginLockouts.mobile,
  userId: loginLockouts.userId,
  name: users.name,
  scope: loginLockouts.scope,
  lockedUntil: loginLockouts.lockedUntil,
  level: loginLockouts.level,
  lastAddress: loginLockouts.lastAddress,
};

/**
 * Lockouts still in force: real agents' first (guesses at mobiles nobody holds cannot push them off
 * the list), then the one ending soonest.
 */
export async function listActiveLockouts(db: Db, now = new Date()): Promise<LockoutRow[]> {
  return db
    .select(lockoutColumns)
    .from(loginLockouts)
    .leftJoin(users, eq(users.id, loginLockouts.userId))
    .where(gt(loginLockouts.lockedUntil, now))
    .orderBy(asc(isNull(loginLockouts.userId)), asc(loginLockouts.lockedUntil))
    .limit(200);
}

export async function findLockout(db: Db, key: string): Promise<LockoutRow | undefined> {
  const [row] = await db
    .select(lockoutColumns)
    .from(loginLockouts)
    .leftJoin(users, eq(users.id, loginLockouts.userId))
    .where(eq(loginLockouts.key, key))
    .limit(1);
  return row;
}

export async function deleteLockout(db: Db, key: string): Promise<void> {
  await db.delete(loginLockouts).where(eq(loginLockouts.key, key));
}
