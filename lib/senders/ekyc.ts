import 'server-only';
import { openSealedAadhaar } from '@/lib/aadhaar/server';
import type { AgentContext } from '@/lib/auth/agent';
import { callEkoAs } from '@/lib/audit/eko-call';
import { ekoEndpoints } from '@/lib/eko/endpoints';
import { ekoErrorOf } from '@/lib/eko/failures';
import type { SenderEkycOtpRequest } from '@/lib/schemas/ekyc';
import type { SenderEkycStarted } from './types';

// Sender eKYC (fingerprint + Aadhaar) and its OTP validation. Neither call is ever retried
// automatically: a second submission needs a fresh capture or the agent's explicit retry.

export async function startSenderEkyc(agent: AgentContext, mobile: string, input: { aadhaar: string; piddata: string }): Promise<SenderEkycStarted> {
  const aadhaar = openSealedAadhaar(input.aadhaar, { agent, purpose: 'sender_ekyc', mobile });
  const result = await callEkoAs(
    agent,
    ekoEndpoints.senderEkyc,
    // DMT-Fino takes the plain number over TLS; the PID goes on unchanged, once.
    { path: { customerId: mobile }, body: { aadhar: aadhaar, piddata: input.piddata } },
    { senderMobile: mobile, aadhaar, describe: () => 'otp_sent' },
  );
  if (!result.ok) throw ekoErrorOf(result);
  return result.value;
}

export async function validateSenderEkycOtp(agent: AgentContext, mobile: string, input: SenderEkycOtpRequest): Promise<{ completed: true }> {
  const result = await callEkoAs(
    agent,
    ekoEndpoints.validateSenderEkycOtp,
    { path: { customerId: mobile }, body: { otp: input.otp, otp_ref_id: input.otpRefId, kyc_request_id: input.kycRequestId } },
    { senderMobile: mobile, describe: () => 'kyc_completed' },
  );
  if (result.ok) return result.value;
  throw ekoErrorOf(result);
}
