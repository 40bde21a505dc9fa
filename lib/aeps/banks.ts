// Banks an agent can choose for AePS-Fingpay eKYC and daily authentication (Eko bank_code).
// Eko's Get Banks endpoint (GET /tools/reference/banks) is the full list; these are the common ones.
export const AEPS_BANKS = [
  { code: 'SBIN', name: 'State Bank of India' },
  { code: 'PUNB', name: 'Punjab National Bank' },
  { code: 'BARB', name: 'Bank of Baroda' },
  { code: 'UBIN', name: 'Union Bank of India' },
  { code: 'CNRB', name: 'Canara Bank' },
  { code: 'BKID', name: 'Bank of India' },
  { code: 'IDIB', name: 'Indian Bank' },
  { code: 'CBIN', name: 'Central Bank of India' },
  { code: 'HDFC', name: 'HDFC Bank' },
  { code: 'ICIC', name: 'ICICI Bank' },
  { code: 'UTIB', name: 'Axis Bank' },
  { code: 'KKBK', name: 'Kotak Mahindra Bank' },
  { code: 'FINO', name: 'Fino Payments Bank' },
  { code: 'AIRP', name: 'Airtel Payments Bank' },
  { code: 'IPOS', name: 'India Post Payments Bank' },
] as const;

export const AEPS_BANK_CODES = AEPS_BANKS.map((b) => b.code) as [string, ...string[]];
