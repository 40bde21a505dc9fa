import 'server-only';
import { ApiError, type ApiErrorCode } from '@/lib/api/errors';
import type { EkoFailure, EkoResult } from './client';
import { EKO_STATUS } from './codes';

// Eko's failures become the app's errors here, and only here: which status, response type or
// reason text means what, per step (docs/eko-api.md §7–§9). Services call `ekoError(failure, step)`.

/** The calls whose failures have step-specific meanings. */
export type EkoStep =
  | 'lookup'
  | 'onboard'
  | 'senderEkyc'
  | 'senderOtp'
  | 'aepsOtp'
  | 'aepsVerify'
  | 'aepsBiometric'
  | 'aepsDaily'
  | 'aepsTransaction'
  | 'recipients'
  | 'ifsc'
  | 'transferOtp'
  | 'transfer'
  | 'inquiry'
  | 'refundOtp'
  | 'refund';

/** Each endpoint row's action name (lib/eko/endpoints.ts) → the step its failures belong to. */
const STEP_OF_ACTION: Readonly<Record<string, EkoStep>> = {
  'sender.lookup': 'lookup',
  'sender.onboard': 'onboard',
  'sender.ekyc': 'senderEkyc',
  'sender.ekyc_otp': 'senderOtp',
  'aeps.ekyc_send_otp': 'aepsOtp',
  'aeps.ekyc_verify_otp': 'aepsVerify',
  'aeps.ekyc_biometric': 'aepsBiometric',
  'aeps.daily_auth': 'aepsDaily',
  'aeps.withdrawal': 'aepsTransaction',
  'aeps.balance': 'aepsTransaction',
  'aeps.statement': 'aepsTransaction',
  'transfer.recipients': 'recipients',
  'transfer.add_recipient': 'recipients',
  'bank.ifsc': 'ifsc',
  'transfer.otp': 'transferOtp',
  'transfer.initiate': 'transfer',
  'transfer.inquiry': 'inquiry',
  'transfer.refund_otp': 'refundOtp',
  'transfer.refund': 'refund',
};

type Business = Extract<EkoFailure, { kind: 'business' }>;

// Statuses that mean the same at every step and have a better message than "code N".
const COMMON: Partial<Record<number, ApiErrorCode>> = {
  [EKO_STATUS.invalidInitiator]: 'eko_setup',
  [EKO_STATUS.agentNotAllowed]: 'eko_agent_not_allowed',
  [EKO_STATUS.userNotOnboarded]: 'eko_agent_not_allowed',
};

const reasonOf = (f: Business) => (f.reason ?? '').toLowerCase();

function senderEkycError(f: Business): ApiError | null {
  if (f.status === EKO_STATUS.senderEkycFailed || f.responseTypeId === EKO_STATUS.senderEkycFailed) {
    // Both outcomes share status 2135; only data.description tells them apart.
    return new ApiError(reasonOf(f).includes('relationship with the bank') ? 'ekyc_bank_relationship' : 'ekyc_verification_failed');
  }
  if (f.status === EKO_STATUS.alreadyKyc || f.responseStatusId === EKO_STATUS.alreadyKyc) return new ApiError('ekyc_already_verified');
  if (f.status === EKO_STATUS.notFound || f.responseStatusId === EKO_STATUS.notFound) return new ApiError('sender_not_enrolled');
  return null;
}

function senderOtpError(f: Business): ApiError | null {
  if (f.status === EKO_STATUS.senderOtpFailed || f.responseTypeId === EKO_STATUS.senderOtpFailed) {
    if (f.responseStatusId === EKO_STATUS.wrongOtp) return new ApiError('otp_wrong');
    if (f.responseStatusId === EKO_STATUS.otpExpired) return new ApiError('otp_expired');
    // response_status_id 1 under 2131: "Customer Already registred".
    if (f.responseStatusId === 1) return new ApiError('ekyc_already_verified');
  }
  if (f.invalidParams?.otp_ref_id) return new ApiError('otp_expired');
  return senderEkycError(f);
}

function aepsError(f: Business, step: EkoStep): ApiError | null {
  const is = (code: number) => f.status === code || f.responseTypeId === code;
  if (is(EKO_STATUS.agentNotAllowed)) return new ApiError('aeps_not_activated');
  if (f.status === EKO_STATUS.aadhaarUndecryptable || f.invalidParams?.aadhaar) {
    const message = step === 'aepsTransaction' ? 'errors.aeps_customer_aadhaar_rejected' : 'errors.aeps_aadhaar_rejected';
    return new ApiError('invalid_input', { fields: { aadhaar: message } });
  }
  if (is(EKO_STATUS.aepsOtpFailed)) {
    if (step === 'aepsVerify') return new ApiError('aeps_otp_invalid');
    if (reasonOf(f).includes('invalid biometric')) return new ApiError('aeps_biometric_invalid');
    return new ApiError('aeps_ekyc_restart');
  }
  if (is(EKO_STATUS.aepsDailyFailed)) {
    const reason = reasonOf(f);
    if (reason.includes('complete bank ekyc')) return new ApiError('aeps_ekyc_required');
    if (reason.includes('invalid biometric')) return new ApiError('aeps_biometric_invalid');
    return new ApiError('aeps_daily_failed');
  }
  return null;
}

function moneyError(f: Business, step: EkoStep): ApiError | null {
  const is = (code: number) => f.status === code || f.responseStatusId === code || f.responseTypeId === code;
  if (is(EKO_STATUS.notFound) && step !== 'inquiry') return new ApiError('sender_not_enrolled');
  if (step === 'ifsc' && (is(EKO_STATUS.ifscUnknown) || f.invalidParams?.ifsc)) return new ApiError('ifsc_unknown');
  if (step === 'transferOtp' && (is(EKO_STATUS.senderLimitExhausted) || is(EKO_STATUS.limitExhausted))) return new ApiError('transfer_limit_exhausted');
  if (step === 'refundOtp' || step === 'refund') {
    if (is(EKO_STATUS.wrongOtp)) return new ApiError('otp_wrong');
    if (is(EKO_STATUS.otpExpired)) return new ApiError('otp_expired');
    if (f.invalidParams?.tid) return new ApiError('refund_not_allowed');
  }
  return null;
}

function stepError(f: Business, step: EkoStep | undefined): ApiError | null {
  switch (step) {
    case 'recipients':
    case 'ifsc':
    case 'transferOtp':
    case 'transfer':
    case 'inquiry':
    case 'refundOtp':
    case 'refund':
      return moneyError(f, step);
    case 'onboard':
      return !f.invalidParams && f.status === EKO_STATUS.nameLettersOnly
        ? new ApiError('eko_invalid_params', { fields: { name: 'errors.eko_name_letters' } })
        : null;
    case 'senderEkyc':
      return senderEkycError(f);
    case 'senderOtp':
      return senderOtpError(f);
    case 'aepsOtp':
    case 'aepsVerify':
    case 'aepsBiometric':
    case 'aepsDaily':
    case 'aepsTransaction':
      return aepsError(f, step);
    default:
      return null;
  }
}

/** The agent-facing error for a typed Eko failure, with the step's own meanings first. */
export function ekoError(failure: EkoFailure, step?: EkoStep): ApiError {
  if (failure.kind === 'upstream') {
    switch (failure.cause) {
      case 'timeout':
        return new ApiError('upstream_timeout');
      case 'network':
      case 'server_error':
        return new ApiError('upstream_unavailable');
      case 'forbidden':
        return new ApiError('upstream_rejected');
      case 'http_error':
      case 'not_json':
      case 'bad_envelope':
        return new ApiError('upstream_bad_response');
    }
  }
  const specific = stepError(failure, step);
  if (specific) return specific;
  if (failure.invalidParams) return new ApiError('eko_invalid_params', { fields: failure.invalidParams });
  const code = failure.status ?? failure.responseStatusId ?? failure.responseTypeId ?? 0;
  const mapped = COMMON[failure.status ?? -1] ?? COMMON[failure.responseStatusId ?? -1];
  if (mapped) return new ApiError(mapped, { vars: { code } });
  return new ApiError('eko_rejected', { vars: { code, reason: failure.reason ?? '' } });
}

/** The error for a failed call, by the step its endpoint row names: what services throw and audit rows record. */
export function ekoErrorOf(result: Extract<EkoResult<unknown>, { ok: false }>): ApiError {
  return ekoError(result.failure, STEP_OF_ACTION[result.meta.action]);
}
