import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { hashPassword, temporaryPassword } from '@/lib/auth/password';
import { getDb } from '@/lib/db/client';
import { createUser, findUserById, setUserActive, setUserPassword } from '@/lib/db/queries/users';
import type { CreateAgentInput } from '@/lib/schemas/admin';

export async function createAgent(input: CreateAgentInput) {
  const created = await createUser(await getDb(), {
    role: 'agent',
    name: input.name,
    mobile: input.mobile,
    ekoUserCode: input.ekoUserCode,
    passwordHash: await hashPassword(input.password),
  });
  if (!created) throw new ApiError('conflict', { fields: { mobile: 'errors.mobile_taken' } });
  return { id: created.id, name: created.name, mobile: created.mobile, ekoUserCode: created.ekoUserCode, active: created.active };
}

async function requireAgent(id: string) {
  const user = await findUserById(await getDb(), id);
  if (!user || user.role !== 'agent') throw new ApiError('not_found');
  return user;
}

export async function setAgentActive(id: string, active: boolean) {
  await requireAgent(id);
  const updated = await setUserActive(await getDb(), id, active);
  return { id, active: updated?.active ?? active };
}

/** A new temporary password, shown once to the admin; the agent's open sessions end. */
export async function resetAgentPassword(id: string) {
  await requireAgent(id);
  const password = temporaryPassword();
  await setUserPassword(await getDb(), id, await hashPassword(password));
  return { temporaryPassword: password };
}
