import 'server-only';
import { openSealedAadhaar } from '@/lib/aadhaar/server';
import { ApiError, apiErrorFromEko } from '@/lib/api/errors';
import type { AgentContext } from '@/lib/api/handler';
import { callEkoAs } from '@/lib/audit/eko-call';
import type { EkoFailure } from '@/lib/eko/client';
import { ekoEndpoints } from '@/lib/eko/endpoints';
import type { SenderEkycOtpRequest } from '@/lib/schemas/ekyc';

// Sender eKYC (fingerprint + Aadhaar) and its OTP validation. Neither call is ever retried
// automatically: a second submission needs a fresh capture or the agent's explicit retry.

const STATUS = { ekycFailed: 2135, otpFailed: 2131, alreadyKyc: 585, notFound: 463 } as const;

function ekycError(failure: EkoFailure): ApiError {
  if (failure.kind === 'business') {
    const reason = (failure.reason ?? '').toLowerCase();
    if (failure.status === STATUS.ekycFailed || failure.responseTypeId === STATUS.ekycFailed) {
      // Both outcomes share status 2135; only data.description tells them apart.
      if (reason.includes('relationship with the bank')) return new ApiError('ekyc_bank_relationship');
      return new ApiError('ekyc_verification_failed');
    }
    if (failure.status === STATUS.alreadyKyc || failure.responseStatusId === STATUS.alreadyKyc) return new ApiError('ekyc_already_verified');
    if (failure.status === STATUS.notFound || failure.responseStatusId === STATUS.notFound) return new ApiError('sender_not_enrolled');
  }
  return apiErrorFromEko(failure);
}

export interface SenderEkycStarted {
  kycRequestId: string;
  otpRefId: string;
  maskedMobile: string | null;
}

export async function startSenderEkyc(agent: AgentContext, mobile: string, input: { aadhaar: string; piddata: string }): Promise<SenderEkycStarted> {
  const aadhaar = openSealedAadhaar(input.aadhaar, { agent, purpose: 'sender_ekyc', mobile });
  const result = await callEkoAs(
    agent,
    ekoEndpoints.senderEkyc,
    // DMT-Fino takes the plain number over TLS; the PID goes on unchanged, once.
    { path: { customerId: mobile }, body: { aadhar: aadhaar, piddata: input.piddata } },
    { senderMobile: mobile, aadhaar, describe: () => 'otp_sent' },
  );
  if (!result.ok) throw ekycError(result.failure);
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
  const f = result.failure;
  if (f.kind === 'business' && (f.status === STATUS.otpFailed || f.responseTypeId === STATUS.otpFailed)) {
    if (f.responseStatusId === 302) throw new ApiError('otp_wrong');
    if (f.responseStatusId === 303) throw new ApiError('otp_expired');
    if (f.responseStatusId === 1) throw new ApiError('ekyc_already_verified');
  }
  if (f.kind === 'business' && f.invalidParams?.otp_ref_id) throw new ApiError('otp_expired');
  throw ekycError(f);
}
