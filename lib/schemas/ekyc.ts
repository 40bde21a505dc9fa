import { z } from 'zod/mini';
import { isValidAadhaar } from '@/lib/aadhaar/verhoeff';
import { text } from './common';

/**
 * What the agent types: 12 digits with a valid Verhoeff check digit, and the sender's consent. A
 * 16-digit Virtual ID gets its own message: the APIs take the Aadhaar number only.
 */
export const aadhaarEntrySchema = z.object({
  aadhaar: z.pipe(
    z.pipe(
      text('validation.aadhaar'),
      z.transform((v) => v.replace(/\s+/g, '')),
    ),
    z.string().check(
      z.refine((v) => !/^\d{16}$/.test(v), 'validation.aadhaar.vid'),
      z.regex(/^\d{12}$/, 'validation.aadhaar'),
      z.refine(isValidAadhaar, 'validation.aadhaar.checksum'),
    ),
  ),
  consent: z.literal(true, { error: 'validation.consent' }),
});
export type AadhaarEntry = z.infer<typeof aadhaarEntrySchema>;

/** `kid.base64url(RSA-OAEP-256 ciphertext)` of a 2048-bit key: what leaves the browser. */
export const sealedAadhaarSchema = text('validation.aadhaar').check(z.regex(/^[\w-]{1,32}\.[\w-]{300,700}$/, 'validation.aadhaar'));

/** What a PidData document starts with: the element, possibly after an XML declaration. */
export const PID_DATA_START = /^\s*(<\?xml[^>]*>\s*)?<PidData[\s>]/;

/** The whole PidData from the RD service, unchanged (a few KB). */
export const pidDataSchema = text('validation.pid').check(
  z.minLength(40, 'validation.pid'),
  z.maxLength(60_000, 'validation.pid'),
  z.regex(PID_DATA_START, 'validation.pid'),
);

export const otpSchema = text('validation.otp').check(z.trim(), z.regex(/^\d{6}$/, 'validation.otp'));

/** An Eko reference echoed back by the browser (otp_ref_id, reference_tid, request ids). */
export const refSchema = text().check(z.minLength(1), z.maxLength(64), z.regex(/^[\w-]+$/, 'validation.invalid'));

export const senderEkycRequestSchema = z.object({
  aadhaar: sealedAadhaarSchema,
  piddata: pidDataSchema,
  consent: z.literal(true, { error: 'validation.consent' }),
});

export const senderEkycOtpRequestSchema = z.object({
  otp: otpSchema,
  otpRefId: refSchema,
  kycRequestId: refSchema,
});
export type SenderEkycOtpRequest = z.infer<typeof senderEkycOtpRequestSchema>;

export const otpEntrySchema = z.object({ otp: otpSchema });
