import { parsePidResponse } from './parse';
import { RdError } from './types';

// What a capture means for the flow: success (with the quality gate of Eko's apps: recapture
// below 45, refuse below 25), or an RD error with its errCode.

export const QUALITY_REFUSE_BELOW = 25;
export const QUALITY_RECAPTURE_BELOW = 45;

export type CaptureAssessment =
  { kind: 'good'; pidData: string; quality: number | null } | { kind: 'low_quality'; pidData: string; quality: number } | { kind: 'too_poor'; quality: number };

const ERRCODE_KIND: Record<string, RdError['code']> = { '710': 'in_use', '720': 'not_ready' };

/** Throws RdError for a failed capture; otherwise applies the quality gate. */
export function assessCapture(pidData: string): CaptureAssessment {
  const resp = parsePidResponse(pidData);
  if (!resp) throw new RdError('bad_reply');
  if (resp.errCode !== '0') throw new RdError(ERRCODE_KIND[resp.errCode] ?? 'device', resp.errCode, resp.errInfo);
  const quality = resp.qScores.length > 0 ? Math.min(...resp.qScores) : null;
  if (quality !== null && quality < QUALITY_REFUSE_BELOW) return { kind: 'too_poor', quality };
  if (quality !== null && quality < QUALITY_RECAPTURE_BELOW) return { kind: 'low_quality', pidData, quality };
  return { kind: 'good', pidData, quality };
}
