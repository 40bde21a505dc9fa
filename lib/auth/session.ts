import 'server-only';
import { jwtVerify, SignJWT } from 'jose';
import { isSecureRequest } from '@/lib/net/client-address';
import { readSingleCookie, SESSION_COOKIE } from './cookies';
import type { Role } from './roles';
import { sessionKey } from './secrets';

// A signed (HS256) session token in an httpOnly, SameSite=Lax cookie, naming its row in the
// sessions table. proxy.ts reads it for the cheap redirect; the route-handler wrapper and pages
// check that row (not revoked, not expired, user active) on every request.

export { SESSION_COOKIE } from './cookies';
export const SESSION_HOURS = 12;
/** A session unused this long ends (ASVS V3.3.2): a counter PC left signed in does not stay so. */
export const SESSION_IDLE_MINUTES = 30;
/** Set by proxy.ts on page requests: the path being opened, for the way back after login. */
export const RETURN_TO_HEADER = 'x-agent-desk-return-to';

export interface SessionClaims {
  userId: string;
  role: Role;
  /** The sessions row: revoking it ends this session alone. */
  sessionId: string;
}

export async function signSession(claims: SessionClaims): Promise<string> {
  return new SignJWT({ role: claims.role, sid: claims.sessionId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId)
    .setIssuedAt()
    .setExpirationTime(`${SESSION_HOURS}h`)
    .sign(sessionKey());
}

export async function verifySession(token: string | undefined | null): Promise<SessionClaims | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, sessionKey(), { algorithms: ['HS256'] });
    const role = payload.role;
    if (typeof payload.sub !== 'string' || (role !== 'agent' && role !== 'admin') || typeof payload.sid !== 'string') return null;
    return { userId: payload.sub, role, sessionId: payload.sid };
  } catch {
    return null;
  }
}

/** The session token a request (or a page's request headers) carries: none when absent, or when two were sent. */
export function sessionTokenOf(from: Request | Headers): string | null {
  const headers = from instanceof Headers ? from : from.headers;
  return readSingleCookie(headers.get('cookie'), SESSION_COOKIE, isSecureRequest(from));
}
