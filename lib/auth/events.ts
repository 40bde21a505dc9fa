import 'server-only';
import type { SecurityAction, SecurityOutcome } from '@/lib/audit/actions';
import { writeAuditRow } from '@/lib/audit/record';
import { clientAddress } from '@/lib/net/client-address';
import { consume, RateLimitRefusal } from '@/lib/rate-limit';

// Sign-ins and admin actions in the same audit trail as Eko calls: who did it (userId), to whom
// (targetUserId, or the mobile a sign-in tried), how it ended, when, and from which address.

export type { SecurityAction, SecurityOutcome } from '@/lib/audit/actions';

export interface SecurityEvent {
  action: SecurityAction;
  outcome: SecurityOutcome;
  /** Who acted (null for a failed sign-in: nobody is signed in yet). */
  actorId: string | null;
  targetUserId?: string | null;
  targetMobile?: string | null;
  /** A short code the activity view turns into words (lib/i18n: admin.reason.*). */
  detail?: string | null;
  /** performance.now() when the request started: the row records how long it took. */
  startedAt: number;
}

export async function recordSecurityEvent(req: Request, event: SecurityEvent): Promise<void> {
  await writeAuditRow({
    userId: event.actorId,
    action: event.action,
    outcome: event.outcome,
    targetUserId: event.targetUserId ?? null,
    targetMobile: event.targetMobile ?? null,
    detail: event.detail ?? null,
    clientAddress: clientAddress(req),
    latencyMs: Math.round(performance.now() - event.startedAt),
  });
}

/**
 * A refused (rate-limited) attempt. Every lockout is recorded where it starts; of the refused
 * attempts that follow, 10 per budget in 15 minutes get a row, so a flood of blocked guesses
 * cannot grow the audit table without end.
 */
export async function recordBlockedAttempt(req: Request, event: Omit<SecurityEvent, 'outcome'> & { budgetKey: string }): Promise<void> {
  const { budgetKey, ...rest } = event;
  try {
    await consume([{ rule: 'auditBlocked', key: budgetKey }]);
  } catch (err) {
    if (err instanceof RateLimitRefusal) return;
    throw err;
  }
  await recordSecurityEvent(req, { ...rest, outcome: 'blocked' });
}
