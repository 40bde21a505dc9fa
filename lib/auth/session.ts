import 'server-only';
import { jwtVerify, SignJWT } from 'jose';
import { sessionKey } from './secrets';

// A signed (HS256) session token in an httpOnly, SameSite=Lax cookie. proxy.ts reads it for the
// cheap redirect; the route-handler wrapper and pages check it against the database every time.

export const SESSION_COOKIE = 'ad_session';
export const SESSION_HOURS = 12;
/** Set by proxy.ts on page requests: the path being opened, for the way back after login. */
export const RETURN_TO_HEADER = 'x-agent-desk-return-to';

export type Role = 'agent' | 'admin';

export interface SessionClaims {
  userId: string;
  role: Role;
  /** users.session_version when the token was issued. */
  version: number;
}

export async function signSession(claims: SessionClaims): Promise<string> {
  return new SignJWT({ role: claims.role, sv: claims.version })
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
    if (typeof payload.sub !== 'string' || (role !== 'agent' && role !== 'admin') || typeof payload.sv !== 'number') return null;
    return { userId: payload.sub, role, version: payload.sv };
  } catch {
    return null;
  }
}

/** Secure everywhere except plain-http localhost (development and tests). */
export function sessionCookie(token: string, requestUrl: string) {
  const { hostname, protocol } = new URL(requestUrl);
  const local = hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
  return {
    name: SESSION_COOKIE,
    value: token,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: protocol === 'https:' || !local,
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  };
}

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) {
      try {
        return decodeURIComponent(v.join('='));
      } catch {
        return null; // a malformed cookie is no session, not a crash
      }
    }
  }
  return null;
}
