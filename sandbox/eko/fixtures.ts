import { verhoeffCheckDigit } from '../../lib/aadhaar/verhoeff';

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
  '9000000009': { kind: 'kyc_verified', name: 'Vikram Singh', dob: '1983-06-14', monthly: 25_000, used: 0 },
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
/**
 * Every user code starting 666 is not activated either: the app gives each agent their own user
 * code, so tests that create a fresh agent per run need a fresh such code each time.
 */
export const isAepsNotActivated = (userCode: unknown) =>
  typeof userCode === 'string' && (userCode === AEPS_NOT_ACTIVATED_USER_CODE || userCode.startsWith('666'));
/** AePS daily authentication: a 1714 "KYC Fail" with a blank reason. */
export const AEPS_DAILY_FAILS_AADHAAR = '999999990042';

// ---- Money movement (recipients.ts, banks.ts, transfer.ts, transactions.ts, aeps-transactions.ts)

/** Senders whose Get Recipients says pan_required 1 (Eko's example value 2 = not required). */
export const PAN_REQUIRED_SENDERS: ReadonlySet<string> = new Set(['9000000009']);

export interface RecipientFixture {
  recipientId: number;
  name: string;
  mobile: string;
  ifsc: string;
  account: string;
  verified: boolean;
}

/** Saved recipients per fixture sender; a sender not listed has none (rt 22). */
export const RECIPIENT_FIXTURES: Record<string, readonly RecipientFixture[]> = {
  '9000000001': [
    { recipientId: 10010001, name: 'Ravi Verma', mobile: '9811100001', ifsc: 'SBIN0000691', account: '30001234567', verified: true },
    { recipientId: 10010002, name: 'Meena Kumari', mobile: '9811100002', ifsc: 'HDFC0000240', account: '50100123456789', verified: false },
  ],
  '9000000002': [{ recipientId: 10020001, name: 'Suresh Kumar', mobile: '9811100003', ifsc: 'PUNB0112000', account: '1120001700012345', verified: false }],
  '9000000007': [{ recipientId: 10070001, name: 'Anand Narayanan', mobile: '9811100007', ifsc: 'IOBA0002248', account: '224801000012345', verified: true }],
  '9000000009': [{ recipientId: 10090001, name: 'Kavita Singh', mobile: '9811100009', ifsc: 'ICIC0000104', account: '010401512345', verified: true }],
};
/** Recipients added through the API are numbered from here. */
export const FIRST_NEW_RECIPIENT_ID = 10500001;

/** Agent wallet (E-value) per user_code, in rupees; any other agent starts with DEFAULT_WALLET. */
export const DEFAULT_WALLET = 50_000;
export const WALLET_FIXTURES: Record<string, number> = {
  '20810555': 500, // a nearly empty wallet: transfers above ₹490 are "Insufficient balance"
};

/** Transaction OTPs (DMT transfer and refund): SANDBOX_OTP is right, OTP_EXPIRED is expired. */
export const TXN_OTP_TTL_MS = 10 * 60 * 1000;
export const TXN_OTP_MAX_WRONG = 3;

/** DMT transfer limits of the sandbox (Eko help page: ₹5,000 per transfer). */
export const TRANSFER_MIN = 100;
export const TRANSFER_MAX = 5_000;

export type TransferScript =
  | { kind: 'awaited'; first: '2' | '5' | '6' | '9'; then: readonly string[] }
  | { kind: 'hang_after_success' }
  | { kind: 'bad_gateway_after_success' }
  | { kind: 'hang_unrecorded' }
  | { kind: 'decline'; reason: 'limit' | 'balance' | 'bank_down' }
  | { kind: 'otp_refused'; status: 36 | 945 }
  | { kind: 'refund_hangs' };

/**
 * Transfer outcomes by amount (whole rupees an agent can type). `then` lists the tx_status each
 * successive inquiry moves the transaction to; after the list the status stays put.
 */
export const TRANSFER_FIXTURES: Record<number, TransferScript> = {
  1111: { kind: 'awaited', first: '2', then: ['2', '0'] },
  1112: { kind: 'awaited', first: '2', then: ['2', '3'] },
  1113: { kind: 'awaited', first: '2', then: ['2', '1'] },
  1115: { kind: 'awaited', first: '5', then: ['5', '0'] },
  1116: { kind: 'awaited', first: '6', then: ['6', '0'] },
  1117: { kind: 'refund_hangs' },
  1119: { kind: 'awaited', first: '9', then: [] },
  1221: { kind: 'hang_after_success' },
  1222: { kind: 'bad_gateway_after_success' },
  1223: { kind: 'hang_unrecorded' },
  1331: { kind: 'decline', reason: 'limit' },
  1332: { kind: 'decline', reason: 'balance' },
  1334: { kind: 'decline', reason: 'bank_down' },
  1441: { kind: 'otp_refused', status: 36 },
  1442: { kind: 'otp_refused', status: 945 },
};

/** A Verhoeff-valid 12-digit Aadhaar from its first eleven digits. */
const aadhaar = (eleven: string) => eleven + verhoeffCheckDigit(eleven);

/** AePS customer fixtures by the customer's Aadhaar. Any other valid Aadhaar is a healthy account. */
export const AEPS_CUSTOMER_FIXTURES = {
  biometricMismatch: aadhaar('99999999101'),
  notLinkedToBank: aadhaar('99999999102'),
  /** Balance ₹40.00: any withdrawal is "Insufficient funds". */
  lowBalance: aadhaar('99999999103'),
  bankDown: aadhaar('99999999104'),
} as const;
export const AEPS_OPENING_BALANCE = 12_500;
export const AEPS_LOW_BALANCE = 40;

/** `then`: the tx_status each successive inquiry moves a pending withdrawal to. */
export type AepsScript = { kind: 'pending'; then: readonly string[] } | { kind: 'hang_after_success' };

/** Cash withdrawal outcomes by amount (multiples of ₹50, ₹100–₹10,000). */
export const AEPS_WITHDRAWAL_FIXTURES: Record<number, AepsScript> = {
  1050: { kind: 'pending', then: ['2', '0'] },
  1150: { kind: 'pending', then: ['2', '1'] },
  1250: { kind: 'hang_after_success' },
};
export const AEPS_WITHDRAWAL_MIN = 100;
export const AEPS_WITHDRAWAL_MAX = 10_000;
