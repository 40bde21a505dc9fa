import { z } from 'zod/mini';
import { BANK_CODE_PATTERN } from '@/lib/banks/fallback';
import { mobileSchema, rupeesNumber, text, typedRupees } from './common';
import { otpSchema, pidDataSchema, refSchema, sealedAadhaarSchema } from './ekyc';

/** "lat,long" from the browser's geolocation, as Eko wants it. */
export const latlongSchema = text('validation.location').check(z.regex(/^-?\d{1,2}(\.\d{1,7})?,-?\d{1,3}(\.\d{1,7})?$/, 'validation.location'));
/** Any well-formed Eko bank code; the handler checks it against Eko's list (lib/banks/list.ts). */
export const aepsBankSchema = text('validation.bank').check(z.regex(BANK_CODE_PATTERN, 'validation.bank'));

const identity = { aadhaar: sealedAadhaarSchema, latlong: latlongSchema };

export const aepsSendOtpSchema = z.object(identity);
export const aepsVerifyOtpSchema = z.object({ ...identity, otp: otpSchema, otpRefId: refSchema, referenceTid: refSchema });
export const aepsBiometricSchema = z.object({ ...identity, piddata: pidDataSchema, bankCode: aepsBankSchema, otpRefId: refSchema, referenceTid: refSchema });
export const aepsDailyAuthSchema = z.object({ ...identity, piddata: pidDataSchema, bankCode: aepsBankSchema });

export type AepsVerifyOtpInput = z.infer<typeof aepsVerifyOtpSchema>;
export type AepsBiometricInput = z.infer<typeof aepsBiometricSchema>;
export type AepsDailyAuthInput = z.infer<typeof aepsDailyAuthSchema>;

/**
 * A customer's AePS transaction (POST /api/aeps/transactions/…): the customer's mobile, their
 * Aadhaar sealed for "aeps_transaction" and that mobile, their bank, the counter's location and
 * their fingerprint (captured without a wadh).
 */
export const aepsCustomerSchema = z.object({
  customerMobile: mobileSchema,
  aadhaar: sealedAadhaarSchema,
  latlong: latlongSchema,
  bankCode: aepsBankSchema,
  piddata: pidDataSchema,
});
export type AepsCustomerInput = z.infer<typeof aepsCustomerSchema>;

/**
 * Whole rupees as the agent types them (a digit string or a number); the configured range and
 * step are checked by checkWithdrawalAmount (lib/aeps/amount.ts) in the form and the handler.
 */
export const withdrawalAmountSchema = z.pipe(
  typedRupees,
  rupeesNumber().check(z.int('validation.amount'), z.gte(1, 'validation.amount'), z.lte(1_000_000, 'validation.amount')),
);

export const aepsWithdrawalSchema = z.object({ ...aepsCustomerSchema.shape, amount: withdrawalAmountSchema });
export type AepsWithdrawalInput = z.infer<typeof aepsWithdrawalSchema>;

/**
 * The customer step of the counter's form, before the Aadhaar is sealed to this mobile: the same
 * fields as the handlers' (the amount's configured range and step are checked beside it).
 */
export const aepsCustomerFormSchema = z.object({ customerMobile: mobileSchema, bankCode: aepsBankSchema, amount: z.optional(z.string()) });
export type AepsCustomerForm = z.infer<typeof aepsCustomerFormSchema>;
