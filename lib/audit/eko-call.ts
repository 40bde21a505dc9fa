import 'server-only';
import type { AgentContext } from '@/lib/auth/agent';
import { callEko, type EkoCallInput, type EkoResult } from '@/lib/eko/client';

export type { EkoResult } from '@/lib/eko/client';
import type { EkoEndpoint } from '@/lib/eko/endpoints';
import { ekoErrorOf } from '@/lib/eko/failures';
import { writeAuditRow } from './record';

// Every Eko call made for an agent goes through here and leaves one audit row: who, what, for
// which sender, how it ended, how long it took, and Eko's own ids. Never an Aadhaar number (at
// most its last four digits), never PID data, never an OTP.

export interface AuditContext<Out> {
  senderMobile?: string;
  /** Only to keep the last four digits; the number itself is never stored. */
  aadhaar?: string;
  /** The normalised result worth recording, e.g. the sender state. */
  describe?: (value: Out) => string;
}

export function outcomeOf(result: EkoResult<unknown>): { outcome: string; detail: string | null } {
  if (result.ok) return { outcome: 'ok', detail: null };
  // The step's own error (ekyc_verification_failed, otp_wrong, …): what the agent was told.
  const error = ekoErrorOf(result);
  if (result.failure.kind === 'upstream') return { outcome: 'upstream_error', detail: error.code };
  const code = result.failure.status ?? result.failure.responseStatusId;
  return { outcome: 'business_error', detail: code === null ? error.code : `${error.code}:${code}` };
}

/** The row is retried, and logged whole if it cannot be written: Eko has answered either way. */
export async function recordEkoCall<Out>(agent: AgentContext, result: EkoResult<Out>, audit: AuditContext<Out>): Promise<void> {
  const { outcome, detail } = outcomeOf(result);
  await writeAuditRow({
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
    aadhaarLast4: audit.aadhaar ? audit.aadhaar.slice(-4) : null,
  });
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
