import type { MessageKey } from '@/lib/i18n/core';
import { RdError } from './types';

/** The plain-words message for a failed capture or discovery, with its values. */
export function rdErrorMessage(error: unknown): { key: MessageKey; vars?: Record<string, string> } {
  if (!(error instanceof RdError)) return { key: 'rd.error.bad_reply' };
  if (error.code !== 'device') return { key: `rd.error.${error.code}` };
  const code = error.errCode ?? '';
  if (code === '700' || code === '730' || code === '740') return { key: `rd.error.${code}` };
  const n = Number(code);
  if (n >= 100 && n <= 210) return { key: 'rd.error.options', vars: { code } };
  return { key: 'rd.error.device', vars: { code } };
}

/** What the telemetry endpoint records: the RD errCode, or our own code. Never PID. */
export const telemetryCode = (error: RdError) => (error.code === 'device' && error.errCode ? error.errCode : error.code);
