import 'server-only';
import { hashPassword } from '@/lib/auth/password';
import { DEMO_ACCOUNTS } from '@/lib/auth/demo-accounts';
import { and, eq, inArray } from 'drizzle-orm';
import { revokeUserSessions } from './queries/sessions';
import type { Db } from './client';
import { users } from './schema';

/** Outside sandbox mode the published demo accounts must not work, even on a database that has them. */
export async function disableDemoAccounts(db: Db): Promise<void> {
  const mobiles = Object.values(DEMO_ACCOUNTS).map((a) => a.mobile);
  const disabled = await db
    .update(users)
    .set({ active: false, updatedAt: new Date() })
    .where(and(inArray(users.mobile, mobiles), eq(users.active, true)))
    .returning({ id: users.id });
  for (const { id } of disabled) await revokeUserSessions(db, id);
}

/** Sandbox mode only: a demo admin and agent, created once (later changes are kept). */
export async function ensureDemoAccounts(db: Db): Promise<void> {
  for (const account of Object.values(DEMO_ACCOUNTS)) {
    await db
      .insert(users)
      .values({
        role: account.role,
        name: account.name,
        mobile: account.mobile,
        ekoUserCode: account.ekoUserCode,
        passwordHash: await hashPassword(account.password),
      })
      .onConflictDoNothing({ target: users.mobile });
  }
}
