import type { MessageKey } from '@/lib/i18n/core';
import { RdError, type RdErrorCode } from './types';

/** A message of our own table, with its values. */
export interface RdMessage {
  key: MessageKey;
  vars?: Record<string, string>;
}

/** The message for an RD errCode (what the RD service put in PidData's Resp). */
function deviceMessage(code: string): RdMessage {
  if (code === '700' || code === '730' || code === '740') return { key: `rd.error.${code}` };
  if (code === '710') return { key: 'rd.error.in_use' };
  if (code === '720') return { key: 'rd.error.not_ready' };
  const n = Number(code);
  if (n >= 100 && n <= 210) return { key: 'rd.error.options', vars: { code } };
  return { key: 'rd.error.device', vars: { code } };
}

/** The plain-words message for a failed capture or discovery, with its values. */
export function rdErrorMessage(error: unknown): RdMessage {
  if (!(error instanceof RdError)) return { key: 'rd.error.bad_reply' };
  if (error.code !== 'device') return { key: `rd.error.${error.code}` };
  return deviceMessage(error.errCode ?? '');
}

/** The codes the device-error telemetry records that are ours, not an RD errCode: every RdError code but 'device', and the quality gate's refusal. */
export const OWN_TELEMETRY_CODES = [
  'lna_denied',
  'not_found',
  'not_ready',
  'in_use',
  'busy',
  'no_response',
  'bad_reply',
  'no_rd_app',
  'cancelled',
  'poor_quality',
] as const satisfies readonly (Exclude<RdErrorCode, 'device'> | 'poor_quality')[];
export type OwnTelemetryCode = (typeof OWN_TELEMETRY_CODES)[number];
// A new RdError code without a place here fails the type check (the telemetry would refuse it).
const everyRdCodeReported: Exclude<RdErrorCode, 'device' | OwnTelemetryCode> extends never ? true : false = true;
void everyRdCodeReported;

/**
 * An RD errCode as RD services send it: a number (some vendors' are negative), at most 5 digits.
 * Never 6 or more: runs that long are what Aadhaar numbers, VIDs and mobiles are made of.
 */
export const RD_ERRCODE = /^-?\d{1,5}$/;

export const isTelemetryCode = (code: string) => RD_ERRCODE.test(code) || (OWN_TELEMETRY_CODES as readonly string[]).includes(code);

/** What the telemetry endpoint records: the RD errCode, or our own code. Never PID. */
export const telemetryCode = (error: RdError): string => (error.code === 'device' && error.errCode ? error.errCode : error.code);

/** The message of our table for a recorded telemetry code: what the agent was shown. */
export function telemetryMessage(code: string): RdMessage {
  if (code === 'poor_quality') return { key: 'rd.error.poor_quality' };
  if ((OWN_TELEMETRY_CODES as readonly string[]).includes(code)) return { key: `rd.error.${code as Exclude<OwnTelemetryCode, 'poor_quality'>}` };
  return deviceMessage(code);
}
