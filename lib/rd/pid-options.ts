import { escapeXml } from './xml';

// PidOptions per use (docs/eko-api.md §10, rd-service.md §2.3 and §8). The wadh values are the
// ones Eko specifies; never derive your own.

/** base64(SHA-256("2.5FYNNN")): DMT sender eKYC and AePS one-time eKYC. */
export const EKYC_WADH = 'E0jzJ/P8UopUHAieZn8CKqS4WPMi5ZSYXgfnlfkWjrc=';

export type CapturePurpose =
  /** eKYC: the eKYC wadh. */
  | 'ekyc'
  /** AePS daily authentication: wadh present but blank. */
  | 'daily_auth'
  /** Plain authentication (AePS transactions): no wadh attribute at all. */
  | 'auth';

export interface PidOptionsInput {
  purpose: CapturePurpose;
  /** Capture wait in ms, 10 000–30 000. */
  timeoutMs?: number;
  /** 2 = FMR+FIR (Eko, NPCI); some Android RD apps accept only 0 or 1. */
  fType?: 0 | 1 | 2;
}

export const DEFAULT_CAPTURE_TIMEOUT_MS = 20_000;

export function buildPidOptions({ purpose, timeoutMs = DEFAULT_CAPTURE_TIMEOUT_MS, fType = 2 }: PidOptionsInput): string {
  const timeout = Math.min(30_000, Math.max(10_000, Math.round(timeoutMs)));
  const attrs: [string, string][] = [
    ['fCount', '1'],
    ['fType', String(fType)],
    ['iCount', '0'],
    ['pCount', '0'],
    ['format', '0'],
    ['pidVer', '2.0'],
    ['timeout', String(timeout)],
    ['otp', ''],
    ['posh', 'UNKNOWN'],
    // P in every environment, UAT included: Morpho rejects S/PP and Mantra fails without it.
    ['env', 'P'],
  ];
  if (purpose === 'ekyc') attrs.push(['wadh', EKYC_WADH]);
  if (purpose === 'daily_auth') attrs.push(['wadh', '']);
  const opts = attrs.map(([k, v]) => `${k}="${escapeXml(v)}"`).join(' ');
  return `<PidOptions ver="1.0"><Opts ${opts} /></PidOptions>`;
}

/** The capture timeout a PidOptions document asks for (for the client's own timeout). */
export function captureTimeoutOf(pidOptions: string): number {
  const m = /\btimeout="(\d+)"/.exec(pidOptions);
  return m ? Number(m[1]) : DEFAULT_CAPTURE_TIMEOUT_MS;
}
