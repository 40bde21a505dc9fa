import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { getDb } from '@/lib/db/client';
import { createSession, deleteDeadSessions, restampSession, revokeSession, revokeSessionsBeyond, revokeUserSessions } from '@/lib/db/queries/sessions';
import { bumpCredentials, findUserById, findUserByMobile, setUserPassword } from '@/lib/db/queries/users';
import { clientAddress, isSecureRequest } from '@/lib/net/client-address';
import { addressBudgetKey } from '@/lib/net/peer';
import { clearBudget, giveBack, type LimitCheck, lockOutSpent, RateLimitRefusal, spend, type Spent } from '@/lib/rate-limit';
import type { ChangePasswordInput, LoginInput } from '@/lib/schemas/auth';
import { clearCookie, serializeCookie, SESSION_COOKIE } from './cookies';
import { CHANGE_PASSWORD_PAGE, checkRequest, homeFor, type SessionUser } from './current-user';
import { deviceCookieAfterSignIn, readDevice } from './device';
import { recordBlockedAttempt, recordSecurityEvent } from './events';
import { recordLockout } from './lockouts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { weakPasswordReason } from './password-policy';
import type { Role } from './roles';
import { SESSION_HOURS, sessionTokenOf, signSession, verifySession } from './session';

export interface SignedIn {
  setCookies: string[];
  role: Role;
  home: string;
  name: string;
  mustChangePassword: boolean;
}

/** Live sessions one user may hold (a counter PC, a tablet, a phone … and then some). */
const MAX_LIVE_SESSIONS = 20;

/**
 * Sign-in. Every attempt spends a point before the password is checked (so parallel guesses
 * cannot all be checked) and a right password gives it back: from a browser that signed in to
 * this account before, out of that browser's own budget; otherwise out of the budget all unknown
 * browsers share for the account, and the address's (lib/rate-limit/rules.ts). The wrong guess
 * that empties a budget starts its lockout. Unknown mobiles spend and wait exactly like known ones.
 */
export async function login(req: Request, input: LoginInput): Promise<SignedIn> {
  const startedAt = performance.now();
  const address = clientAddress(req);
  const db = await getDb();
  // One read gives the hash this attempt checks and the credentials version a session records:
  // should the password change meanwhile, the session is born stale (lib/auth/current-user.ts).
  const [user, device] = await Promise.all([findUserByMobile(db, input.mobile), readDevice(req)]);
  const knownDevice = !!user && !!device && device.userIds.includes(user.id);
  const checks: LimitCheck[] = knownDevice
    ? [{ rule: 'loginKnownDevice', key: `${input.mobile}:${device!.deviceId}` }]
    : [
        { rule: 'loginPerAddress', key: addressBudgetKey(address) },
        { rule: 'loginUnknownDevices', key: input.mobile },
      ];
  const who = { actorId: null, targetUserId: user?.id ?? null, targetMobile: input.mobile, startedAt };
  const record = (outcome: 'ok' | 'failed' | 'refused', detail: string, actorId: string | null = null) =>
    recordSecurityEvent(req, { action: 'auth.login', outcome, detail, ...who, actorId });

  let spent: Spent[];
  try {
    spent = await spend(checks);
  } catch (err) {
    if (err instanceof RateLimitRefusal)
      await recordBlockedAttempt(req, { action: 'auth.login', detail: err.rule, budgetKey: `${err.rule}:${err.key}`, ...who });
    throw err;
  }

  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid) {
    await record('failed', user ? 'wrong_password' : 'unknown_account');
    for (const lockout of await lockOutSpent(spent)) {
      await recordLockout(lockout, { mobile: input.mobile, userId: user?.id ?? null, address });
      await recordSecurityEvent(req, { action: 'auth.login', outcome: 'blocked', detail: `${lockout.rule}:${lockout.level}`, ...who });
    }
    throw new ApiError('invalid_credentials');
  }
  // The right password costs nothing; on the owner's own browser, earlier typos are forgiven too.
  await (knownDevice ? clearBudget(checks[0]!.rule, checks[0]!.key) : giveBack(checks));
  if (!user.active) {
    await record('refused', 'inactive');
    throw new ApiError('account_inactive');
  }
  const temporaryUntil = user.passwordMustChange ? user.passwordExpiresAt : null;
  if (temporaryUntil && temporaryUntil <= new Date()) {
    await record('refused', 'temporary_password_expired');
    throw new ApiError('temporary_password_expired');
  }

  // A session the browser still carried (another agent at a shared counter, say) ends here.
  const carried = await verifySession(sessionTokenOf(req));
  if (carried) await revokeSession(db, carried.sessionId);
  // A temporary password's session ends with the password.
  const fullTerm = new Date(Date.now() + SESSION_HOURS * 3600 * 1000);
  const capped = !!temporaryUntil && temporaryUntil < fullTerm;
  const expiresAt = capped ? temporaryUntil : fullTerm;
  const session = await createSession(db, { userId: user.id, credentialsVersion: user.credentialsVersion, expiresAt, clientAddress: address });
  await Promise.all([deleteDeadSessions(db, user.id), revokeSessionsBeyond(db, user.id, MAX_LIVE_SESSIONS)]);
  const token = await signSession({ userId: user.id, role: user.role, sessionId: session.id });
  await record('ok', knownDevice ? 'known_device' : 'new_device', user.id);
  const secure = isSecureRequest(req);
  return {
    setCookies: [
      serializeCookie(SESSION_COOKIE, token, { secure, maxAgeSeconds: capped ? Math.floor((expiresAt.getTime() - Date.now()) / 1000) : SESSION_HOURS * 3600 }),
      await deviceCookieAfterSignIn(device, user.id, req),
    ],
    role: user.role,
    home: user.passwordMustChange ? CHANGE_PASSWORD_PAGE : homeFor(user.role),
    name: user.name,
    mustChangePassword: user.passwordMustChange,
  };
}

/**
 * Ends this session (or, `everywhere`, every session of the user) and returns the clearing
 * cookie. A request without a live session just gets its cookie cleared.
 */
export async function logout(req: Request, opts: { everywhere: boolean }): Promise<string[]> {
  const startedAt = performance.now();
  const { user } = await checkRequest(req);
  if (user) {
    const db = await getDb();
    if (opts.everywhere) {
      await bumpCredentials(db, user.id);
      await revokeUserSessions(db, user.id);
    } else {
      await revokeSession(db, user.sessionId);
    }
    await recordSecurityEvent(req, {
      action: opts.everywhere ? 'auth.logout_all' : 'auth.logout',
      outcome: 'ok',
      actorId: user.id,
      targetUserId: user.id,
      startedAt,
    });
  }
  return clearCookie(SESSION_COOKIE, isSecureRequest(req));
}

/**
 * The user's own new password. The current one is checked against a budget of its own (a stolen
 * session must not become a way to guess the password behind it); the new one must pass the
 * policy; every other session of the user ends, this one carries on.
 */
export async function changePassword(req: Request, user: SessionUser, input: ChangePasswordInput): Promise<{ home: string }> {
  const startedAt = performance.now();
  const db = await getDb();
  const record = (outcome: 'ok' | 'failed' | 'refused', detail: string | null) =>
    recordSecurityEvent(req, { action: 'auth.password_change', outcome, detail, actorId: user.id, targetUserId: user.id, startedAt });
  const check: LimitCheck = { rule: 'passwordChange', key: user.id };
  let spent: Spent[];
  try {
    spent = await spend([check]);
  } catch (err) {
    if (err instanceof RateLimitRefusal)
      await recordBlockedAttempt(req, {
        action: 'auth.password_change',
        detail: err.rule,
        budgetKey: `${err.rule}:${err.key}`,
        actorId: user.id,
        targetUserId: user.id,
        startedAt,
      });
    throw err;
  }
  const row = await findUserById(db, user.id);
  if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash))) {
    await record('failed', 'wrong_password');
    await lockOutSpent(spent);
    throw new ApiError('invalid_input', { fields: { currentPassword: 'validation.password.current' } });
  }
  // The budget is against guessing the current password: knowing it costs nothing.
  await giveBack([check]);
  if (row.passwordMustChange && row.passwordExpiresAt && row.passwordExpiresAt <= new Date()) {
    await record('refused', 'temporary_password_expired');
    throw new ApiError('temporary_password_expired');
  }
  const weak = weakPasswordReason(input.newPassword, { mobile: row.mobile, currentPassword: input.currentPassword });
  if (weak) {
    await record('refused', weak.replace(/^validation\./, ''));
    throw new ApiError('invalid_input', { fields: { newPassword: weak } });
  }
  // Only over the hash just checked: a reset or another change meanwhile wins, and this one fails.
  const updated = await setUserPassword(db, user.id, await hashPassword(input.newPassword), null, row.passwordHash);
  if (!updated) {
    await record('refused', 'changed_meanwhile');
    throw new ApiError('conflict', { messageKey: 'errors.conflict.passwordChanged' });
  }
  await restampSession(db, user.sessionId, updated.credentialsVersion);
  await revokeUserSessions(db, user.id, { except: user.sessionId });
  await record('ok', user.mustChangePassword ? 'replaced_temporary' : null);
  return { home: homeFor(user.role) };
}
