// How an Aadhaar number is shown: only its last four digits (Aadhaar Act s.29(4)). Apart from the
// Verhoeff check so that a page showing a stored transaction does not carry the check's tables.

/** Aadhaar on screen after entry, or from the last four digits a transaction keeps: XXXX XXXX 1234. */
export function maskAadhaar(value: string): string {
  const digits = value.replace(/\D/g, '');
  return `XXXX XXXX ${digits.slice(-4).padStart(4, 'X')}`;
}

/** A stored transaction's customer Aadhaar, masked; null when it kept none (not an AePS one). */
export const maskedAadhaarOf = (last4: string | null | undefined): string | null => (last4 ? maskAadhaar(last4) : null);
