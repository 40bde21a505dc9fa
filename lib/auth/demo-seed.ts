import 'server-only';
import { writeAuditRow } from '@/lib/audit/record';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { revokeUserSessions } from '@/lib/db/queries/sessions';
import { bumpCredentials, deactivateUsersByMobile, insertUserUnlessMobileTaken } from '@/lib/db/queries/users';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { hashPassword } from './password';

// The published training accounts, at server start (instrumentation.ts): created in sandbox mode,
// switched off everywhere else (a database that once ran as a sandbox keeps no working published
// password).

const DEMO_MOBILES = Object.values(DEMO_ACCOUNTS).map((a) => a.mobile);

/** Outside sandbox mode the published demo accounts must not work, even on a database that has them. */
export async function disableDemoAccounts(): Promise<void> {
  const db = await getDb();
  for (const user of await deactivateUsersByMobile(db, DEMO_MOBILES)) {
    await bumpCredentials(db, user.id);
    await revokeUserSessions(db, user.id);
    await writeAuditRow({
      userId: null,
      action: 'admin.agent_deactivate',
      outcome: 'ok',
      targetUserId: user.id,
      targetMobile: user.mobile,
      detail: 'sandbox_off',
      latencyMs: 0,
    });
  }
}

/** Sandbox mode only: a demo admin and agent, created once (later changes are kept). */
export async function ensureDemoAccounts(): Promise<void> {
  const db = await getDb();
  for (const account of Object.values(DEMO_ACCOUNTS)) {
    await insertUserUnlessMobileTaken(db, {
      role: account.role,
      name: account.name,
      mobile: account.mobile,
      ekoUserCode: account.ekoUserCode,
      passwordHash: await hashPassword(account.password),
    });
  }
}

/** At start-up: the training accounts as the mode says. */
export async function prepareDemoAccounts(): Promise<void> {
  await (getConfig().sandboxMode ? ensureDemoAccounts() : disableDemoAccounts());
}
