import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/lib/db/client';
import { forPage } from '@/lib/db/unavailable';
import type { Role } from './roles';
import { findSessionWithUser, touchSession } from '@/lib/db/queries/sessions';
import { RETURN_TO_HEADER, SESSION_IDLE_MINUTES, sessionTokenOf, verifySession } from './session';

export interface SessionUser {
  id: string;
  role: Role;
  name: string;
  mobile: string;
  ekoUserCode: string | null;
  /** The sessions row this request came with (sign out ends it alone). */
  sessionId: string;
  /** Someone else chose the current password: nothing but changing it is allowed. */
  mustChangePassword: boolean;
}

export type NoSessionReason = 'no_session' | 'expired' | 'inactive';
export type SessionCheck = { user: SessionUser } | { user: null; reason: NoSessionReason };

/**
 * The authoritative check: a valid token naming a live session (not revoked, not past its end,
 * used within the idle limit, proving the user's current credentials) of an active user.
 */
export async function checkSessionToken(token: string | null | undefined, now = new Date()): Promise<SessionCheck> {
  const claims = await verifySession(token);
  if (!claims) return { user: null, reason: 'no_session' };
  const db = await getDb();
  const found = await findSessionWithUser(db, claims.sessionId);
  if (!found || found.user.id !== claims.userId || found.user.role !== claims.role) return { user: null, reason: 'expired' };
  const { session, user } = found;
  if (!user.active) return { user: null, reason: 'inactive' };
  const idle = now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MINUTES * 60_000;
  if (session.revokedAt || session.expiresAt <= now || idle || session.credentialsVersion !== user.credentialsVersion) return { user: null, reason: 'expired' };
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) await touchSession(db, session.id, now);
  return {
    user: {
      id: user.id,
      role: user.role,
      name: user.name,
      mobile: user.mobile,
      ekoUserCode: user.ekoUserCode,
      sessionId: session.id,
      mustChangePassword: user.passwordMustChange,
    },
  };
}

export function checkRequest(req: Request): Promise<SessionCheck> {
  return checkSessionToken(sessionTokenOf(req));
}

export function returnToFrom(headerList: Headers, fallback: string): string {
  return headerList.get(RETURN_TO_HEADER) ?? fallback;
}

export const homeFor = (role: Role) => (role === 'admin' ? '/admin' : '/senders');

/** Where a user whose password someone else chose is sent, whatever they opened. */
export const CHANGE_PASSWORD_PAGE = '/account/password';

/**
 * The signed-in user for pages that adapt (no role requirement), with why there is none. Every
 * page's first database read (the header, the layouts' checks): an unreachable database fails
 * the page with the 503 message. Once per request (React's `cache`): the header, the section's
 * layout and the page each ask, and each asking was a session read and a session touch.
 */
export const pageSession = cache(async (): Promise<SessionCheck> => {
  const token = sessionTokenOf(await headers());
  return forPage(() => checkSessionToken(token));
});

/**
 * For server components: the signed-in user, or a redirect to login (or to their own home, or to
 * the change-password page while the password is someone else's choice).
 */
export async function requirePageUser(role: Role | 'any', returnTo: string): Promise<SessionUser> {
  const check = await pageSession();
  if (!check.user) redirect(loginUrl(returnTo, check.reason));
  if (role !== 'any' && check.user.role !== role) redirect(homeFor(check.user.role));
  if (check.user.mustChangePassword && returnTo !== CHANGE_PASSWORD_PAGE) redirect(CHANGE_PASSWORD_PAGE);
  return check.user;
}

/**
 * A `reason` tells proxy.ts to show the login page even though the (well-signed) cookie looks
 * like a session: without it, a revoked session would bounce between /login and the home page.
 */
export function loginUrl(returnTo: string | null, reason: NoSessionReason | null): string {
  const params = new URLSearchParams();
  if (returnTo) params.set('next', returnTo);
  if (reason && reason !== 'no_session') params.set('reason', reason);
  const qs = params.toString();
  return qs ? `/login?${qs}` : '/login';
}

/** For the header: who is signed in, if anyone (no redirect). */
export async function optionalPageUser(): Promise<SessionUser | null> {
  return (await pageSession()).user;
}
