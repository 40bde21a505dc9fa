import 'server-only';
import { type EkoEnvelope, isStepSuccess, toText } from '../envelope';

// Normalisers for the eKYC and AePS steps (docs/eko-api.md §7, §8 and the §11 map). Each returns
// null for anything but the step's success shape; the client turns that into a typed error.

export interface SenderEkycStarted {
  kycRequestId: string;
  otpRefId: string;
  /** Only the seed shape carries the masked mobile the OTP went to. */
  maskedMobile: string | null;
}

export function normaliseSenderEkyc(env: EkoEnvelope): SenderEkycStarted | null {
  if (!isStepSuccess(env, [2129])) return null;
  const kycRequestId = toText(env.data.kyc_request_id);
  const otpRefId = toText(env.data.otp_ref_id);
  if (!kycRequestId || !otpRefId) return null;
  return { kycRequestId, otpRefId, maskedMobile: toText(env.data.mobile) };
}

export interface SenderEkycCompleted {
  completed: true;
}

export function normaliseValidateEkycOtp(env: EkoEnvelope): SenderEkycCompleted | null {
  return isStepSuccess(env, [2132]) ? { completed: true } : null;
}

export interface AepsOtpRefs {
  otpRefId: string;
  /** Absent in the seed shape. */
  referenceTid: string | null;
  mobileHint: string | null;
}

function aepsRefs(env: EkoEnvelope, typeIds: number[]): AepsOtpRefs | null {
  if (!isStepSuccess(env, typeIds)) return null;
  const otpRefId = toText(env.data.otp_ref_id);
  if (!otpRefId) return null;
  return { otpRefId, referenceTid: toText(env.data.reference_tid), mobileHint: toText(env.data.mobile_hint) };
}

export const normaliseAepsSendOtp = (env: EkoEnvelope) => aepsRefs(env, [1600]);
export const normaliseAepsVerifyOtp = (env: EkoEnvelope) => aepsRefs(env, [1604]);

export interface AepsKycDone {
  userCode: string | null;
}

const aepsDone = (env: EkoEnvelope, typeIds: number[]): AepsKycDone | null =>
  isStepSuccess(env, typeIds) ? { userCode: toText(env.data.user_code) } : null;

export const normaliseAepsBiometricEkyc = (env: EkoEnvelope) => aepsDone(env, [1605]);
export const normaliseAepsDailyKyc = (env: EkoEnvelope) => aepsDone(env, [1713]);
