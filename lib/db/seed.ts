import 'server-only';
import { hashPassword } from '@/lib/auth/password';
import { DEMO_ACCOUNTS } from '@/lib/auth/demo-accounts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './client';
import { users } from './schema';

/** Outside sandbox mode the published demo accounts must not work, even on a database that has them. */
export async function disableDemoAccounts(db: Db): Promise<void> {
  const mobiles = Object.values(DEMO_ACCOUNTS).map((a) => a.mobile);
  await db
    .update(users)
    .set({ active: false, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(and(inArray(users.mobile, mobiles), eq(users.active, true)));
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
