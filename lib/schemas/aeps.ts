import { z } from 'zod/mini';
import { BANK_CODE_PATTERN } from '@/lib/banks/fallback';
import { text } from './common';
import { otpSchema, pidDataSchema, refSchema, sealedAadhaarSchema } from './ekyc';

/** "lat,long" from the browser's geolocation, as Eko wants it. */
export const latlongSchema = text('validation.location').check(z.regex(/^-?\d{1,2}(\.\d{1,7})?,-?\d{1,3}(\.\d{1,7})?$/, 'validation.location'));
/** Any well-formed Eko bank code; the handler checks it against Eko's list (lib/banks/list.ts). */
const bankSchema = text('validation.bank').check(z.regex(BANK_CODE_PATTERN, 'validation.bank'));

const identity = { aadhaar: sealedAadhaarSchema, latlong: latlongSchema };

export const aepsSendOtpSchema = z.object(identity);
export const aepsVerifyOtpSchema = z.object({ ...identity, otp: otpSchema, otpRefId: refSchema, referenceTid: refSchema });
export const aepsBiometricSchema = z.object({ ...identity, piddata: pidDataSchema, bankCode: bankSchema, otpRefId: refSchema, referenceTid: refSchema });
export const aepsDailyAuthSchema = z.object({ ...identity, piddata: pidDataSchema, bankCode: bankSchema });

export type AepsVerifyOtpInput = z.infer<typeof aepsVerifyOtpSchema>;
export type AepsBiometricInput = z.infer<typeof aepsBiometricSchema>;
export type AepsDailyAuthInput = z.infer<typeof aepsDailyAuthSchema>;
