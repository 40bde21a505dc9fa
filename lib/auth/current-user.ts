import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { findUserById } from '@/lib/db/queries/users';
import { readCookie, RETURN_TO_HEADER, type Role, SESSION_COOKIE, verifySession } from './session';

export interface SessionUser {
  id: string;
  role: Role;
  name: string;
  mobile: string;
  ekoUserCode: string | null;
}

export type NoSessionReason = 'no_session' | 'expired' | 'inactive';
export type SessionCheck = { user: SessionUser } | { user: null; reason: NoSessionReason };

/** The authoritative check: a valid token for an active user whose session version still matches. */
export async function checkSessionToken(token: string | null | undefined): Promise<SessionCheck> {
  const claims = await verifySession(token);
  if (!claims) return { user: null, reason: 'no_session' };
  const user = await findUserById(await getDb(), claims.userId);
  if (user && !user.active) return { user: null, reason: 'inactive' };
  if (!user || user.sessionVersion !== claims.version || user.role !== claims.role) return { user: null, reason: 'expired' };
  return { user: { id: user.id, role: user.role, name: user.name, mobile: user.mobile, ekoUserCode: user.ekoUserCode } };
}

export function checkRequest(req: Request): Promise<SessionCheck> {
  return checkSessionToken(readCookie(req.headers.get('cookie'), SESSION_COOKIE));
}

export function returnToFrom(headers: Headers, fallback: string): string {
  return headers.get(RETURN_TO_HEADER) ?? fallback;
}

export const homeFor = (role: Role) => (role === 'admin' ? '/admin' : '/senders');

/** For server components: the signed-in user, or a redirect to login (or to their own home). */
export async function requirePageUser(role: Role, returnTo: string): Promise<SessionUser> {
  const check = await checkSessionToken((await cookies()).get(SESSION_COOKIE)?.value);
  if (!check.user) redirect(loginUrl(returnTo, check.reason));
  if (check.user.role !== role) redirect(homeFor(check.user.role));
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

/** The signed-in user for pages that adapt (no role requirement), with why there is none. */
export async function pageSession(): Promise<SessionCheck> {
  return checkSessionToken((await cookies()).get(SESSION_COOKIE)?.value);
}

/** For the header: who is signed in, if anyone (no redirect). */
export async function optionalPageUser(): Promise<SessionUser | null> {
  return (await pageSession()).user;
}
