import 'server-only';
import type { SenderEkycStarted } from '@/lib/senders/types';
import { EKO_RESPONSE_TYPE } from '../codes';
import { type EkoEnvelope, isStepSuccess, toText } from '../envelope';

// Normalisers for the eKYC and AePS steps (docs/eko-api.md §7, §8 and the §11 map). Each returns
// null for anything but the step's success shape; the client turns that into a typed error.

export function normaliseSenderEkyc(env: EkoEnvelope): SenderEkycStarted | null {
  if (!isStepSuccess(env, [EKO_RESPONSE_TYPE.senderEkycOtpSent])) return null;
  const kycRequestId = toText(env.data.kyc_request_id);
  const otpRefId = toText(env.data.otp_ref_id);
  if (!kycRequestId || !otpRefId) return null;
  return { kycRequestId, otpRefId, maskedMobile: toText(env.data.mobile) };
}

export interface SenderEkycCompleted {
  completed: true;
}

export function normaliseValidateEkycOtp(env: EkoEnvelope): SenderEkycCompleted | null {
  return isStepSuccess(env, [EKO_RESPONSE_TYPE.senderEkycCompleted]) ? { completed: true } : null;
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

export const normaliseAepsSendOtp = (env: EkoEnvelope) => aepsRefs(env, [EKO_RESPONSE_TYPE.aepsOtpSent]);
export const normaliseAepsVerifyOtp = (env: EkoEnvelope) => aepsRefs(env, [EKO_RESPONSE_TYPE.aepsOtpVerified]);

export interface AepsKycDone {
  userCode: string | null;
}

const aepsDone = (env: EkoEnvelope, typeIds: number[]): AepsKycDone | null => (isStepSuccess(env, typeIds) ? { userCode: toText(env.data.user_code) } : null);

export const normaliseAepsBiometricEkyc = (env: EkoEnvelope) => aepsDone(env, [EKO_RESPONSE_TYPE.aepsEkycDone]);
export const normaliseAepsDailyKyc = (env: EkoEnvelope) => aepsDone(env, [EKO_RESPONSE_TYPE.aepsDailyDone]);
