import 'server-only';
import { createHmac } from 'node:crypto';
import { apiErrorFromEko } from '@/lib/api/errors';
import type { AgentContext } from '@/lib/api/handler';
import { sessionKey } from '@/lib/auth/secrets';
import { callEko, type EkoCallInput, type EkoResult } from '@/lib/eko/client';
import type { EkoEndpoint } from '@/lib/eko/endpoints';
import { getDb } from '@/lib/db/client';
import { auditEvents } from '@/lib/db/schema';
import { logger } from '@/lib/log';

// Every Eko call made for an agent goes through here and leaves one audit row: who, what, for
// which sender, how it ended, how long it took, and Eko's own ids. Never an Aadhaar number (at
// most its last four digits and a keyed hash), never PID data, never an OTP.

export interface AuditContext<Out> {
  senderMobile?: string;
  /** Only to derive last four + keyed hash; the number itself is never stored. */
  aadhaar?: string;
  /** The normalised result worth recording, e.g. the sender state. */
  describe?: (value: Out) => string;
}

/** A keyed hash lets admins see that two attempts used the same Aadhaar without storing it. */
export function aadhaarFingerprint(aadhaar: string): { last4: string; hash: string } {
  const key = createHmac('sha256', sessionKey()).update('aadhaar-audit-v1').digest();
  return { last4: aadhaar.slice(-4), hash: createHmac('sha256', key).update(aadhaar).digest('hex') };
}

export function outcomeOf(result: EkoResult<unknown>): { outcome: string; detail: string | null } {
  if (result.ok) return { outcome: 'ok', detail: null };
  const error = apiErrorFromEko(result.failure);
  if (result.failure.kind === 'upstream') return { outcome: 'upstream_error', detail: error.code };
  const code = result.failure.status ?? result.failure.responseStatusId;
  return { outcome: 'business_error', detail: code === null ? error.code : `${error.code}:${code}` };
}

export async function recordEkoCall<Out>(agent: AgentContext, result: EkoResult<Out>, audit: AuditContext<Out>): Promise<void> {
  const { outcome, detail } = outcomeOf(result);
  const aadhaar = audit.aadhaar ? aadhaarFingerprint(audit.aadhaar) : null;
  try {
    await (await getDb()).insert(auditEvents).values({
      at: result.meta.startedAt,
      userId: agent.id,
      action: result.meta.action,
      senderMobile: audit.senderMobile ?? null,
      outcome,
      detail: result.ok ? (audit.describe?.(result.value) ?? null) : detail,
      ekoStatus: result.meta.status,
      ekoResponseTypeId: result.meta.responseTypeId,
      httpStatus: result.meta.httpStatus,
      latencyMs: result.meta.latencyMs,
      attempts: result.meta.attempts,
      clientRefId: result.meta.clientRefId,
      aadhaarLast4: aadhaar?.last4 ?? null,
      aadhaarHash: aadhaar?.hash ?? null,
    });
  } catch (err) {
    // The Eko call already happened; losing its audit row must not turn success into failure.
    logger().error({ action: result.meta.action, clientRefId: result.meta.clientRefId, err: (err as Error)?.name ?? typeof err }, 'audit row not recorded');
  }
}

/** callEko for a signed-in agent, with the audit row written before the result is returned. */
export async function callEkoAs<Path, Body, Out>(
  agent: AgentContext,
  endpoint: EkoEndpoint<Path, Body, Out>,
  input: Omit<EkoCallInput<Path, Body>, 'userCode'>,
  audit: AuditContext<Out> = {},
): Promise<EkoResult<Out>> {
  const result = await callEko(endpoint, { ...input, userCode: agent.userCode });
  await recordEkoCall(agent, result, audit);
  return result;
}
