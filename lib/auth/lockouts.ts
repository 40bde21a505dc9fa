import 'server-only';
import { getDb } from '@/lib/db/client';
import { deleteLockout, findLockout, type LockoutRow, upsertLockout } from '@/lib/db/queries/lockouts';
import { clearBudget, type Lockout, type RuleName } from '@/lib/rate-limit';

// The admins' view of sign-in lockouts. The counters live in the rate-limit store (database,
// memory or Redis); the login_lockouts table records each lockout (until when, how many in a row)
// so admins see who is locked out, and can lift it, whichever store counts.

const SCOPE_OF: Partial<Record<RuleName, string>> = {
  loginUnknownDevices: 'unknown_devices',
  loginKnownDevice: 'known_device',
  loginPerAddress: 'address',
};

/** Records a lockout that a failed sign-in started. */
export async function recordLockout(lockout: Lockout, who: { mobile: string; userId: string | null; address: string }): Promise<void> {
  const scope = SCOPE_OF[lockout.rule];
  if (!scope) return;
  await upsertLockout(await getDb(), {
    key: `${lockout.rule}:${lockout.key}`,
    mobile: who.mobile,
    userId: who.userId,
    scope,
    lockedUntil: lockout.until,
    level: lockout.level,
    lastAddress: who.address,
  });
}

/** Lifts a lockout: its counter, its doubling history and its row. Returns what it lifted. */
export async function liftLockout(key: string): Promise<LockoutRow | null> {
  const db = await getDb();
  const row = await findLockout(db, key);
  const rule = key.slice(0, key.indexOf(':')) as RuleName;
  if (!row || !SCOPE_OF[rule]) return null;
  await clearBudget(rule, key.slice(rule.length + 1));
  await deleteLockout(db, key);
  return row;
}
