import 'server-only';
import { constants, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, privateDecrypt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConfig } from '@/lib/config';
import { isValidAadhaar } from './verhoeff';

// Server side of the Aadhaar transport: the private key (AADHAAR_TRANSPORT_KEY, else generated
// once into DATA_DIR) decrypts in memory. The number is never logged, stored or returned.

interface TransportKey {
  privateKey: KeyObject;
  kid: string;
  jwk: JsonWebKey & { kid: string; alg: string; use: string };
}

let cached: TransportKey | undefined;

function loadPrivateKey(): KeyObject {
  const { aadhaarTransportKey, dataDir } = getConfig();
  const fromDer = (b64: string) => createPrivateKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'pkcs8' });
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

export function transportKey(): TransportKey {
  if (cached) return cached;
  const privateKey = loadPrivateKey();
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const kid = createHash('sha256').update(`${publicJwk.n}.${publicJwk.e}`).digest('base64url').slice(0, 16);
  cached = { privateKey, kid, jwk: { kty: 'RSA', n: publicJwk.n, e: publicJwk.e, kid, alg: 'RSA-OAEP-256', use: 'enc' } };
  return cached;
}

export type DecryptResult = { ok: true; aadhaar: string } | { ok: false; reason: 'stale_key' | 'undecryptable' | 'invalid_number' };

/** `kid.base64url(RSA-OAEP-256 ciphertext)` → the 12 digits, checked with Verhoeff. */
export function decryptTransportAadhaar(sealed: string): DecryptResult {
  const key = transportKey();
  const [kid, body] = sealed.split('.');
  if (!kid || !body) return { ok: false, reason: 'undecryptable' };
  if (kid !== key.kid) return { ok: false, reason: 'stale_key' };
  let plain: string;
  try {
    plain = privateDecrypt({ key: key.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(body, 'base64url')).toString('utf8');
  } catch {
    return { ok: false, reason: 'undecryptable' };
  }
  return isValidAadhaar(plain) ? { ok: true, aadhaar: plain } : { ok: false, reason: 'invalid_number' };
}

export function resetTransportKeyForTests(): void {
  cached = undefined;
}
