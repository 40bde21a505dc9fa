// Browser side of the Aadhaar data path: the number leaves the page only as RSA-OAEP (SHA-256)
// ciphertext to the server's transport key. Web Crypto only; nothing is stored.

export type TransportJwk = JsonWebKey & { kid?: string };

let keyPromise: Promise<{ key: CryptoKey; kid: string }> | null = null;

async function importKey(jwk: TransportJwk) {
  const key = await crypto.subtle.importKey('jwk', { kty: jwk.kty, n: jwk.n, e: jwk.e, alg: 'RSA-OAEP-256', ext: true }, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['encrypt']);
  return { key, kid: jwk.kid ?? '' };
}

/** Encrypts with a given public JWK: `kid.base64url(ciphertext)`. */
export async function encryptWithJwk(aadhaar: string, jwk: TransportJwk): Promise<string> {
  const { key, kid } = await importKey(jwk);
  return seal(aadhaar, key, kid);
}

async function seal(aadhaar: string, key: CryptoKey, kid: string): Promise<string> {
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, key, new TextEncoder().encode(aadhaar)));
  let binary = '';
  for (const byte of cipher) binary += String.fromCharCode(byte);
  const b64url = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${kid}.${b64url}`;
}

/** Fetches the app's transport key once per page load, then encrypts. */
export async function encryptAadhaarForTransport(aadhaar: string): Promise<string> {
  keyPromise ??= fetch('/api/keys/aadhaar-transport', { cache: 'no-store' })
    .then((r) => {
      if (!r.ok) throw new Error('transport key unavailable');
      return r.json() as Promise<{ jwk: TransportJwk }>;
    })
    .then(({ jwk }) => importKey(jwk));
  try {
    const { key, kid } = await keyPromise;
    return await seal(aadhaar, key, kid);
  } catch (err) {
    keyPromise = null; // try afresh next time (e.g. after a network blip)
    throw err;
  }
}
