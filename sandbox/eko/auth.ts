import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

// Checks a request the way Eko UAT does (docs/eko-api.md §3–§4). Written independently of
// lib/eko/sign.ts on purpose: the sandbox is the app's second opinion on the signature.

export const MAX_SKEW_MS = 5 * 60 * 1000;

export interface SandboxCredentials {
  developerKey: string;
  accessKey: string;
  initiatorId: string;
}

function expectedSecret(accessKey: string, timestamp: string): string {
  const key = Buffer.from(accessKey).toString('base64');
  return createHmac('sha256', key).update(timestamp, 'utf8').digest('base64');
}

/** Returns why the request is refused (HTTP 403), or null when it is signed correctly. */
export function authProblem(headers: IncomingHttpHeaders, creds: SandboxCredentials, now = Date.now()): string | null {
  const developerKey = headers['developer_key'];
  if (typeof developerKey !== 'string') {
    return headers['developer-key'] || headers['x-developer-key'] ? 'header must be named developer_key' : 'missing developer_key';
  }
  if (developerKey !== creds.developerKey) return 'unknown developer_key';
  const timestamp = headers['secret-key-timestamp'];
  if (typeof timestamp !== 'string') return 'missing secret-key-timestamp';
  if (!/^\d{13}$/.test(timestamp)) return 'secret-key-timestamp must be 13-digit milliseconds';
  if (Math.abs(now - Number(timestamp)) > MAX_SKEW_MS) return 'stale secret-key-timestamp';
  const secret = headers['secret-key'];
  if (typeof secret !== 'string') return headers['secret_key'] ? 'header must be named secret-key' : 'missing secret-key';
  const expected = Buffer.from(expectedSecret(creds.accessKey, timestamp));
  const given = Buffer.from(secret);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad secret-key signature';
  return null;
}
