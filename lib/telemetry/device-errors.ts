import 'server-only';
import { getDb } from '@/lib/db/client';
import { recordDeviceError } from '@/lib/db/queries/metrics';
import { telemetryMessage } from '@/lib/rd/messages';

// What one device-error report may leave in the database. The browser sends it, so nothing in it
// is trusted: an RD service's errInfo is vendor free text (and a careless or hostile client can
// put an Aadhaar number anywhere). UIDAI's rules forbid keeping an Aadhaar number outside its
// vault and ASVS V8.3 asks us not to collect what we do not need, so we keep:
// - the code, checked against our table (an RD errCode of at most 5 digits, or one of our codes);
// - the key of our own message for that code instead of the device's text (the admin view shows
//   what the agent was told, in the admin's language);
// - the stage (lower-case words, checked by the schema);
// - the scanner model (DeviceInfo `mi`, e.g. "MFS110", "MSO 1300 E3"). It tells an admin which
//   models fail and need a driver update or an L1 replacement, and names a product, not a person,
//   so it stays, scrubbed: letters, digits, space and . _ - only, any run of 6 or more digits
//   (even split by spaces, dots, dashes or underscores, as "9999 9999 0019" is) removed, and
//   nothing kept if more than 5 digits remain (no scanner model has that many).
// An agent could still spell a number out in words; the per-agent cap on reports
// (lib/rate-limit/rules.ts) bounds what such an agent can write.

export const MAX_DEVICE_MODEL_LENGTH = 40;

/** Six or more digits in a row, inside a word or not ("A999999990019"). */
const DIGIT_RUN = /\d{6,}/g;
/**
 * Six or more digits split by spaces, dots, dashes or underscores ("9999 9999 0019"), starting
 * where a number starts, so the model before it stays ("MFS110 9999 9999 0019" keeps "MFS110").
 */
const SPLIT_DIGIT_RUN = /(?<![A-Za-z\d])\d(?:[\s._-]*\d){5,}/g;
/** No scanner model has this many digits (MFS110, MSO 1300 E3, FM220U, Hamster Pro 20, NB-3023-U-UID). */
const MAX_MODEL_DIGITS = 5;

export function scrubDeviceModel(raw: string): string | null {
  const kept = raw
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9 ._-]/g, ' ')
    .replace(DIGIT_RUN, ' ')
    .replace(SPLIT_DIGIT_RUN, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_DEVICE_MODEL_LENGTH)
    .trim();
  // Digits hidden between letters ("9999a9999a0019") are no model either: keep nothing.
  if (kept === '' || (kept.match(/\d/g)?.length ?? 0) > MAX_MODEL_DIGITS) return null;
  return kept;
}

export interface DeviceErrorReport {
  errCode: string;
  stage?: string;
  deviceModel?: string;
}

export interface DeviceErrorRecord {
  errCode: string;
  /** The key of our message for the code, never the device's own errInfo. */
  errInfo: string;
  stage: string | null;
  deviceModel: string | null;
}

export function deviceErrorRecord(report: DeviceErrorReport): DeviceErrorRecord {
  return {
    errCode: report.errCode,
    errInfo: telemetryMessage(report.errCode).key,
    stage: report.stage ?? null,
    deviceModel: report.deviceModel === undefined ? null : scrubDeviceModel(report.deviceModel),
  };
}

/** Keeps one report from an agent's browser, reduced to what the rules above allow. */
export async function keepDeviceErrorReport(userId: string, report: DeviceErrorReport): Promise<void> {
  await recordDeviceError(await getDb(), userId, deviceErrorRecord(report));
}
