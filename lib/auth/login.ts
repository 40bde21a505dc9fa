import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { getDb } from '@/lib/db/client';
import { createSession, deleteDeadSessions, revokeSession, revokeUserSessions } from '@/lib/db/queries/sessions';
import { findUserById, findUserByMobile, setUserPassword } from '@/lib/db/queries/users';
import { clientAddress } from '@/lib/net/client-address';
import { clearBudget, consume, giveBack, type LimitCheck, RateLimitRefusal } from '@/lib/rate-limit';
import type { ChangePasswordInput, LoginInput } from '@/lib/schemas/auth';
import { clearCookie, serializeCookie, SESSION_COOKIE } from './cookies';
import { CHANGE_PASSWORD_PAGE, checkRequest, homeFor, type SessionUser } from './current-user';
import { deviceCookieAfterSignIn, readDevice } from './device';
import { recordSecurityEvent } from './events';
import { recordLockout } from './lockouts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { weakPasswordReason } from './password-policy';
import type { Role } from './roles';
import { SESSION_HOURS, signSession } from './session';

export interface SignedIn {
  setCookies: string[];
  role: Role;
  home: string;
  name: string;
  mustChangePassword: boolean;
}

/**
 * Sign-in. Every attempt spends a point before the password is checked (so parallel guesses
 * cannot all be checked) and a right password gives it back: from a browser that signed in to
 * this account before, out of that browser's own budget; otherwise out of the budget all unknown
 * browsers share for the account, and the address's (lib/rate-limit/rules.ts). Unknown mobiles
 * spend and wait exactly like known ones.
 */
export async function login(req: Request, input: LoginInput): Promise<SignedIn> {
  const startedAt = performance.now();
  const address = clientAddress(req);
  const db = await getDb();
  const [user, device] = await Promise.all([findUserByMobile(db, input.mobile), readDevice(req)]);
  const knownDevice = !!user && !!device && device.userIds.includes(user.id);
  const checks: LimitCheck[] = knownDevice
    ? [{ rule: 'loginKnownDevice', key: `${input.mobile}:${device!.deviceId}` }]
    : [
        { rule: 'loginPerAddress', key: address },
        { rule: 'loginUnknownDevices', key: input.mobile },
      ];
  const record = (outcome: 'ok' | 'failed' | 'blocked' | 'refused', detail: string, actorId: string | null = null) =>
    recordSecurityEvent(req, { action: 'auth.login', outcome, detail, actorId, targetUserId: user?.id ?? null, targetMobile: input.mobile, startedAt });

  try {
    await consume(checks);
  } catch (err) {
    if (err instanceof RateLimitRefusal) {
      await recordLockout(err, { mobile: input.mobile, userId: user?.id ?? null, address });
      await record('blocked', err.lockout ? `${err.rule}:${err.lockout.level}` : err.rule);
    }
    throw err;
  }

  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid) {
    await record('failed', user ? 'wrong_password' : 'unknown_account');
    throw new ApiError('invalid_credentials');
  }
  // The right password costs nothing; on the owner's own browser, earlier typos are forgiven too.
  await (knownDevice ? clearBudget(checks[0]!.rule, checks[0]!.key) : giveBack(checks));
  if (!user.active) {
    await record('refused', 'inactive');
    throw new ApiError('account_inactive');
  }
  if (user.passwordMustChange && user.passwordExpiresAt && user.passwordExpiresAt <= new Date()) {
    await record('refused', 'temporary_password_expired');
    throw new ApiError('temporary_password_expired');
  }

  const session = await createSession(db, { userId: user.id, expiresAt: new Date(Date.now() + SESSION_HOURS * 3600 * 1000), clientAddress: address });
  await deleteDeadSessions(db, user.id);
  const token = await signSession({ userId: user.id, role: user.role, sessionId: session.id });
  await record('ok', knownDevice ? 'known_device' : 'new_device', user.id);
  return {
    setCookies: [serializeCookie(SESSION_COOKIE, token, { requestUrl: req.url, maxAgeSeconds: SESSION_HOURS * 3600 }), await deviceCookieAfterSignIn(device, user.id, req.url)],
    role: user.role,
    home: user.passwordMustChange ? CHANGE_PASSWORD_PAGE : homeFor(user.role),
    name: user.name,
    mustChangePassword: user.passwordMustChange,
  };
}

/**
 * Ends this session (or, `everywhere`, every session of the user) and returns the clearing
 * cookies. A request without a live session just gets its cookie cleared.
 */
export async function logout(req: Request, opts: { everywhere: boolean }): Promise<string[]> {
  const startedAt = performance.now();
  const { user } = await checkRequest(req);
  if (user) {
    const db = await getDb();
    await (opts.everywhere ? revokeUserSessions(db, user.id) : revokeSession(db, user.sessionId));
    await recordSecurityEvent(req, { action: opts.everywhere ? 'auth.logout_all' : 'auth.logout', outcome: 'ok', actorId: user.id, targetUserId: user.id, startedAt });
  }
  return clearCookie(SESSION_COOKIE, req.url);
}

/**
 * The user's own new password. The current one is checked (the route's budget stops guessing with
 * a stolen session); the new one must pass the policy; every other session of the user ends.
 */
export async function changePassword(req: Request, user: SessionUser, input: ChangePasswordInput): Promise<{ home: string }> {
  const startedAt = performance.now();
  const db = await getDb();
  const row = await findUserById(db, user.id);
  const record = (outcome: 'ok' | 'failed' | 'refused', detail: string | null) =>
    recordSecurityEvent(req, { action: 'auth.password_change', outcome, detail, actorId: user.id, targetUserId: user.id, startedAt });
  if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash))) {
    await record('failed', 'wrong_password');
    throw new ApiError('invalid_input', { fields: { currentPassword: 'validation.password.current' } });
  }
  // The budget is against guessing the current password: knowing it costs nothing.
  await giveBack([{ rule: 'passwordChange', key: user.id }]);
  const weak = weakPasswordReason(input.newPassword, { mobile: row.mobile, currentPassword: input.currentPassword });
  if (weak) {
    await record('refused', weak.replace(/^validation\./, ''));
    throw new ApiError('invalid_input', { fields: { newPassword: weak } });
  }
  await setUserPassword(db, user.id, await hashPassword(input.newPassword), null);
  await revokeUserSessions(db, user.id, { except: user.sessionId });
  await record('ok', user.mustChangePassword ? 'replaced_temporary' : null);
  return { home: homeFor(user.role) };
}
