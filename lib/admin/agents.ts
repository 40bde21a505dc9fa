import 'server-only';
import { ApiError } from '@/lib/api/errors';
import type { SessionUser } from '@/lib/auth/current-user';
import { recordSecurityEvent, type SecurityAction } from '@/lib/auth/events';
import { liftLockout } from '@/lib/auth/lockouts';
import { hashPassword, temporaryPassword } from '@/lib/auth/password';
import { temporaryUntil } from '@/lib/auth/temporary-password';
import { getDb } from '@/lib/db/client';
import { revokeUserSessions } from '@/lib/db/queries/sessions';
import { bumpCredentials, createUser, findUserById, setUserActive, setUserPassword, setUserShop } from '@/lib/db/queries/users';
import type { AgentShopInput, CreateAgentInput } from '@/lib/schemas/admin';

// What admins do to agents. Each action leaves an audit row (the admin, the agent, the outcome,
// the address), and a password an admin chose is temporary: it works for a day and only to set
// the agent's own (ASVS V2.3.1), so an admin cannot quietly keep acting as an agent.

interface AdminRequest {
  req: Request;
  admin: SessionUser;
}

function audit(
  { req, admin }: AdminRequest,
  action: SecurityAction,
  outcome: 'ok' | 'refused',
  target: { id?: string | null; mobile?: string | null },
  detail: string | null,
  startedAt: number,
) {
  return recordSecurityEvent(req, {
    action,
    outcome,
    actorId: admin.id,
    targetUserId: target.id ?? null,
    targetMobile: target.mobile ?? null,
    detail,
    startedAt,
  });
}

export async function createAgent(ctx: AdminRequest, input: CreateAgentInput) {
  const startedAt = performance.now();
  const result = await createUser(await getDb(), {
    role: 'agent',
    name: input.name,
    mobile: input.mobile,
    ekoUserCode: input.ekoUserCode,
    shopName: input.shopName || null,
    shopAddress: input.shopAddress || null,
    passwordHash: await hashPassword(input.password),
    temporaryUntil: temporaryUntil(),
  });
  if (!result.ok) {
    await audit(ctx, 'admin.agent_create', 'refused', { mobile: input.mobile }, `${result.taken}_taken`, startedAt);
    // Which agent holds it, so the admin can tell a typo from a second account for one person.
    const holder = { name: result.holder.name, mobile: result.holder.mobile };
    throw result.taken === 'mobile'
      ? new ApiError('conflict', { fields: { mobile: 'errors.mobile_taken' }, messageKey: 'errors.conflict.mobile', vars: holder })
      : new ApiError('conflict', { fields: { ekoUserCode: 'errors.user_code_taken' }, messageKey: 'errors.conflict.userCode', vars: holder });
  }
  const created = result.user;
  await audit(ctx, 'admin.agent_create', 'ok', { id: created.id, mobile: created.mobile }, null, startedAt);
  return { id: created.id, name: created.name, mobile: created.mobile, ekoUserCode: created.ekoUserCode, active: created.active };
}

/** The agent an action is about; a missing one is refused, and that is in the trail too. */
async function requireAgent(ctx: AdminRequest, action: SecurityAction, id: string, startedAt: number) {
  const user = await findUserById(await getDb(), id);
  if (!user || user.role !== 'agent') {
    await audit(ctx, action, 'refused', {}, 'not_found', startedAt);
    throw new ApiError('not_found');
  }
  return user;
}

/** Deactivation ends every session of the agent at once. */
export async function setAgentActive(ctx: AdminRequest, id: string, active: boolean) {
  const startedAt = performance.now();
  const action = active ? 'admin.agent_activate' : 'admin.agent_deactivate';
  const agent = await requireAgent(ctx, action, id, startedAt);
  const db = await getDb();
  const updated = await setUserActive(db, id, active);
  if (!active) {
    await bumpCredentials(db, id);
    await revokeUserSessions(db, id);
  }
  await audit(ctx, action, 'ok', agent, null, startedAt);
  return { id, active: updated?.active ?? active };
}

/** The shop name and address the agent's receipts print. */
export async function setAgentShop(ctx: AdminRequest, id: string, input: AgentShopInput) {
  const startedAt = performance.now();
  const agent = await requireAgent(ctx, 'admin.agent_shop', id, startedAt);
  const updated = await setUserShop(await getDb(), id, { shopName: input.shopName || null, shopAddress: input.shopAddress || null });
  await audit(ctx, 'admin.agent_shop', 'ok', agent, null, startedAt);
  return { id, shopName: updated?.shopName ?? null, shopAddress: updated?.shopAddress ?? null };
}

/** A temporary password, shown once to the admin; the agent's open sessions end. */
export async function resetAgentPassword(ctx: AdminRequest, id: string) {
  const startedAt = performance.now();
  const agent = await requireAgent(ctx, 'admin.password_reset', id, startedAt);
  const password = temporaryPassword();
  const db = await getDb();
  const until = temporaryUntil();
  await setUserPassword(db, id, await hashPassword(password), until);
  await revokeUserSessions(db, id);
  await audit(ctx, 'admin.password_reset', 'ok', agent, null, startedAt);
  return { temporaryPassword: password, expiresAt: until.toISOString() };
}

/** Lifts a sign-in lockout before it runs out (the agent phoned in, say). */
export async function liftSignInLockout(ctx: AdminRequest, key: string) {
  const startedAt = performance.now();
  const lifted = await liftLockout(key);
  if (!lifted) {
    await audit(ctx, 'admin.lockout_clear', 'refused', {}, 'not_found', startedAt);
    throw new ApiError('not_found');
  }
  await audit(ctx, 'admin.lockout_clear', 'ok', { id: lifted.userId, mobile: lifted.mobile }, lifted.scope, startedAt);
  return { ok: true };
}
