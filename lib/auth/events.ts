import 'server-only';
import { writeAuditRow } from '@/lib/audit/record';
import { clientAddress } from '@/lib/net/client-address';

// Sign-ins and admin actions in the same audit trail as Eko calls: who did it (userId), to whom
// (targetUserId, or the mobile a sign-in tried), how it ended, when, and from which address.

export const AUTH_ACTIONS = ['auth.login', 'auth.logout', 'auth.logout_all', 'auth.password_change'] as const;
export const ADMIN_ACTIONS = ['admin.agent_create', 'admin.agent_activate', 'admin.agent_deactivate', 'admin.password_reset', 'admin.lockout_clear'] as const;
export type SecurityAction = (typeof AUTH_ACTIONS)[number] | (typeof ADMIN_ACTIONS)[number];

/** ok: done · failed: wrong credentials · blocked: a rate limit refused it · refused: not allowed (inactive, expired, taken). */
export const SECURITY_OUTCOMES = ['ok', 'failed', 'blocked', 'refused'] as const;
export type SecurityOutcome = (typeof SECURITY_OUTCOMES)[number];

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
