// The withdrawal amount rule, shared by the form (which gets the rule from the page) and the
// handler (which reads it from configuration: AEPS_WITHDRAWAL_*). Eko's pages say "multiples of
// 50 or 100" and give no range; ₹100 to ₹10,000 in steps of ₹50 is the default, unconfirmed.

export interface WithdrawalRule {
  minRupees: number;
  maxRupees: number;
  stepRupees: number;
}

/** Null when the amount is allowed; otherwise the message key for the amount field. */
export function checkWithdrawalAmount(rupees: number, rule: WithdrawalRule): 'validation.withdrawal.amount' | null {
  const ok = Number.isSafeInteger(rupees) && rupees >= rule.minRupees && rupees <= rule.maxRupees && rupees % rule.stepRupees === 0;
  return ok ? null : 'validation.withdrawal.amount';
}

/** A withdrawal's finger must carry at least this many minutiae (Eko's apps; docs/rd-service.md §2.4): the form and the handler check it. */
export const MIN_WITHDRAWAL_NM_POINTS = 35;
