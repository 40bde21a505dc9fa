import { createHash } from 'node:crypto';
import { DEFAULT_WALLET, FIRST_NEW_RECIPIENT_ID, WALLET_FIXTURES } from './fixtures';

// The sandbox's money ledger: recipients, transaction OTPs, transactions, agent wallets and AePS
// customers' bank balances. All of it lives in memory and is rebuilt by /__sandbox/reset.
// Customers' Aadhaar numbers are never kept: bank accounts are keyed by a hash of the number.

export interface RecipientRecord {
  recipientId: number;
  name: string;
  mobile: string;
  ifsc: string;
  account: string;
  bank: string;
  verified: boolean;
}

export interface TxnOtp {
  customerId: string;
  recipientId: number;
  amount: number;
  otp: string;
  issuedAt: number;
  consumed: boolean;
  wrongTries: number;
  /** Set when the OTP ran out (expired, or too many wrong tries); the ref is then useless. */
  dead: null | 'expired' | 'exhausted';
}

export interface RefundOtp {
  tid: string;
  otp: string;
  issuedAt: number;
  consumed: boolean;
}

export type TransactionKind = 'dmt' | 'aeps_cash_withdrawal' | 'aeps_balance_enquiry' | 'aeps_mini_statement';

export interface TransactionRecord {
  tid: string;
  clientRefId: string | null;
  kind: TransactionKind;
  userCode: string;
  /** The sender's (DMT) or customer's (AePS) mobile. */
  customerId: string;
  amount: number;
  fee: number;
  txStatus: string;
  /** The tx_status each further inquiry moves to; empty once final. */
  timeline: string[];
  inquiries: number;
  createdAt: Date;
  bankRefNum: string;
  reason: string;
  dmt?: { recipientId: number; recipientName: string; account: string; ifsc: string; bank: string; senderName: string };
  aeps?: { bankCode: string; maskedAadhaar: string; accountKey: string };
  refund?: { refundTid: string; refundedAmount: number; at: Date };
  /** The refund call is done but never answered (fixture 1117). */
  refundHangs?: boolean;
}

export interface MoneyState {
  recipients: Map<string, RecipientRecord[]>;
  nextRecipientId: number;
  txnOtps: Map<string, TxnOtp>;
  refundOtps: Map<string, RefundOtp>;
  transactions: Map<string, TransactionRecord>;
  /** Every client_ref_id an Initiate Transfer or AePS call has used → its tid, if one was made. */
  clientRefs: Map<string, string | null>;
  wallets: Map<string, number>;
  /** AePS customers' bank balances, keyed by accountKey(). */
  bankBalances: Map<string, number>;
  nextTid: number;
  nextOtpRef: number;
}

/**
 * `numbering`: where tids and OTP references go on after a reset. Eko never hands out one twice, and
 * an app database outlives the sandbox's reset (the end-to-end server's does): a tid or an OTP
 * reference used again would name two transactions there.
 */
export function createMoneyState(numbering?: Pick<MoneyState, 'nextTid' | 'nextOtpRef'>): MoneyState {
  return {
    recipients: new Map(),
    nextRecipientId: FIRST_NEW_RECIPIENT_ID,
    txnOtps: new Map(),
    refundOtps: new Map(),
    transactions: new Map(),
    clientRefs: new Map(),
    wallets: new Map(),
    bankBalances: new Map(),
    nextTid: numbering?.nextTid ?? 3_570_400_001,
    nextOtpRef: numbering?.nextOtpRef ?? 666_900_001,
  };
}

export function walletOf(money: MoneyState, userCode: string): number {
  return money.wallets.get(userCode) ?? WALLET_FIXTURES[userCode] ?? DEFAULT_WALLET;
}

export function moveWallet(money: MoneyState, userCode: string, deltaPaise: number): number {
  const next = Math.round(walletOf(money, userCode) * 100 + deltaPaise) / 100;
  money.wallets.set(userCode, next);
  return next;
}

export const newTid = (money: MoneyState) => String(money.nextTid++);
export const newOtpRef = (money: MoneyState) => String(money.nextOtpRef++);

/** A bank account of an AePS customer: one per Aadhaar and bank, never the Aadhaar itself. */
export const accountKey = (aadhaar: string, bankCode: string) => createHash('sha256').update(`${aadhaar}|${bankCode}`).digest('hex').slice(0, 24);

/** 12 digits, like an IMPS RRN / UTR. */
export const bankRef = (tid: string) => `6${tid.slice(-8).padStart(8, '0')}${String(Number(tid) % 997).padStart(3, '0')}`;

/** Eko's numbers: amounts with two decimals ("100.00"), other figures as Java doubles ("10.0", "1.53"). */
export const rupees2 = (n: number) => n.toFixed(2);
export const javaDouble = (n: number) => (Number.isInteger(n) ? n.toFixed(1) : String(Math.round(n * 100) / 100));

/** "2026-07-25 09:52:57" in India time, as the inquiry answers it. */
export function indiaTimestamp(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Kolkata',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** "01-01-24 00:00:00" (DD-MM-YY HH:MM:SS), as the AePS answers carry it. */
export function aepsTimestamp(d: Date): string {
  const [date, time] = indiaTimestamp(d).split(' ') as [string, string];
  const [y, m, day] = date.split('-') as [string, string, string];
  return `${day}-${m}-${y.slice(2)} ${time}`;
}
