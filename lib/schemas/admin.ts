import { z } from 'zod';
import { mobileSchema, text, withoutControlChars } from './common';

export const createAgentSchema = z.object({
  name: text('validation.personName').trim().min(2, 'validation.personName').max(80, 'validation.personName').regex(/^[\p{L}][\p{L} .'-]*$/u, 'validation.personName'),
  mobile: mobileSchema,
  ekoUserCode: text('validation.userCode').trim().regex(/^\d{5,12}$/, 'validation.userCode'),
  password: text('validation.newPassword').min(8, 'validation.newPassword').max(128, 'validation.newPassword'),
});
export type CreateAgentInput = z.infer<typeof createAgentSchema>;

export const userIdSchema = z.object({ id: z.uuid({ error: 'validation.invalid' }) });
export const setActiveSchema = z.object({ active: z.boolean({ error: 'validation.invalid' }) });

export const ACTIVITY_ACTIONS = [
  'sender.lookup',
  'sender.onboard',
  'sender.ekyc',
  'sender.ekyc_otp',
  'aeps.ekyc_send_otp',
  'aeps.ekyc_verify_otp',
  'aeps.ekyc_biometric',
  'aeps.daily_auth',
] as const;
export const ACTIVITY_OUTCOMES = ['ok', 'business_error', 'upstream_error'] as const;

// PostgreSQL has no year 0 (and the audit trail nothing before 2000): out-of-range days are refused
// here, not by a failing query.
const isoDay = z.iso.date({ error: 'validation.date' }).refine((v) => v >= '2000-01-01', 'validation.date');
const optionalParam = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());

/** Filters of the admin activity table and its CSV export (query-string values). */
export const activityFilterSchema = z
  .object({
    agent: optionalParam(z.uuid({ error: 'validation.invalid' })),
    action: optionalParam(z.enum(ACTIVITY_ACTIONS, { error: 'validation.invalid' })),
    outcome: optionalParam(z.enum(ACTIVITY_OUTCOMES, { error: 'validation.invalid' })),
    from: optionalParam(isoDay),
    to: optionalParam(isoDay),
    page: optionalParam(z.coerce.number({ error: 'validation.invalid' }).int().min(1).max(100_000)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], error: 'validation.dateRange' });
export type ActivityFilters = z.infer<typeof activityFilterSchema>;

export const agentListSchema = z.object({
  q: optionalParam(z.string().max(80).transform(withoutControlChars)),
  page: optionalParam(z.coerce.number().int().min(1).max(100_000)),
});

export const metricsRangeSchema = z.object({ days: optionalParam(z.coerce.number().pipe(z.union([z.literal(7), z.literal(14), z.literal(30)]))) });

/** What a browser may report about a failed fingerprint capture: codes and names, never PID. */
export const deviceErrorSchema = z.object({
  errCode: z.string().trim().regex(/^-?\d{1,6}$|^[a-z_]{2,16}$/, 'validation.invalid'),
  errInfo: z.string().transform(withoutControlChars).pipe(z.string().trim().max(200)).optional(),
  stage: z.string().trim().regex(/^[a-z_.]{2,40}$/, 'validation.invalid').optional(),
  deviceModel: z.string().transform(withoutControlChars).pipe(z.string().trim().max(80)).optional(),
});
