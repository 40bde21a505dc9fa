import { z } from 'zod/mini';
import { TRANSACTION_KINDS, TRANSACTION_STATES } from '@/lib/transfers/types';
import { mobileSchema, rupeesNumber, text, typedRupees, withoutControlChars } from './common';
import { otpSchema, refSchema } from './ekyc';
import { TRANSFER_MAX_RUPEES, TRANSFER_MIN_RUPEES } from './rupees';

// DMT-Fino money movement: what the agent types (recipient, amount, OTP) and what the route
// handlers accept. Shared by the forms and the handlers, so both refuse the same input with the
// same catalogue message.

/** Eko's IFSC rule: four letters (the bank), a zero, six letters or digits (the branch). */
export const IFSC_PATTERN = /^[A-Z]{4}0[A-Z0-9]{6}$/;

const digitsOnly = (v: string) => v.replace(/[\s-]/g, '');

export const ifscSchema = z.pipe(
  z.pipe(
    text('validation.ifsc'),
    z.transform((v) => v.trim().toUpperCase()),
  ),
  z.string().check(z.regex(IFSC_PATTERN, 'validation.ifsc')),
);

/** 9 to 18 digits; spaces and dashes as printed in passbooks are dropped. */
export const accountSchema = z.pipe(z.pipe(text('validation.account'), z.transform(digitsOnly)), z.string().check(z.regex(/^\d{9,18}$/, 'validation.account')));

/** Eko accepts a recipient's name in letters (and spaces and dots), 1 to 50 characters. */
export const recipientNameSchema = z.pipe(
  z.pipe(
    text('validation.recipientName'),
    z.transform((v) => v.trim().replace(/\s+/g, ' ')),
  ),
  z
    .string()
    .check(
      z.minLength(1, 'validation.recipientName'),
      z.maxLength(50, 'validation.recipientName'),
      z.regex(/^[A-Za-z][A-Za-z .]*$/, 'validation.recipientName'),
    ),
);

/** Add Recipient (POST /api/senders/:mobile/recipients). */
export const recipientSchema = z.object({
  name: recipientNameSchema,
  mobile: mobileSchema,
  ifsc: ifscSchema,
  account: accountSchema,
});
export type RecipientInput = z.infer<typeof recipientSchema>;

/** The form asks for the account number twice; the handler never sees the second entry. */
export const recipientFormSchema = z
  .object({ ...recipientSchema.shape, confirmAccount: z.pipe(text('validation.account.confirm'), z.transform(digitsOnly)) })
  .check(z.refine((v) => v.confirmAccount === v.account, { path: ['confirmAccount'], error: 'validation.account.confirm' }));
export type RecipientForm = z.input<typeof recipientFormSchema>;

/** Eko's recipient ids are numbers; the app carries them as digit strings. */
export const recipientIdSchema = text().check(z.regex(/^\d{1,24}$/, 'validation.invalid'));

/**
 * Whole rupees, ₹100 to ₹5,000: what the agent types. A digit string (from a form) or a number
 * (JSON) both arrive as a number; paise are refused, never rounded.
 */
export const amountRupeesSchema = z.pipe(
  typedRupees,
  rupeesNumber().check(z.int('validation.amount'), z.gte(TRANSFER_MIN_RUPEES, 'validation.amount.min'), z.lte(TRANSFER_MAX_RUPEES, 'validation.amount.max')),
);

/** Send Transaction OTP (POST /api/transfers/otp): the amount is fixed with the OTP. */
export const transferOtpSchema = z.object({
  senderMobile: mobileSchema,
  recipientId: recipientIdSchema,
  amount: amountRupeesSchema,
});
export type TransferOtpInput = z.infer<typeof transferOtpSchema>;

/** Initiate Transfer (POST /api/transfers): the OTP's reference and the OTP the sender read out. */
export const transferSchema = z.object({
  ...transferOtpSchema.shape,
  otpRefId: refSchema,
  otp: otpSchema,
});
export type TransferInput = z.infer<typeof transferSchema>;

/** The refund OTP's reference is base64 in Eko's example (letters, digits, + / =). */
const refundOtpRefSchema = text().check(z.regex(/^[\w+/=-]{1,80}$/, 'validation.invalid'));

/** Refund of a refund-pending transfer (POST /api/transfers/:id/refund). */
export const refundSchema = z.object({ otp: otpSchema, otpRefId: refundOtpRefSchema });
export type RefundInput = z.infer<typeof refundSchema>;

/** The transfer OTP field on its own (the form; the reference travels beside it). */
export const transferOtpEntrySchema = z.object({ otp: otpSchema });

// Query strings: the agent's history and the admin table (and its CSV). Blank filters count as absent.
const isoDay = z.iso.date({ error: 'validation.date' }).check(z.refine((v) => v >= '2000-01-01', 'validation.date'));
const optionalParam = <T extends z.ZodMiniType>(s: T) =>
  z.pipe(
    z.transform((v: unknown) => (v === '' ? undefined : v)),
    z.optional(s),
  );
const pageParam = optionalParam(z.coerce.number({ error: 'validation.invalid' }).check(z.int(), z.gte(1), z.lte(100_000)));
const stateParam = optionalParam(z.enum(TRANSACTION_STATES, { error: 'validation.invalid' }));
const dateRange = <T extends { from?: string; to?: string }>(f: T) => !f.from || !f.to || f.from <= f.to;

/** GET /api/transfers (the agent's own): a day range in India's calendar, a state, a page. */
export const transferHistorySchema = z
  .object({ from: optionalParam(isoDay), to: optionalParam(isoDay), state: stateParam, page: pageParam })
  .check(z.refine(dateRange, { path: ['to'], error: 'validation.dateRange' }));
export type TransferHistoryFilters = z.infer<typeof transferHistorySchema>;

/** Whole rupees in a filter (the admin types rupees; the query compares paise). */
const rupeesParam = optionalParam(
  z.coerce
    .number({ error: 'validation.amountFilter' })
    .check(z.int('validation.amountFilter'), z.gte(0, 'validation.amountFilter'), z.lte(10_000_000, 'validation.amountFilter')),
);

/** GET /api/admin/transactions and its CSV export. `min` and `max` are whole rupees. */
export const adminTransactionFilterSchema = z
  .object({
    agent: optionalParam(z.uuid({ error: 'validation.invalid' })),
    state: stateParam,
    kind: optionalParam(z.enum(TRANSACTION_KINDS, { error: 'validation.invalid' })),
    from: optionalParam(isoDay),
    to: optionalParam(isoDay),
    min: rupeesParam,
    max: rupeesParam,
    page: pageParam,
  })
  .check(
    z.refine(dateRange, { path: ['to'], error: 'validation.dateRange' }),
    z.refine((f) => f.min === undefined || f.max === undefined || f.min <= f.max, { path: ['max'], error: 'validation.amountRange' }),
  );
export type AdminTransactionFilters = z.infer<typeof adminTransactionFilterSchema>;

/** A transaction in a URL (/api/transfers/:id, /transactions/:id, /receipts/:id). */
export const transactionIdSchema = z.object({ id: z.uuid({ error: 'validation.invalid' }) });

/** GET /api/banks/ifsc/:ifsc. */
export const ifscParamsSchema = z.object({ ifsc: ifscSchema });

/** GET /api/transfers/pending: all the agent's pending transfers, or one sender's. */
export const pendingQuerySchema = z.object({ senderMobile: optionalParam(mobileSchema) });

/** GET /api/admin/transactions/summary: the last 7, 14 or 30 days (7 by default). */
export const summaryRangeSchema = z.object({
  days: optionalParam(
    z.pipe(z.coerce.number({ error: 'validation.invalid' }), z.union([z.literal(7), z.literal(14), z.literal(30)], { error: 'validation.invalid' })),
  ),
});

/** An admin's reason for closing a transaction Eko never recorded (kept in the audit row). */
export const closeTransactionSchema = z.object({
  reason: z.pipe(
    z.pipe(
      text('validation.closeReason'),
      z.transform((v) => withoutControlChars(v).trim().replace(/\s+/g, ' ')),
    ),
    z.string().check(z.minLength(5, 'validation.closeReason'), z.maxLength(200, 'validation.closeReason')),
  ),
});
export type CloseTransactionInput = z.infer<typeof closeTransactionSchema>;
