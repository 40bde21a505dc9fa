import 'server-only';
import { createHmac } from 'node:crypto';

// docs/eko-api.md §4. The HMAC key is the base64 *string* of the access key, used as its ASCII
// bytes; decoding it back to bytes is the classic 403.
function hmacWithEncodedKey(accessKey: string, message: string): string {
  const key = Buffer.from(accessKey, 'utf8').toString('base64');
  return createHmac('sha256', key).update(message).digest('base64');
}

/** `secret-key` for one request, over the exact 13-digit millisecond timestamp sent with it. */
export function signSecretKey(accessKey: string, timestamp: string): string {
  return hmacWithEncodedKey(accessKey, timestamp);
}

/**
 * `request_hash` for financial calls: same key and HMAC, message = ts + the call's fixed fields
 * (AePS: aadhaar + amount + user_code; BBPS: utility_acc_no + amount + user_code).
 */
export function requestHash(accessKey: string, timestamp: string, parts: readonly string[]): string {
  return hmacWithEncodedKey(accessKey, timestamp + parts.join(''));
}

/** A fresh millisecond timestamp; read once per request and used for both headers. */
export function ekoTimestamp(now: number = Date.now()): string {
  const ts = String(Math.trunc(now));
  if (!/^\d{13}$/.test(ts)) throw new Error('Eko timestamps must be 13-digit milliseconds');
  return ts;
}

export function ekoAuthHeaders(credentials: { developerKey: string; accessKey: string }, now: number = Date.now()): Record<string, string> {
  const timestamp = ekoTimestamp(now);
  return {
    developer_key: credentials.developerKey,
    'secret-key': signSecretKey(credentials.accessKey, timestamp),
    'secret-key-timestamp': timestamp,
    'content-type': 'application/json',
    accept: 'application/json',
  };
}
