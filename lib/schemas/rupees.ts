// Amount rules without zod, for what a page shows while the agent types (the fee beside the
// amount) before any form is submitted; the schemas in common.ts and transfer.ts are built on
// them, so the live figures and the submit's check agree.

/** Whole rupees per transfer: Eko's DMT-Fino limits. */
export const TRANSFER_MIN_RUPEES = 100;
export const TRANSFER_MAX_RUPEES = 5_000;

/**
 * Whole rupees as typed (a digit string from a form, a number from JSON) → a number for the
 * checks that follow; blank is "missing" (undefined) and anything else (paise, exponents) NaN.
 */
export function typedRupeesValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : /^\d{1,7}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** What amountRupeesSchema says of `typed` (its message's catalogue key), or null when it takes it. */
export function transferRupeesProblem(typed: string): 'validation.required' | 'validation.amount' | 'validation.amount.min' | 'validation.amount.max' | null {
  const value = typedRupeesValue(typed);
  if (value === undefined) return 'validation.required';
  if (typeof value !== 'number' || !Number.isInteger(value)) return 'validation.amount';
  if (value < TRANSFER_MIN_RUPEES) return 'validation.amount.min';
  if (value > TRANSFER_MAX_RUPEES) return 'validation.amount.max';
  return null;
}

/** The transfer amount in `typed` as amountRupeesSchema would take it, or null. */
export function parseTransferRupees(typed: string): number | null {
  return transferRupeesProblem(typed) === null ? (typedRupeesValue(typed) as number) : null;
}
