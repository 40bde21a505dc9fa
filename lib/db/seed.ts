import 'server-only';
import { hashPassword } from '@/lib/auth/password';
import { DEMO_ACCOUNTS } from '@/lib/auth/demo-accounts';
import type { Db } from './client';
import { users } from './schema';

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
