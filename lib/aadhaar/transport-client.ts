// Browser side of the Aadhaar data path: the number leaves the page only as RSA-OAEP (SHA-256)
// ciphertext to the server's transport key, sealed together with its use and a nonce the server
// issued (lib/aadhaar/seal.ts). Web Crypto only; nothing is stored.

import { encodeSealPlaintext, type SealUse } from './seal';

export type TransportJwk = JsonWebKey & { kid?: string };

/** What GET /api/keys/aadhaar-transport answers: the current key and a fresh nonce. */
export interface TransportKeyOffer {
  jwk: TransportJwk;
  nonce: string;
}

const KEY_ENDPOINT = '/api/keys/aadhaar-transport';

// The imported key is kept per page load (by its modulus and exponent, not by the kid the server
// names it with); the nonce never is: every seal asks for a fresh one, so a page left open for an
// hour still seals with a nonce seconds old.
const importedKeys = new Map<string, Promise<CryptoKey>>();

function importKey(jwk: TransportJwk): Promise<CryptoKey> {
  const id = `${jwk.n}.${jwk.e}`;
  let key = importedKeys.get(id);
  if (!key) {
    key = crypto.subtle.importKey('jwk', { kty: jwk.kty, n: jwk.n, e: jwk.e, alg: 'RSA-OAEP-256', ext: true }, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, [
      'encrypt',
    ]);
    key.catch(() => importedKeys.delete(id));
    importedKeys.set(id, key);
  }
  return key;
}

/** Seals with a given key offer: `kid.base64url(RSA-OAEP-256(plaintext))`. */
export async function sealWithOffer(aadhaar: string, use: SealUse, offer: TransportKeyOffer): Promise<string> {
  const key = await importKey(offer.jwk);
  const plaintext = new TextEncoder().encode(encodeSealPlaintext({ aadhaar, use, nonce: offer.nonce }));
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, key, plaintext));
  let binary = '';
  for (const byte of cipher) binary += String.fromCharCode(byte);
  const b64url = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${offer.jwk.kid ?? ''}.${b64url}`;
}

/** Fetches the current key and a fresh nonce, then seals the number for `use`. */
export async function sealAadhaarForTransport(aadhaar: string, use: SealUse): Promise<string> {
  const res = await fetch(KEY_ENDPOINT, { cache: 'no-store' });
  if (!res.ok) throw new Error('transport key unavailable');
  return sealWithOffer(aadhaar, use, (await res.json()) as TransportKeyOffer);
}
