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

export type SessionCheck = { user: SessionUser } | { user: null; reason: 'no_session' | 'inactive' };

/** The authoritative check: a valid token for an active user whose session version still matches. */
export async function checkSessionToken(token: string | null | undefined): Promise<SessionCheck> {
  const claims = await verifySession(token);
  if (!claims) return { user: null, reason: 'no_session' };
  const user = await findUserById(await getDb(), claims.userId);
  if (!user || user.sessionVersion !== claims.version || user.role !== claims.role) return { user: null, reason: 'no_session' };
  if (!user.active) return { user: null, reason: 'inactive' };
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
  if (!check.user) {
    const reason = check.reason === 'inactive' ? '&reason=inactive' : '';
    redirect(`/login?next=${encodeURIComponent(returnTo)}${reason}`);
  }
  if (check.user.role !== role) redirect(homeFor(check.user.role));
  return check.user;
}

/** For the header: who is signed in, if anyone (no redirect). */
export async function optionalPageUser(): Promise<SessionUser | null> {
  return (await checkSessionToken((await cookies()).get(SESSION_COOKIE)?.value)).user;
}
