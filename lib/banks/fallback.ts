import type { Bank } from '@/lib/transfers/types';

// The banks shown when Eko's list (GET /tools/reference/banks, lib/banks/list.ts) cannot be read
// and none is cached: the common ones, by Eko bank_code. Also what a form shows while the list loads.
export const FALLBACK_BANKS: readonly Bank[] = [
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
];

/** Eko's bank codes: letters and digits (SBIN, AIRP, …). Which codes exist is the list's to say. */
export const BANK_CODE_PATTERN = /^[A-Z0-9]{2,12}$/;
