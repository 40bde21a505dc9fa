import 'server-only';
import { ApiError, type ApiErrorCode } from '@/lib/api/errors';
import { decodeSealPlaintext, type SealUse } from './seal';
import { checkSealNonce } from './seal-nonce';
import { decryptTransport } from './transport-server';
import { isValidAadhaar } from './verhoeff';

/** The use a route handler opens a seal for: the signed-in agent, the purpose, and its mobile. */
export type SealedAadhaarUse = SealUse & { agent: { id: string } };

// Every refusal names the aadhaar field, so each flow takes the agent back to the Aadhaar step
// with the reason (components/sender-ekyc/ekyc-flow.tsx, components/aeps/aeps-flows.tsx). None
// says anything of the number itself.
const refuse = (code: ApiErrorCode) => new ApiError(code, { fields: { aadhaar: `errors.${code}` } });

const NONCE_REFUSALS = {
  forged: 'aadhaar_nonce_invalid',
  // Issued "in the future" beyond the instances' tolerated drift: a server clock is wrong, and
  // the seal cannot be dated, so it is treated like a nonce that does not check out.
  future: 'aadhaar_nonce_invalid',
  other_agent: 'aadhaar_seal_other_agent',
  expired: 'aadhaar_seal_expired',
} as const satisfies Record<string, ApiErrorCode>;

/**
 * Decrypts the transport ciphertext in memory and returns the 12 digits only if the seal was made
 * for this use: by this agent (the nonce), for this purpose and mobile, at most 10 minutes ago on
 * the server's clock. Reuse for the same use within that time is allowed (one AePS eKYC sends one
 * seal to three calls). Otherwise it explains, by field, why it cannot be used.
 */
export function openSealedAadhaar(sealed: string, use: SealedAadhaarUse): string {
  const opened = decryptTransport(sealed);
  if (!opened.ok) {
    if (opened.reason === 'stale_key') throw refuse('aadhaar_key_changed');
    throw new ApiError('invalid_input', { fields: { aadhaar: 'validation.aadhaar' } });
  }
  const contents = decodeSealPlaintext(opened.plaintext);
  if (!contents) throw refuse('aadhaar_seal_invalid');
  // The nonce first: until it checks out, nothing else in the plaintext is known to be this
  // server's doing for this agent.
  const nonce = checkSealNonce(contents.nonce, use.agent.id);
  if (!nonce.ok) throw refuse(NONCE_REFUSALS[nonce.reason]);
  if (contents.use.purpose !== use.purpose) throw refuse('aadhaar_seal_other_purpose');
  if (contents.use.mobile !== use.mobile) throw refuse('aadhaar_seal_other_mobile');
  if (!isValidAadhaar(contents.aadhaar)) throw new ApiError('invalid_input', { fields: { aadhaar: 'validation.aadhaar.checksum' } });
  return contents.aadhaar;
}
