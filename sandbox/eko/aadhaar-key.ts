import { createPrivateKey } from 'node:crypto';

// The Eko sandbox's own RSA key pair for AePS Aadhaar encryption (docs/eko-api.md §10: 1024-bit,
// e = 65537). A TEST KEY, published on purpose: the app's sandbox mode encrypts to its public
// half (lib/config/schema.ts SANDBOX_AADHAAR_PUBLIC_KEY). Real Eko keys come from configuration.
export const SANDBOX_AADHAAR_PRIVATE_KEY =
  'MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBAOmn2qUNS+kEq9NAFDtHzxHtQhqbNhfq/sXJ3skJrrFieLfgQ3DKYmcTSV0ue8CbNJVxr25VJjWh/kXycFJ6lwcuNOVWFnA80NeZCFuybi5g6mv3lVxqdfMw2TCwlshx6hX0SYiLie7M4nDDWeAK0PNhyp8Cw34Ibmy7ZGlflocvAgMBAAECgYAXN4aSP+/7B2vLYeKgwVHiBiE7Y5DMb51BKf3pG/0vwwkbvDz3SCTe+RuhFq1VRhbDgrhbzjotuhr5+E0Q5P18mIOwoXwOcmUaYKLVv349OZMvZjH9rc2v+uGEMVM8EBY2ILwGKo0RM2b5Qdj6uWA/tlmW2XM4bd5DpCm1eEu1gQJBAP/DVLTSBIN4s3/J7+pIOfInUW9hdWsa+e2FCXKDxvCKyWlqXAod6b3raqsTTTw3IOljsGqeo++rhyhrVpVNvdUCQQDp30d2oEGkcq+CZSrncO8X8ezgNQINYBe/LnM9JzyABl3hlpGDz5FOK/2SNlq77b/4WdVQrALwPh63jwYhqv7zAkBvIzPltvUbJBHrz5YfGe+EGC281n6tYfWEjrDCQBzsXYKT+hGwm7r8OhYJ7MM9DT+R6y23xuO5u7FpkOr4yeVZAkBHFebS18McCP/v0nBICLuju5UUUQheqGaPZb8BR3vMLiM6/lkch2rTJ+vbFUpe9NT019lOu/noq/kKMh7a/O6hAkEAxhvKgmatQqPaAeICslzQFSXjgGRl+8TUYYd/NQ2VHHb/J/0NUsJcns49fsHp9nn6iD6ABVHJnD0mh7pFFEfAcg==';

const key = createPrivateKey({ key: Buffer.from(SANDBOX_AADHAAR_PRIVATE_KEY, 'base64'), format: 'der', type: 'pkcs8' });
const jwk = key.export({ format: 'jwk' });
const big = (b64url: string) => BigInt(`0x${Buffer.from(b64url, 'base64url').toString('hex')}`);
const n = big(jwk.n!);
const d = big(jwk.d!);
const size = Buffer.from(jwk.n!, 'base64url').length;

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

/**
 * RSAES-PKCS1-v1_5 decryption, done by hand: Node 20 refuses privateDecrypt with PKCS#1 padding
 * (CVE-2023-46809). Fine for a sandbox; returns null when the block is not PKCS#1 v1.5 (e.g. OAEP).
 */
export function decryptPkcs1(base64: string): string | null {
  const cipher = Buffer.from(base64, 'base64');
  if (cipher.length !== size || cipher.toString('base64') !== base64.replace(/\s/g, '')) return null;
  const m = modPow(BigInt(`0x${cipher.toString('hex')}`), d, n);
  const block = Buffer.from(m.toString(16).padStart(size * 2, '0'), 'hex');
  // 0x00 0x02 <at least 8 non-zero padding bytes> 0x00 <message>
  if (block[0] !== 0 || block[1] !== 2) return null;
  const separator = block.indexOf(0, 2);
  if (separator < 10) return null;
  return block.subarray(separator + 1).toString('utf8');
}
