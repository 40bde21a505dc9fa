import { z } from 'zod';
import { isValidAadhaar } from '@/lib/aadhaar/verhoeff';
import { text } from './common';

/** What the agent types: 12 digits with a valid Verhoeff check digit, and the sender's consent. */
export const aadhaarEntrySchema = z.object({
  aadhaar: text('validation.aadhaar')
    .transform((v) => v.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{12}$/, 'validation.aadhaar').refine(isValidAadhaar, 'validation.aadhaar.checksum')),
  consent: z.literal(true, { error: 'validation.consent' }),
});
export type AadhaarEntry = z.infer<typeof aadhaarEntrySchema>;

/** `kid.base64url(RSA-OAEP-256 ciphertext)` of a 2048-bit key: what leaves the browser. */
export const sealedAadhaarSchema = text('validation.aadhaar').regex(/^[\w-]{1,32}\.[\w-]{300,700}$/, 'validation.aadhaar');

/** The whole PidData from the RD service, unchanged (a few KB). */
export const pidDataSchema = text('validation.pid').min(40, 'validation.pid').max(60_000, 'validation.pid').refine((v) => /^\s*(<\?xml[^>]*>\s*)?<PidData[\s>]/.test(v), 'validation.pid');

export const otpSchema = text('validation.otp').trim().regex(/^\d{6}$/, 'validation.otp');

export const senderEkycRequestSchema = z.object({
  aadhaar: sealedAadhaarSchema,
  piddata: pidDataSchema,
  consent: z.literal(true, { error: 'validation.consent' }),
});

export const senderEkycOtpRequestSchema = z.object({
  otp: otpSchema,
  otpRefId: text().min(1).max(64).regex(/^[\w-]+$/, 'validation.invalid'),
  kycRequestId: text().min(1).max(64).regex(/^[\w-]+$/, 'validation.invalid'),
});
export type SenderEkycOtpRequest = z.infer<typeof senderEkycOtpRequestSchema>;

export const otpEntrySchema = z.object({ otp: otpSchema });
