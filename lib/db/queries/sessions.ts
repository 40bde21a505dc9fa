import 'server-only';
import { and, desc, eq, gt, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { type Session, sessions, type User, users } from '../schema';

export async function createSession(
  db: Db,
  input: { userId: string; credentialsVersion: number; expiresAt: Date; clientAddress: string | null },
): Promise<Session> {
  const [row] = await db.insert(sessions).values(input).returning();
  return row!;
}

/** A live session's last request, written at most once a minute (the idle limit reads it). */
export async function touchSession(db: Db, sessionId: string, now = new Date()): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.id, sessionId), lt(sessions.lastSeenAt, new Date(now.getTime() - 60_000))));
}

/** After the user's own password change: this session proved the new credentials. */
export async function restampSession(db: Db, sessionId: string, credentialsVersion: number): Promise<void> {
  await db.update(sessions).set({ credentialsVersion }).where(eq(sessions.id, sessionId));
}

/** Keeps at most `keep` live sessions per user: a sign-in loop cannot grow the table without end. */
export async function revokeSessionsBeyond(db: Db, userId: string, keep: number): Promise<void> {
  const live = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.createdAt))
    .offset(keep);
  if (live.length > 0)
    await db
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(
        inArray(
          sessions.id,
          live.map((r) => r.id),
        ),
      );
}

function prepareSessionWithUser(db: Db) {
  return db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('sessionId')))
    .limit(1)
    .prepare('session_with_user');
}

// Built once per database and kept prepared on each connection: every authenticated request runs
// it, and building the query afresh each time was a measurable part of a lookup's CPU (issue 16, part 4).
const sessionWithUser = new WeakMap<Db, ReturnType<typeof prepareSessionWithUser>>();

/** The session and its user in one query: every authenticated request runs this. */
export async function findSessionWithUser(db: Db, sessionId: string): Promise<{ session: Session; user: User } | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return undefined;
  let query = sessionWithUser.get(db);
  if (!query) {
    query = prepareSessionWithUser(db);
    sessionWithUser.set(db, query);
  }
  const [row] = await query.execute({ sessionId });
  return row;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
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
