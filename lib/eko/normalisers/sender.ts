import 'server-only';
import { EKYC_MONTHLY_LIMIT, type OnboardingOutcome, type Sender, type SenderLimits } from '@/lib/senders/types';
import { EKO_RESPONSE_TYPE, EKO_STATUS } from '../codes';
import { type EkoEnvelope, isRecord, toNumber, toText } from '../envelope';

// Get Sender / Onboard Sender: both the seed-page shapes and the current reference shapes
// (docs/eko-api.md §7 and §11) become one domain type.

const RT = EKO_RESPONSE_TYPE;

/** docs/eko-api.md §11 rule 3: not enrolled is rt 308, or status / response status 463. */
export function isNotEnrolled(env: EkoEnvelope): boolean {
  return env.responseTypeId === RT.senderNotEnrolled || env.status === EKO_STATUS.notFound || env.responseStatusId === EKO_STATUS.notFound;
}

function limits(monthly: number | null, available: number | null, used: number | null, kycDone: boolean): SenderLimits | null {
  if (monthly === null && available === null) return null;
  const resolvedAvailable = available ?? (monthly !== null && used !== null ? Math.max(monthly - used, 0) : null);
  const resolvedMonthly = monthly ?? (resolvedAvailable !== null && used !== null ? resolvedAvailable + used : null);
  if (resolvedAvailable === null || resolvedMonthly === null) return null;
  return {
    monthly: resolvedMonthly,
    available: resolvedAvailable,
    used: used ?? Math.max(resolvedMonthly - resolvedAvailable, 0),
    monthlyAfterEkyc: kycDone ? resolvedMonthly : Math.max(EKYC_MONTHLY_LIMIT, resolvedMonthly),
  };
}

function usedFromChart(chart: unknown): number | null {
  if (!Array.isArray(chart)) return null;
  for (const entry of chart) {
    if (isRecord(entry) && isRecord(entry.data)) {
      const used = toNumber(entry.data.used);
      if (used !== null) return used;
    }
  }
  return null;
}

function fromCurrentProfile(data: Record<string, unknown>, profile: Record<string, unknown>, mobile: string): Sender {
  const kycDone = toNumber(profile.kyc_state ?? data.kyc_state) === 1;
  return {
    mobile: toText(profile.mobile) ?? mobile,
    state: kycDone ? 'kyc_verified' : 'not_kyc',
    name: toText(profile.name),
    limits: limits(
      toNumber(profile.total_monthly_limit),
      toNumber(data.next_allowed_limit ?? profile.next_allowed_limit),
      usedFromChart(profile.chart),
      kycDone,
    ),
    pendingStep: null,
  };
}

// Seed shape: state 0 = active, 10 = pending verification. The doc's map folds every
// `kyc_verified:false` into "pending"; we keep an active-but-unverified sender as not KYC, which
// is what the same sender looks like in the current shape (kyc_state 0, ₹5,000 limit).
function fromSeedData(data: Record<string, unknown>, mobile: string): Sender {
  const kycDone = data.kyc_verified === true || data.kyc_verified === 'true';
  const pending = toNumber(data.state) === 10;
  return {
    mobile: toText(data.customer_id) ?? mobile,
    state: kycDone ? 'kyc_verified' : pending ? 'kyc_pending' : 'not_kyc',
    name: toText(data.name),
    limits: pending && !kycDone ? null : limits(toNumber(data.monthly_limit), toNumber(data.available_limit), toNumber(data.used_limit), kycDone),
    pendingStep: pending && !kycDone ? 'ekyc' : null,
  };
}

const pendingSender = (mobile: string, step: 'ekyc' | 'otp'): Sender => ({
  mobile,
  state: 'kyc_pending',
  name: null,
  limits: null,
  pendingStep: step,
});

/** Get Sender. Returns null when the envelope is not a lookup answer (the caller makes it a typed error). */
export function normaliseGetSender(env: EkoEnvelope, mobile: string): Sender | null {
  if (isNotEnrolled(env)) return { mobile, state: 'not_enrolled', name: null, limits: null, pendingStep: null };
  if (env.status !== 0) return null;
  switch (env.responseTypeId) {
    case RT.senderKycPending:
      return pendingSender(mobile, 'ekyc');
    case RT.senderOtpPending:
      return pendingSender(mobile, 'otp');
  }
  if (isRecord(env.data.customer_profile)) return fromCurrentProfile(env.data, env.data.customer_profile, mobile);
  if ('kyc_verified' in env.data || 'available_limit' in env.data || 'monthly_limit' in env.data) {
    return fromSeedData(env.data, mobile);
  }
  return null;
}

/** Onboard Sender. Null means a failure the caller turns into a typed error. */
export function normaliseOnboardSender(env: EkoEnvelope): OnboardingOutcome | null {
  // Business statuses that mean "nothing to do, look the sender up again" (error-codes.mdx).
  if (env.status === EKO_STATUS.walletExists || env.responseStatusId === EKO_STATUS.walletExists) return 'already_enrolled';
  if (env.status === EKO_STATUS.alreadyKyc || env.responseStatusId === EKO_STATUS.alreadyKyc) return 'already_kyc';
  if (env.status !== EKO_STATUS.success) return null;
  switch (env.responseTypeId) {
    case RT.senderKycPending:
      return 'ekyc_required';
    case RT.senderWalletOpened:
    case RT.seedSuccess:
      return 'wallet_opened';
    case RT.senderFound:
      return 'already_kyc';
    default:
      return null;
  }
}
