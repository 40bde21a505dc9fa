import { describe, expect, it } from 'vitest';
import {
  adminTransactionFilterSchema,
  recipientFormSchema,
  recipientSchema,
  refundSchema,
  transferHistorySchema,
  transferOtpSchema,
  transferSchema,
} from './transfer';

const issuesOf = (
  schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } },
  input: unknown,
) => {
  const r = schema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
};

const recipient = { name: 'Ravi  Verma ', mobile: '9876543210', ifsc: 'sbin0000691', account: '3000 1234 567' };

describe('recipientSchema', () => {
  it('tidies what the agent typed: upper-case IFSC, digits-only account, single spaces', () => {
    expect(recipientSchema.parse(recipient)).toEqual({ name: 'Ravi Verma', mobile: '9876543210', ifsc: 'SBIN0000691', account: '30001234567' });
  });

  it('names each field Eko would refuse', () => {
    expect(issuesOf(recipientSchema, { name: 'R2D2', mobile: '12345', ifsc: 'SBIN1000691', account: '12345678' })).toEqual({
      name: 'validation.recipientName',
      mobile: 'validation.mobile',
      ifsc: 'validation.ifsc',
      account: 'validation.account',
    });
    expect(issuesOf(recipientSchema, { ...recipient, ifsc: 'SBI00000691' })).toEqual({ ifsc: 'validation.ifsc' });
    expect(issuesOf(recipientSchema, { ...recipient, account: '1'.repeat(19) })).toEqual({ account: 'validation.account' });
    expect(issuesOf(recipientSchema, { ...recipient, name: 'x'.repeat(51) })).toEqual({ name: 'validation.recipientName' });
    expect(issuesOf(recipientSchema, {})).toEqual({
      name: 'validation.required',
      mobile: 'validation.required',
      ifsc: 'validation.required',
      account: 'validation.required',
    });
  });

  it('the form refuses two different account numbers, on the second field', () => {
    expect(issuesOf(recipientFormSchema, { ...recipient, confirmAccount: '30001234568' })).toEqual({ confirmAccount: 'validation.account.confirm' });
    expect(recipientFormSchema.safeParse({ ...recipient, confirmAccount: '30001234567' }).success).toBe(true);
  });
});

describe('transfer schemas', () => {
  const otp = { senderMobile: '9000000001', recipientId: '10010001', amount: 1000 };

  it('takes whole rupees from ₹100 to ₹5,000, as a number or digits', () => {
    expect(transferOtpSchema.parse(otp).amount).toBe(1000);
    expect(transferOtpSchema.parse({ ...otp, amount: ' 5000 ' }).amount).toBe(5000);
    expect(issuesOf(transferOtpSchema, { ...otp, amount: 99 })).toEqual({ amount: 'validation.amount.min' });
    expect(issuesOf(transferOtpSchema, { ...otp, amount: 5001 })).toEqual({ amount: 'validation.amount.max' });
    expect(issuesOf(transferOtpSchema, { ...otp, amount: 100.5 })).toEqual({ amount: 'validation.amount' });
    expect(issuesOf(transferOtpSchema, { ...otp, amount: '100.50' })).toEqual({ amount: 'validation.amount' });
    expect(issuesOf(transferOtpSchema, { ...otp, amount: '' })).toEqual({ amount: 'validation.required' });
    expect(issuesOf(transferOtpSchema, { ...otp, amount: undefined })).toEqual({ amount: 'validation.required' });
    expect(issuesOf(transferOtpSchema, { ...otp, amount: true })).toEqual({ amount: 'validation.amount' });
  });

  it('names a bad recipient id or sender', () => {
    expect(issuesOf(transferOtpSchema, { ...otp, recipientId: 'abc', senderMobile: '123' })).toEqual({
      recipientId: 'validation.invalid',
      senderMobile: 'validation.mobile',
    });
  });

  it('a transfer carries the OTP reference and a 6-digit OTP', () => {
    expect(transferSchema.safeParse({ ...otp, otpRefId: 'R123', otp: '123456' }).success).toBe(true);
    expect(issuesOf(transferSchema, { ...otp, otpRefId: 'R 1', otp: '12345' })).toEqual({ otpRefId: 'validation.invalid', otp: 'validation.otp' });
    expect(issuesOf(refundSchema, { otp: 'abcdef' })).toEqual({ otp: 'validation.otp', otpRefId: 'validation.required' });
    // Eko's refund OTP reference is base64-like, not digits.
    expect(refundSchema.safeParse({ otp: '123456', otpRefId: 'q83v+/Zk1ZQ2mR0aN7yLr0s9c1m4pX3WbKxE6fQ0h8sT2uV9' }).success).toBe(true);
    expect(issuesOf(refundSchema, { otp: '123456', otpRefId: 'a b' })).toEqual({ otpRefId: 'validation.invalid' });
  });
});

describe('filters', () => {
  it('history: blank filters are absent; a reversed range is refused on "to"', () => {
    expect(transferHistorySchema.parse({ from: '', to: '', state: '', page: '' })).toEqual({});
    expect(transferHistorySchema.parse({ from: '2026-12-01', to: '2026-12-02', state: 'refund_pending', page: '2' })).toEqual({
      from: '2026-12-01',
      to: '2026-12-02',
      state: 'refund_pending',
      page: 2,
    });
    expect(issuesOf(transferHistorySchema, { from: '2026-12-02', to: '2026-12-01' })).toEqual({ to: 'validation.dateRange' });
    expect(issuesOf(transferHistorySchema, { state: 'lost' })).toEqual({ state: 'validation.invalid' });
  });

  it('admin: amounts are whole rupees, min ≤ max', () => {
    expect(adminTransactionFilterSchema.parse({ min: '100', max: '5000', kind: 'dmt_refund' })).toEqual({ min: 100, max: 5000, kind: 'dmt_refund' });
    expect(issuesOf(adminTransactionFilterSchema, { min: '500', max: '100' })).toEqual({ max: 'validation.amountRange' });
    expect(issuesOf(adminTransactionFilterSchema, { min: '1.5' })).toEqual({ min: 'validation.amountFilter' });
    expect(issuesOf(adminTransactionFilterSchema, { agent: 'x' })).toEqual({ agent: 'validation.invalid' });
  });
});

describe('the amount rule without zod (the send form’s live fee and its check)', () => {
  it('takes exactly what amountRupeesSchema takes, and the same number, and refuses the rest with the same message', async () => {
    const { amountRupeesSchema } = await import('./transfer');
    const { parseTransferRupees, transferRupeesProblem } = await import('./rupees');
    const typed = [
      '',
      ' ',
      '99',
      '100',
      ' 100 ',
      '0100',
      '250',
      '4999',
      '5000',
      '5001',
      '1e3',
      '100.5',
      '100,0',
      '-100',
      '+100',
      '१००',
      '12345678',
      'abc',
      '2 50',
    ];
    for (const text of typed) {
      const parsed = amountRupeesSchema.safeParse(text);
      expect(parseTransferRupees(text), JSON.stringify(text)).toBe(parsed.success ? parsed.data : null);
      expect(transferRupeesProblem(text), JSON.stringify(text)).toBe(parsed.success ? null : parsed.error.issues[0]!.message);
    }
  });
});
