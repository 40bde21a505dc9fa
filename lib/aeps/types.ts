// AePS-Fingpay transactions for a customer at the counter, as the browser and the route handlers
// see them. Amounts are integer paise. The customer's balance and statement lines are shown at
// the time and never stored (only a withdrawal's balance after is kept, for its receipt).

import type { TransactionView } from '@/lib/transfers/types';

/** The three counter transactions, as their pages (/aeps/…) and API paths name them. */
export const AEPS_FLOWS = ['balance', 'statement', 'withdrawal'] as const;
export type AepsFlow = (typeof AEPS_FLOWS)[number];

/**
 * Where the daily authentication is done, coming back to this transaction afterwards. `again`:
 * Eko asked for it (1467) although this app has today's recorded, so it is offered anyway.
 */
export const dailyAuthPath = (flow: AepsFlow, { again = false } = {}) => `/aeps?next=${encodeURIComponent(`/aeps/${flow}`)}${again ? '&again=1' : ''}`;

export const AEPS_TRANSACTION_KINDS = ['aeps_withdrawal', 'aeps_balance', 'aeps_statement'] as const;
export type AepsTransactionKind = (typeof AEPS_TRANSACTION_KINDS)[number];

/** One mini-statement line, as the customer's bank reported it. */
export interface StatementLine {
  /** The bank's own date text (e.g. "28/11"): printed as given. */
  date: string;
  narration: string;
  direction: 'debit' | 'credit';
  amountPaise: number;
}

/** A balance enquiry's or mini statement's answer: the row, plus what is shown once. */
export interface AepsEnquiryResult {
  transaction: TransactionView;
  /** The customer's bank balance, when the bank gave one. */
  balancePaise: number | null;
  /** Mini statement only. */
  lines: StatementLine[] | null;
}
