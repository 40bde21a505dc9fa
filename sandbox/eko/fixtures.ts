// Fixed sender mobiles of the Eko sandbox. The README's fixture table is generated from the
// same facts; keep them in step. Any other valid mobile is "not enrolled" until onboarded.

export type SenderFixture =
  | { kind: 'kyc_verified' | 'not_kyc'; name: string; dob: string; monthly: number; used: number }
  | { kind: 'kyc_pending'; name: string; dob: string }
  | { kind: 'otp_pending'; name: string; dob: string }
  | { kind: 'not_enrolled'; onboardAs: 'kyc_pending' | 'wallet_opened' };

export type FaultFixture = 'timeout' | 'server_error' | 'html' | 'invalid_json' | 'forbidden' | 'slow' | 'no_key';

export const SENDER_FIXTURES: Record<string, SenderFixture> = {
  '9000000001': { kind: 'kyc_verified', name: 'Asha Verma', dob: '1988-04-12', monthly: 25_000, used: 7_500 },
  '9000000002': { kind: 'not_kyc', name: 'Ramesh Kumar', dob: '1979-11-02', monthly: 5_000, used: 1_200 },
  '9000000003': { kind: 'kyc_pending', name: 'Sunita Devi', dob: '1992-01-30' },
  '9000000004': { kind: 'otp_pending', name: 'Mohammed Irfan', dob: '1985-07-19' },
  '9000000005': { kind: 'not_enrolled', onboardAs: 'kyc_pending' },
  '9000000006': { kind: 'not_enrolled', onboardAs: 'wallet_opened' },
  '9000000007': { kind: 'kyc_verified', name: 'Lakshmi Narayanan', dob: '1970-03-08', monthly: 25_000, used: 25_000 },
  '9000000008': { kind: 'not_kyc', name: 'Pooja Yadav', dob: '2001-09-25', monthly: 5_000, used: 0 },
};

export const FAULT_FIXTURES: Record<string, FaultFixture> = {
  '9000000090': 'timeout', // never answers (until the client gives up)
  '9000000091': 'server_error', // HTTP 502 from a gateway
  '9000000092': 'html', // HTTP 200 with an HTML error page
  '9000000093': 'invalid_json', // HTTP 200, body is truncated JSON
  '9000000094': 'forbidden', // HTTP 403, as for a bad signature or a non-allowlisted IP
  '9000000095': 'slow', // answers correctly after 2 s
  '9000000096': 'no_key', // {"message":"No key for Response"} with no status
};

export const SLOW_MS = 2_000;

/** Aadhaar fixtures (all pass the Verhoeff check). Any other valid number succeeds. */
export const AADHAAR_FIXTURES = {
  /** UIDAI test UID: eKYC succeeds. */
  success: '999999990019',
  /** Sender eKYC: "Sorry! Since you already have an existing relationship with the bank". */
  bankRelationship: '999999990026',
  /** Sender eKYC: "K-100 EKYC Verification failed". */
  verificationFailed: '999999990035',
} as const;

/** The OTP the sandbox "sends"; OTP_EXPIRED answers 303, anything else 302. */
export const SANDBOX_OTP = '123456';
export const OTP_EXPIRED = '000000';

/** AePS: an agent whose Fingpay service is not activated (346 on every AePS call). */
export const AEPS_NOT_ACTIVATED_USER_CODE = '20810666';
/** AePS daily authentication: a 1714 "KYC Fail" with a blank reason. */
export const AEPS_DAILY_FAILS_AADHAAR = '999999990042';
