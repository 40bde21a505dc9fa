import 'server-only';
import { constants, createPublicKey, type KeyObject, publicEncrypt } from 'node:crypto';
import { getConfig } from '@/lib/config';
import { onForget } from '@/lib/process-state';

// AePS-Fingpay wants the Aadhaar as RSAES-PKCS1-v1_5 under Eko's public key, base64
// (docs/eko-api.md §10). Web Crypto has only OAEP, which is why this step is on the server.

let key: KeyObject | undefined;

function ekoKey(): KeyObject {
  const configured = getConfig().ekoAadhaarPublicKey;
  if (!configured) throw new Error('EKO_AADHAAR_PUBLIC_KEY is not configured');
  key ??= createPublicKey({ key: Buffer.from(configured.replace(/\s/g, ''), 'base64'), format: 'der', type: 'spki' });
  return key;
}

/** 128 bytes of ciphertext for a 1024-bit key: 172 base64 characters. */
export function encryptAadhaarForEko(aadhaar: string, publicKey: KeyObject = ekoKey()): string {
  return publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(aadhaar, 'utf8')).toString('base64');
}

onForget('ekoAadhaarKey', () => {
  key = undefined;
});
