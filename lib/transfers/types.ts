// Money movement as the browser and the route handlers see it: domain types, never Eko's fields.
// Amounts are integers: paise in the database and in these types (`…Paise`), whole rupees only on
// the wire to Eko (lib/eko) and in the forms the agent types into.

/** A DMT-Fino recipient of one sender (Get Recipients). */
export interface Recipient {
  id: string;
  name: string;
  mobile: string | null;
  bank: string;
  ifsc: string;
  /** Only the last four digits: XXXXXX1234. The full number is never sent back to the browser. */
  accountMasked: string;
  verified: boolean;
}

export interface RecipientList {
  recipients: Recipient[];
  /**
   * Eko wants the sender's PAN before more money moves: no transfer above
   * `limitBeforePanPaise` (0 when PAN is already required) until the sender's PAN is with Eko.
   */
  panRequired: boolean;
  limitBeforePanPaise: number | null;
}

/** Add Recipient's outcome: a new recipient, or the one already registered with that account. */
export type AddRecipientOutcome = { kind: 'added'; recipient: Recipient } | { kind: 'exists'; recipient: Recipient | null };

/** IFSC look-up, as the agent types it. */
export interface IfscDetails {
  ifsc: string;
  bank: string;
  branch: string | null;
}

export interface Bank {
  /** Eko's bank code (SBIN, HDFC, …): what AePS calls send. */
  code: string;
  name: string;
}

/** What the fee rule says before Eko answers (TRANSFER_FEE_* in configuration). */
export interface FeeEstimate {
  amountPaise: number;
  feePaise: number;
  /** What the agent collects from the customer: amount + fee. */
  totalPaise: number;
}

/** The transfer OTP went to the sender's mobile. */
export interface TransferOtpSent {
  otpRefId: string;
  /** When it was sent (server time, ISO): "send a new OTP" is offered a minute later. */
  sentAt: string;
}

export const TRANSACTION_KINDS = ['dmt_transfer', 'dmt_refund', 'aeps_withdrawal', 'aeps_balance', 'aeps_statement'] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

/**
 * sending: recorded, Eko called, no answer yet (a crash here is looked up by client_ref_id).
 * success / failed / declined / refunded: final. declined: refused at once, no money moved.
 * unknown: no readable answer (timeout, 5xx, unreadable) or not found: the inquiry decides.
 * awaited / hold: Eko says it is in progress. refund_pending: failed, money held for a refund.
 */
export const TRANSACTION_STATES = ['sending', 'success', 'declined', 'failed', 'unknown', 'awaited', 'hold', 'refund_pending', 'refunded'] as const;
export type TransactionState = (typeof TRANSACTION_STATES)[number];

/** States in which the agent must not pay again: the outcome is not known yet. */
export const PENDING_STATES: readonly TransactionState[] = ['sending', 'unknown', 'awaited', 'hold'];

/** Whether the outcome is still open (a state in PENDING_STATES). */
/** While a transaction is pending its screens ask the server again this often; the server's reconciler does the asking of Eko. */
export const PENDING_REFRESH_MS = 10_000;

export const isPending = (tx: { state: TransactionState }) => PENDING_STATES.includes(tx.state);

/** Whether Eko lets this sender send anything until their PAN is with Eko. */
export const panBlocksAll = (list: Pick<RecipientList, 'panRequired' | 'limitBeforePanPaise'>) => list.panRequired && (list.limitBeforePanPaise ?? 0) <= 0;
export const FINAL_STATES: readonly TransactionState[] = ['success', 'declined', 'failed', 'refunded'];

/** Why a transfer was declined, for the agent's next step (Eko's own words are kept beside it). */
export type DeclineReason =
  | 'wrong_otp'
  | 'otp_consumed'
  | 'otp_expired'
  | 'otp_attempts_exhausted'
  | 'insufficient_balance'
  | 'limit_exhausted'
  | 'bank_unavailable'
  // AePS (the customer's bank answered through Fingpay):
  | 'biometric_mismatch'
  | 'aadhaar_not_linked'
  | 'insufficient_funds'
  | 'invalid_biometric'
  | 'two_fa_required'
  /** A balance enquiry or mini statement that got no answer (nothing moves in either). */
  | 'no_answer'
  /** Unknown for over a day and still not found at Eko: closed by an admin (lib/transfers/admin.ts). */
  | 'not_at_eko'
  | 'other';

/** One transaction as the agent's screens and the receipt show it. */
export interface TransactionView {
  id: string;
  kind: TransactionKind;
  /** Our reference, sent to Eko as client_ref_id: the receipt number. */
  clientRefId: string;
  state: TransactionState;
  createdAt: string;
  updatedAt: string;
  finalAt: string | null;
  agent: { id: string; name: string; shopName: string | null; shopAddress: string | null };
  senderMobile: string;
  senderName: string | null;
  recipient: { id: string; name: string; bank: string; ifsc: string; accountMasked: string } | null;
  /**
   * An AePS transaction's customer: their bank, the last four digits of their Aadhaar and, for a
   * withdrawal Eko answered as paid, the bank balance after as Eko reported it (never an enquiry's).
   */
  aepsCustomer: { bank: string; aadhaarLast4: string | null; balanceAfterPaise: number | null } | null;
  amountPaise: number;
  feeEstimatePaise: number | null;
  /** What Eko returned; null until it did. */
  feePaise: number | null;
  collectablePaise: number | null;
  /** The agent's Eko wallet after this transfer, as Eko reported it. */
  walletBalancePaise: number | null;
  feeMismatch: boolean;
  ekoTid: string | null;
  bankRef: string | null;
  declineReason: DeclineReason | null;
  /** Eko's reason, word for word (scrubbed of long digit runs). */
  ekoReason: string | null;
  /** For a refund row: the transfer it refunds; for a transfer: its refund, if any. */
  refundOf: string | null;
  /** Eko's refund_tid and refunded_amount (amount + fee): on a refund row and on the transfer it refunded. */
  refundTid: string | null;
  refundedPaise: number | null;
  refund: { id: string; state: TransactionState; refundTid: string | null; refundedPaise: number | null } | null;
  /** When the receipt was first printed or shared: a later one is a reprint. */
  receiptFirstIssuedAt: string | null;
}

/**
 * The admin's money dashboard over the last `days` India calendar days (adminTransactionsSummary),
 * all agents. Amounts in paise; days as YYYY-MM-DD.
 */
export interface TransactionsSummary {
  /** Days with at least one DMT transfer: how many were started, and the value of those that succeeded. */
  perDay: { day: string; count: number; valuePaise: number }[];
  /** Transactions of the period in each state (states with none may be left out). */
  byState: Partial<Record<TransactionState, number>>;
  /** Failed and declined transfers by state and reason, most frequent first. */
  failureReasons: { state: TransactionState; reason: DeclineReason | null; count: number }[];
  /** Transfers whose fee from Eko differs from the estimate (feeMismatch), newest first. */
  feeMismatches: TransactionView[];
  /** AePS per day: withdrawals (count, value of those paid out) and enquiries (balance, statement). */
  aepsPerDay: { day: string; withdrawals: number; withdrawnPaise: number; enquiries: number }[];
  /** AePS refusals by the customer's bank and reason, most frequent first. */
  aepsFailuresByBank: { bank: string; reason: DeclineReason | null; count: number }[];
  /** Every transfer still pending (PENDING_STATES), oldest first, whatever its day: what to chase. */
  /** closable: unknown for over a day with no Eko tid, so an admin may close it as not at Eko. */
  awaitedQueue: (TransactionView & { ageSeconds: number; closable: boolean })[];
}
