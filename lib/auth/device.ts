import 'server-only';
import { createHmac, randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { isSecureRequest } from '@/lib/net/client-address';
import { onForget } from '@/lib/process-state';
import { DEVICE_COOKIE, readSingleCookie, serializeCookie } from './cookies';
import { sessionKey } from './secrets';

// The device cookie of OWASP's "Slow down online guessing attacks with device cookies": set on
// every successful sign-in, it lets this browser spend a sign-in budget of its own for the
// accounts that signed in on it, so a stranger guessing passwords elsewhere (who spends the shared
// budget of unknown browsers) never locks the owner out here. It proves only "this browser signed
// in to these accounts before"; it is never a credential.

export interface DeviceClaims {
  deviceId: string;
  /** Accounts that signed in on this browser (a shared counter PC has several), newest first. */
  userIds: string[];
}

const MAX_ACCOUNTS = 8;
/** About a year (Chrome caps cookie lifetimes at 400 days). */
const DEVICE_SECONDS = 365 * 24 * 3600;

let deviceKey: Uint8Array | undefined;
/** Its own key, derived from the session secret: a session token can never pass as one, nor the reverse. */
function key(): Uint8Array {
  deviceKey ??= new Uint8Array(createHmac('sha256', sessionKey()).update('agent-desk/device-cookie/v1').digest());
  return deviceKey;
}

export async function readDevice(req: Request): Promise<DeviceClaims | null> {
  const token = readSingleCookie(req.headers.get('cookie'), DEVICE_COOKIE, isSecureRequest(req));
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key(), { algorithms: ['HS256'], typ: 'device' });
    const ids = payload.uids;
    if (typeof payload.sub !== 'string' || !Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return null;
    return { deviceId: payload.sub, userIds: ids.slice(0, MAX_ACCOUNTS) };
  } catch {
    return null;
  }
}

/** The Set-Cookie header for this browser after `userId` signed in on it. */
export async function deviceCookieAfterSignIn(device: DeviceClaims | null, userId: string, req: Request): Promise<string> {
  const userIds = [userId, ...(device?.userIds ?? []).filter((id) => id !== userId)].slice(0, MAX_ACCOUNTS);
  const token = await new SignJWT({ uids: userIds })
    .setProtectedHeader({ alg: 'HS256', typ: 'device' })
    .setSubject(device?.deviceId ?? randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${DEVICE_SECONDS}s`)
    .sign(key());
  return serializeCookie(DEVICE_COOKIE, token, { secure: isSecureRequest(req), maxAgeSeconds: DEVICE_SECONDS });
}

onForget('deviceKey', () => {
  deviceKey = undefined;
});
