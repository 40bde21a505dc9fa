import 'server-only';
import { constants, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, privateDecrypt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConfig } from '@/lib/config';
import { onForget } from '@/lib/process-state';

// Server side of the Aadhaar transport: the private key (AADHAAR_TRANSPORT_KEY, else generated
// once into DATA_DIR) decrypts in memory. The number is never logged, stored or returned.
//
// Rotation: AADHAAR_TRANSPORT_KEY_PREVIOUS (the key before the current one) still decrypts, by
// kid, but is never handed out. A seal lives at most 10 minutes (lib/aadhaar/seal.ts), so the
// previous key can be dropped once every instance has run with the new one for that long.

interface TransportKey {
  privateKey: KeyObject;
  kid: string;
  jwk: JsonWebKey & { kid: string; alg: string; use: string };
}

let cached: { current: TransportKey; byKid: Map<string, TransportKey> } | undefined;

const fromDer = (b64: string) => createPrivateKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'pkcs8' });

function loadCurrentPrivateKey(): KeyObject {
  const { aadhaarTransportKey, dataDir } = getConfig();
  if (aadhaarTransportKey) return fromDer(aadhaarTransportKey);
  const generate = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  if (dataDir === 'memory') return generate();
  const file = join(dataDir, 'aadhaar-transport-key');
  if (existsSync(file)) return fromDer(readFileSync(file, 'utf8').trim());
  mkdirSync(dataDir, { recursive: true });
  const key = generate();
  writeFileSync(file, key.export({ type: 'pkcs8', format: 'der' }).toString('base64'), { mode: 0o600 });
  return key;
}

function describe(privateKey: KeyObject): TransportKey {
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const kid = createHash('sha256').update(`${publicJwk.n}.${publicJwk.e}`).digest('base64url').slice(0, 16);
  return { privateKey, kid, jwk: { kty: 'RSA', n: publicJwk.n, e: publicJwk.e, kid, alg: 'RSA-OAEP-256', use: 'enc' } };
}

function keys() {
  if (cached) return cached;
  const current = describe(loadCurrentPrivateKey());
  const { aadhaarTransportKeyPrevious } = getConfig();
  const previous = aadhaarTransportKeyPrevious ? describe(fromDer(aadhaarTransportKeyPrevious)) : undefined;
  cached = { current, byKid: new Map([...(previous ? [[previous.kid, previous] as const] : []), [current.kid, current]]) };
  return cached;
}

/** The key the browser encrypts to: only ever the current one. */
export function transportKey(): TransportKey {
  return keys().current;
}

export type DecryptResult = { ok: true; plaintext: string } | { ok: false; reason: 'stale_key' | 'undecryptable' };

/** `kid.base64url(RSA-OAEP-256 ciphertext)` → the plaintext, under the current or the previous key. */
export function decryptTransport(sealed: string): DecryptResult {
  const [kid, body, extra] = sealed.split('.');
  if (!kid || !body || extra !== undefined) return { ok: false, reason: 'undecryptable' };
  const key = keys().byKid.get(kid);
  if (!key) return { ok: false, reason: 'stale_key' };
  try {
    // Bytes that are not UTF-8 decode to U+FFFD and then fail the plaintext's own check.
    return {
      ok: true,
      plaintext: privateDecrypt(
        { key: key.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
        Buffer.from(body, 'base64url'),
      ).toString('utf8'),
    };
  } catch {
    return { ok: false, reason: 'undecryptable' };
  }
}

onForget('transportKey', () => {
  cached = undefined;
});
