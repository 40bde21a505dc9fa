import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { getDb } from '@/lib/db/client';
import { findUserByMobile, revokeSessions } from '@/lib/db/queries/users';
import { assertNotBlocked, clientAddress, forget, recordFailure } from '@/lib/rate-limit';
import type { LoginInput } from '@/lib/schemas/auth';
import { checkRequest, homeFor } from './current-user';
import { dummyPasswordHash, verifyPassword } from './password';
import { type Role, sessionCookie, signSession } from './session';

function serializeCookie(c: ReturnType<typeof sessionCookie>): string {
  const parts = [`${c.name}=${encodeURIComponent(c.value)}`, `Path=${c.path}`, `Max-Age=${c.maxAge}`, 'HttpOnly', 'SameSite=Lax'];
  if (c.secure) parts.push('Secure');
  return parts.join('; ');
}

/** Rate-limited per address and per account; the same answer (and time) for unknown accounts. */
export async function login(req: Request, input: LoginInput): Promise<{ setCookie: string; role: Role; home: string; name: string }> {
  const address = clientAddress(req);
  await assertNotBlocked('loginPerAddress', address);
  await assertNotBlocked('loginPerAccount', input.mobile);
  const user = await findUserByMobile(await getDb(), input.mobile);
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid) {
    await Promise.all([recordFailure('loginPerAddress', address), recordFailure('loginPerAccount', input.mobile)]);
    throw new ApiError('invalid_credentials');
  }
  if (!user.active) throw new ApiError('account_inactive');
  await forget('loginPerAccount', input.mobile);
  const token = await signSession({ userId: user.id, role: user.role, version: user.sessionVersion });
  return { setCookie: serializeCookie(sessionCookie(token, req.url)), role: user.role, home: homeFor(user.role), name: user.name };
}

/** Revokes the session (a copied token stops working too) and returns the clearing cookie. */
export async function logout(req: Request): Promise<string> {
  const { user } = await checkRequest(req);
  if (user) await revokeSessions(await getDb(), user.id);
  return serializeCookie({ ...sessionCookie('', req.url), maxAge: 0 });
}
