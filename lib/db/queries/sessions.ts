import 'server-only';
import { and, eq, isNull, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../client';
import { type Session, sessions, type User, users } from '../schema';

export async function createSession(db: Db, input: { userId: string; expiresAt: Date; clientAddress: string | null }): Promise<Session> {
  const [row] = await db.insert(sessions).values(input).returning();
  return row!;
}

/** The session and its user in one query: every authenticated request runs this. */
export async function findSessionWithUser(db: Db, sessionId: string): Promise<{ session: Session; user: User } | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return undefined;
  const [row] = await db.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, sessionId)).limit(1);
  return row;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: new Date() }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Ends every session of the user, or every one but `except` (the one changing the password). */
export async function revokeUserSessions(db: Db, userId: string, opts: { except?: string } = {}): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), opts.except ? ne(sessions.id, opts.except) : undefined));
}

/** Housekeeping at sign-in: the user's sessions that can never be used again. */
export async function deleteDeadSessions(db: Db, userId: string, now = new Date()): Promise<void> {
  const weekAgo = new Date(now.getTime() - 7 * 24 * 3600 * 1000);
  await db.delete(sessions).where(and(eq(sessions.userId, userId), or(lt(sessions.expiresAt, now), lt(sessions.revokedAt, weekAgo))));
}
