import 'server-only';
import { encryptAadhaarForEko } from '@/lib/aadhaar/eko-encrypt';
import type { AgentSealPurpose } from '@/lib/aadhaar/seal';
import { openSealedAadhaar } from '@/lib/aadhaar/server';
import type { AgentContext } from '@/lib/auth/agent';
import { ApiError } from '@/lib/api/errors';
import { callEkoAs } from '@/lib/audit/eko-call';
import { isKnownBank } from '@/lib/banks/list';
import { writeWithRetry } from '@/lib/audit/record';
import { getDb } from '@/lib/db/client';
import { findUserById, recordAepsMilestone } from '@/lib/db/queries/users';
import { ekoEndpoints } from '@/lib/eko/endpoints';
import { ekoErrorOf } from '@/lib/eko/failures';
import type { AepsBiometricInput, AepsDailyAuthInput, AepsVerifyOtpInput } from '@/lib/schemas/aeps';
import { todayInIndia } from '@/lib/schemas/sender';

// The agent's own AePS-Fingpay one-time eKYC and daily authentication. The agent's Aadhaar comes
// transport-encrypted from the browser, is decrypted in memory and re-encrypted with Eko's key.

export interface AepsStatus {
  ekycCompletedOn: string | null;
  lastDailyAuthOn: string | null;
  /** The server's India date, for reference; the page decides "due" with its own clock. */
  today: string;
}

export function aepsStatus(agent: AgentContext): Promise<AepsStatus> {
  return aepsStatusOf(agent.id);
}

/** The same, for a page that has the signed-in user (it renders the AePS banner on the server). */
export async function aepsStatusOf(userId: string): Promise<AepsStatus> {
  const user = await findUserById(await getDb(), userId);
  return { ekycCompletedOn: user?.aepsEkycCompletedOn ?? null, lastDailyAuthOn: user?.aepsDailyAuthOn ?? null, today: todayInIndia() };
}

/** The one-time eKYC's three calls share one seal; the daily authentication needs its own. */
function identity(agent: AgentContext, sealed: string, latlong: string, purpose: AgentSealPurpose) {
  const aadhaar = openSealedAadhaar(sealed, { agent, purpose });
  return { aadhaar, body: { customer_id: agent.mobile, aadhar: encryptAadhaarForEko(aadhaar), latlong } };
}

/**
 * Eko has already said yes: a database hiccup here must not invite the agent to send it again,
 * so the date is retried and, failing that, logged whole for an operator to replay.
 */
async function recordMilestone(agent: AgentContext, milestone: 'ekyc' | 'daily_auth'): Promise<string> {
  const today = todayInIndia();
  await writeWithRetry('aeps milestone', async () => recordAepsMilestone(await getDb(), agent.id, milestone, today), {
    userId: agent.id,
    milestone,
    day: today,
  });
  return today;
}

export async function aepsSendOtp(agent: AgentContext, input: { aadhaar: string; latlong: string }) {
  const { aadhaar, body } = identity(agent, input.aadhaar, input.latlong, 'aeps_ekyc');
  const result = await callEkoAs(agent, ekoEndpoints.aepsSendOtp, { path: {}, body }, { aadhaar, describe: () => 'otp_sent' });
  if (!result.ok) throw ekoErrorOf(result);
  return result.value;
}

export async function aepsVerifyOtp(agent: AgentContext, input: AepsVerifyOtpInput) {
  const { aadhaar, body } = identity(agent, input.aadhaar, input.latlong, 'aeps_ekyc');
  const result = await callEkoAs(
    agent,
    ekoEndpoints.aepsVerifyOtp,
    { path: {}, body: { ...body, otp: input.otp, otp_ref_id: input.otpRefId, reference_tid: input.referenceTid } },
    { aadhaar, describe: () => 'otp_verified' },
  );
  if (!result.ok) throw ekoErrorOf(result);
  // Eko issues new references here; the next step must carry these.
  return { otpRefId: result.value.otpRefId, referenceTid: result.value.referenceTid ?? input.referenceTid };
}

/** A bank code from the form must be one of Eko's (the select offers only those). */
async function assertKnownBank(agent: AgentContext, bankCode: string): Promise<void> {
  if (!(await isKnownBank(agent, bankCode))) throw new ApiError('invalid_input', { fields: { bankCode: 'validation.bank' } });
}

export async function aepsBiometricEkyc(agent: AgentContext, input: AepsBiometricInput) {
  await assertKnownBank(agent, input.bankCode);
  const { aadhaar, body } = identity(agent, input.aadhaar, input.latlong, 'aeps_ekyc');
  const result = await callEkoAs(
    agent,
    ekoEndpoints.aepsBiometricEkyc,
    { path: {}, body: { ...body, piddata: input.piddata, bank_code: input.bankCode, otp_ref_id: input.otpRefId, reference_tid: input.referenceTid } },
    { aadhaar, describe: () => 'ekyc_completed' },
  );
  if (!result.ok) throw ekoErrorOf(result);
  return { ekycCompletedOn: await recordMilestone(agent, 'ekyc') };
}

export async function aepsDailyAuth(agent: AgentContext, input: AepsDailyAuthInput) {
  await assertKnownBank(agent, input.bankCode);
  const { aadhaar, body } = identity(agent, input.aadhaar, input.latlong, 'aeps_daily_auth');
  const result = await callEkoAs(
    agent,
    ekoEndpoints.aepsDailyKyc,
    { path: {}, body: { ...body, piddata: input.piddata, bank_code: input.bankCode } },
    { aadhaar, describe: () => 'authenticated' },
  );
  if (!result.ok) throw ekoErrorOf(result);
  return { lastDailyAuthOn: await recordMilestone(agent, 'daily_auth') };
}
