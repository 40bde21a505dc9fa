import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { decryptTransportAadhaar } from './transport-server';

/** Decrypts the transport ciphertext in memory, or explains (by field) why it cannot be used. */
export function openSealedAadhaar(sealed: string): string {
  const opened = decryptTransportAadhaar(sealed);
  if (opened.ok) return opened.aadhaar;
  if (opened.reason === 'stale_key') throw new ApiError('aadhaar_key_changed');
  throw new ApiError('invalid_input', { fields: { aadhaar: opened.reason === 'invalid_number' ? 'validation.aadhaar.checksum' : 'validation.aadhaar' } });
}
