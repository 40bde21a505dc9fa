import 'server-only';
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { sessionKey } from '@/lib/auth/secrets';
import { SEAL_MAX_AGE_MS } from './seal';

// The nonce the key endpoint hands out with the transport key, and that the browser seals inside
// the Aadhaar plaintext (lib/aadhaar/seal.ts). It carries the server's issuing time, so a seal's
// age is measured on the server clock only (tablet clocks are often wrong), and the agent it was
// issued to. It is not single-use: one AePS eKYC sends one seal to three calls.
//
// Layout (43 bytes, 58 base64url characters):
//   version (1) · issued at, ms since the epoch (6, big-endian) · random (8) ·
//   agent tag = HMAC(k, "agent" ‖ user id)[0..12) (12) · MAC = HMAC(k, "nonce" ‖ bytes 0..27)[0..16) (16)
// The agent tag is inside the MAC, so it cannot be swapped; it is there so that a nonce issued to
// another agent is told apart from a forged one (both are refused). 128-bit MACs and 96-bit
// keyed agent tags are far past what ASVS V6 asks of a symmetric authenticator.

const VERSION = 1;
const AT = { issuedAt: 1, random: 7, agent: 15, mac: 27, end: 43 } as const;

/** Multi-instance clock drift the server tolerates; nothing of the device's clock is involved. */
export const SEAL_NONCE_FUTURE_SKEW_MS = 5_000;

// Key: HKDF-SHA256 of SESSION_SECRET with its own label. SESSION_SECRET is already the secret every
// instance shares (a nonce from one instance must verify on another), is never sent to the
// client, and is ≥ 32 characters or 32 random bytes. HKDF with a distinct `info` makes this an
// independent key (RFC 5869, section 3.2): a nonce MAC can never stand in for a session token's HS256
// signature or the other way round. Rotating SESSION_SECRET also voids outstanding nonces, at most
// 10 minutes of them, at a moment when every agent is signed out anyway.
const HKDF_INFO = 'agent-desk/aadhaar-seal-nonce/v1';
let derived: { from: Uint8Array; key: Buffer } | undefined;

function nonceKey(): Buffer {
  const secret = sessionKey();
  if (derived?.from !== secret) derived = { from: secret, key: Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), HKDF_INFO, 32)) };
  return derived.key;
}

const hmac = (label: string, data: Buffer | string) => createHmac('sha256', nonceKey()).update(label).update('\0').update(data).digest();
const agentTag = (agentId: string) => hmac('agent', agentId).subarray(0, AT.mac - AT.agent);
const macOf = (head: Buffer) => hmac('nonce', head).subarray(0, AT.end - AT.mac);

/** A fresh nonce for `agentId`, stamped with the server's clock. */
export function issueSealNonce(agentId: string, now = Date.now()): string {
  const head = Buffer.alloc(AT.mac);
  head.writeUInt8(VERSION, 0);
  head.writeUIntBE(now, AT.issuedAt, AT.random - AT.issuedAt);
  randomBytes(AT.agent - AT.random).copy(head, AT.random);
  agentTag(agentId).copy(head, AT.agent);
  return Buffer.concat([head, macOf(head)]).toString('base64url');
}

export type SealNonceCheck = { ok: true; issuedAt: number } | { ok: false; reason: 'forged' | 'other_agent' | 'expired' | 'future' };

/** Is `nonce` one this server issued to `agentId` no more than 10 minutes ago? */
export function checkSealNonce(nonce: string, agentId: string, now = Date.now()): SealNonceCheck {
  const bytes = Buffer.from(nonce, 'base64url');
  if (bytes.length !== AT.end || bytes.readUInt8(0) !== VERSION || bytes.toString('base64url') !== nonce) return { ok: false, reason: 'forged' };
  const head = bytes.subarray(0, AT.mac);
  if (!timingSafeEqual(bytes.subarray(AT.mac), macOf(head))) return { ok: false, reason: 'forged' };
  if (!timingSafeEqual(bytes.subarray(AT.agent, AT.mac), agentTag(agentId))) return { ok: false, reason: 'other_agent' };
  const issuedAt = bytes.readUIntBE(AT.issuedAt, AT.random - AT.issuedAt);
  if (issuedAt - now > SEAL_NONCE_FUTURE_SKEW_MS) return { ok: false, reason: 'future' };
  if (now - issuedAt > SEAL_MAX_AGE_MS) return { ok: false, reason: 'expired' };
  return { ok: true, issuedAt };
}
