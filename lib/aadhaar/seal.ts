import { MOBILE_PATTERN } from '@/lib/schemas/mobile';

// What goes inside the RSA-OAEP-256 transport encryption with the 12 digits, so that a sealed
// Aadhaar is good for one use only (security issue 11): a second agent, a second sender, another
// purpose or a seal older than 10 minutes are refused by the server (lib/aadhaar/server.ts).
// Shared by the browser (which writes it) and the server (which reads it); no secrets here.
//
// Why the binding lives inside the ciphertext rather than next to it: RSA-OAEP is
// non-malleable, so nobody without the private key can take the digits of one seal and put them
// under another purpose, mobile or nonce. Anyone can encrypt to the public key, but only with
// digits they already know, and only with a nonce the server issued to them (lib/aadhaar/
// seal-nonce.ts): the binding stops replay of a seal someone else made, which is the attack.

/**
 * The uses a sealed Aadhaar can be made for. The agent is always bound, through the nonce the
 * key endpoint issued to the signed-in agent; `mobile: true` also binds a customer's mobile
 * (the sender's, from the URL; the AePS customer's, from the form).
 *
 * The agent's eKYC and daily authentication are separate purposes, not one "aeps_agent": the
 * consent the agent gives is for a stated purpose (Aadhaar Act s. 8; UIDAI's authentication
 * rules), and a seal made after the daily-authentication consent must not drive an eKYC.
 */
export const SEAL_PURPOSES = {
  sender_ekyc: { mobile: true },
  aeps_ekyc: { mobile: false },
  aeps_daily_auth: { mobile: false },
  /** A customer's AePS withdrawal, balance enquiry or mini statement: bound to the customer's mobile. */
  aeps_transaction: { mobile: true },
} as const satisfies Record<string, { mobile: boolean }>;

export type SealPurpose = keyof typeof SEAL_PURPOSES;
const PURPOSE_NAMES = Object.keys(SEAL_PURPOSES) as [SealPurpose, ...SealPurpose[]];

/** What a seal is for: the purpose, and the customer's mobile where the purpose names one. */
export type SealUse = {
  [P in SealPurpose]: (typeof SEAL_PURPOSES)[P]['mobile'] extends true ? { purpose: P; mobile: string } : { purpose: P; mobile?: undefined };
}[SealPurpose];

/** The purposes bound to the agent alone: the agent's own Aadhaar (AePS eKYC, daily authentication). */
export type AgentSealPurpose = Extract<SealUse, { mobile?: undefined }>['purpose'];

export const SEAL_VERSION = 1;

/** RSA-OAEP with SHA-256 under a 2048-bit key holds at most 256 − 2·32 − 2 bytes. */
export const SEAL_MAX_PLAINTEXT_BYTES = 190;

/** The server's nonce as the browser sees it: opaque base64url of a fixed length. */
export const SEAL_NONCE_PATTERN = /^[\w-]{58}$/;

/** How long a seal stays good after the key endpoint issued its nonce (server clock). */
export const SEAL_MAX_AGE_MS = 10 * 60_000;

export interface SealContents {
  aadhaar: string;
  use: SealUse;
  nonce: string;
}

// Short keys: the plaintext must fit in 190 bytes with the longest purpose and a mobile.
interface Plaintext {
  v: typeof SEAL_VERSION;
  p: SealPurpose;
  m?: string;
  a: string;
  n: string;
}
const PLAINTEXT_KEYS = new Set(['v', 'p', 'm', 'a', 'n']);
const isString = (value: unknown, pattern: RegExp): value is string => typeof value === 'string' && pattern.test(value);

/**
 * The plaintext's one shape, checked by hand rather than with zod: the browser runs this before
 * it seals, and this module is on the AePS transaction page's first load (issue 16, part 2).
 * No key but these five; a mobile only where the purpose binds one.
 */
function asPlaintext(value: unknown): Plaintext | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  if (!Object.keys(o).every((key) => PLAINTEXT_KEYS.has(key))) return null;
  if (o.v !== SEAL_VERSION || typeof o.p !== 'string' || !PURPOSE_NAMES.includes(o.p as SealPurpose)) return null;
  if (!(o.m === undefined || isString(o.m, MOBILE_PATTERN)) || !isString(o.a, /^\d{12}$/) || !isString(o.n, SEAL_NONCE_PATTERN)) return null;
  const plain = o as unknown as Plaintext;
  return mobileMatchesPurpose(plain.p, plain.m) ? plain : null;
}

/** The plaintext the browser encrypts: compact JSON, ASCII only. */
export function encodeSealPlaintext({ aadhaar, use, nonce }: SealContents): string {
  const plain = { v: SEAL_VERSION, p: use.purpose, ...(use.mobile === undefined ? {} : { m: use.mobile }), a: aadhaar, n: nonce };
  // Never the value in the message: it holds the digits.
  if (!asPlaintext(plain)) throw new Error('seal contents are not valid');
  const text = JSON.stringify(plain);
  if (text.length > SEAL_MAX_PLAINTEXT_BYTES) throw new Error('seal plaintext too long');
  return text;
}

function mobileMatchesPurpose(purpose: SealPurpose, mobile: string | undefined): boolean {
  return SEAL_PURPOSES[purpose].mobile === (mobile !== undefined);
}

/** The decrypted plaintext → its contents, or null for anything this version does not write. */
export function decodeSealPlaintext(text: string): SealContents | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const plain = asPlaintext(json);
  if (!plain) return null;
  return { aadhaar: plain.a, use: { purpose: plain.p, mobile: plain.m } as SealUse, nonce: plain.n };
}
