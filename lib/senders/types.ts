// Domain types shared by route handlers and the browser. UI code never sees raw Eko fields.

export type SenderState = 'kyc_verified' | 'not_kyc' | 'kyc_pending' | 'not_enrolled';

/** For a KYC-pending sender: which eKYC step Eko is waiting for. */
export type PendingStep = 'ekyc' | 'otp';

export interface SenderLimits {
  monthly: number;
  used: number;
  available: number;
  /** What the monthly limit becomes (or already is) after Aadhaar eKYC. */
  monthlyAfterEkyc: number;
}

export interface Sender {
  mobile: string;
  state: SenderState;
  name: string | null;
  limits: SenderLimits | null;
  pendingStep: PendingStep | null;
}

/** Sender eKYC accepted the fingerprint: UIDAI texted the sender an OTP for these references. */
export interface SenderEkycStarted {
  kycRequestId: string;
  otpRefId: string;
  /** Only the seed shape carries the masked mobile the OTP went to. */
  maskedMobile: string | null;
}

/** How an onboarding request ended; every outcome is followed by a fresh lookup. */
export type OnboardingOutcome = 'ekyc_required' | 'wallet_opened' | 'already_enrolled' | 'already_kyc';

/** docs/eko-api.md §7: a successful eKYC raises the monthly limit from ₹5,000 to ₹25,000. */
export const NON_KYC_MONTHLY_LIMIT = 5_000;
export const EKYC_MONTHLY_LIMIT = 25_000;
