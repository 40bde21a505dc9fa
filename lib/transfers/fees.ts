import type { FeeEstimate } from './types';

// The fee the agent tells the customer before Eko answers: pure, so the send page and the route
// handler compute the same figure. Eko's own fee (on the receipt) is what is charged; a
// difference is flagged to the admin.

/** The configured rule (TRANSFER_FEE_* in configuration; Eko's DMT pricing: 1 %, at least ₹10). */
export interface FeeRule {
  /** Percent of the amount, e.g. 1 for 1 %. */
  percent: number;
  minimumPaise: number;
  /** The largest single transfer (₹5,000). */
  maxTransferPaise: number;
  /**
   * Rounded up, so the agent never collects too little: to the paisa (the default: 1 % of whole
   * rupees is exact, as Eko's own fee is) or to the rupee (TRANSFER_FEE_ROUNDING=rupee, for
   * counters that take no coins; the receipt then differs from Eko's fee and says so).
   */
  rounding: 'up_to_paisa' | 'up_to_rupee';
}

export function estimateFee(amountPaise: number, rule: FeeRule): FeeEstimate {
  if (!Number.isSafeInteger(amountPaise) || amountPaise < 0) throw new RangeError('amountPaise must be a whole number of paise');
  // Six decimals absorb binary noise (1.1 % of 100 paise is 110.00000000000001), never a real paisa.
  const percentOf = Number(((amountPaise * rule.percent) / 100).toFixed(6));
  const fee = Math.max(percentOf, rule.minimumPaise);
  const feePaise = rule.rounding === 'up_to_rupee' ? Math.ceil(fee / 100) * 100 : Math.ceil(fee);
  return { amountPaise, feePaise, totalPaise: amountPaise + feePaise };
}
