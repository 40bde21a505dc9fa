import { z } from 'zod/mini';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from '@/lib/audit/actions';
import { isTelemetryCode } from '@/lib/rd/messages';
import { mobileSchema, text, withoutControlChars } from './common';

/** One line each, as a receipt prints them (58 mm paper wraps a long address); blank clears it. */
const shopLine = (max: number, message: 'validation.shopName' | 'validation.shopAddress') =>
  z.pipe(
    z.pipe(
      text(message),
      z.transform((v) => withoutControlChars(v).trim().replace(/\s+/g, ' ')),
    ),
    z.string().check(z.maxLength(max, message)),
  );
const shopFields = { shopName: shopLine(80, 'validation.shopName'), shopAddress: shopLine(200, 'validation.shopAddress') };

export const createAgentSchema = z.object({
  name: text('validation.personName').check(
    z.trim(),
    z.minLength(2, 'validation.personName'),
    z.maxLength(80, 'validation.personName'),
    z.regex(/^[\p{L}][\p{L} .'-]*$/u, 'validation.personName'),
  ),
  mobile: mobileSchema,
  ekoUserCode: text('validation.userCode').check(z.trim(), z.regex(/^\d{5,12}$/, 'validation.userCode')),
  password: text('validation.newPassword').check(z.minLength(8, 'validation.newPassword'), z.maxLength(128, 'validation.newPassword')),
  shopName: z.optional(shopFields.shopName),
  shopAddress: z.optional(shopFields.shopAddress),
});
export type CreateAgentInput = z.infer<typeof createAgentSchema>;

/** PUT /api/admin/agents/:id/shop: what the agent's receipts print (blank clears a line). */
export const agentShopSchema = z.object(shopFields);
export type AgentShopInput = z.infer<typeof agentShopSchema>;

export const userIdSchema = z.object({ id: z.uuid({ error: 'validation.invalid' }) });
/** A lockout's key as the admin's lockout list shows it: rule, then mobile (and a browser's id) or an address. */
export const liftLockoutSchema = z.object({
  key: text().check(z.regex(/^login(?:UnknownDevices:[6-9]\d{9}|KnownDevice:[6-9]\d{9}:[0-9a-f-]{36}|PerAddress:[0-9a-f:./]{1,64})$/, 'validation.invalid')),
});
export const setActiveSchema = z.object({ active: z.boolean({ error: 'validation.invalid' }) });

// PostgreSQL has no year 0 (and the audit trail nothing before 2000): out-of-range days are refused
// here, not by a failing query.
const isoDay = z.iso.date({ error: 'validation.date' }).check(z.refine((v) => v >= '2000-01-01', 'validation.date'));
/** An empty query parameter (a blank filter) counts as absent. Classic zod's preprocess is this pipe. */
const optionalParam = <T extends z.ZodMiniType>(s: T) =>
  z.pipe(
    z.transform((v: unknown) => (v === '' ? undefined : v)),
    z.optional(s),
  );
const pageParam = (params?: { error: string }) => optionalParam(z.coerce.number(params).check(z.int(), z.gte(1), z.lte(100_000)));

/** Filters of the admin activity table and its CSV export (query-string values). */
export const activityFilterSchema = z
  .object({
    agent: optionalParam(z.uuid({ error: 'validation.invalid' })),
    action: optionalParam(z.enum(AUDIT_ACTIONS, { error: 'validation.invalid' })),
    outcome: optionalParam(z.enum(AUDIT_OUTCOMES, { error: 'validation.invalid' })),
    from: optionalParam(isoDay),
    to: optionalParam(isoDay),
    page: pageParam({ error: 'validation.invalid' }),
  })
  .check(z.refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], error: 'validation.dateRange' }));
export type ActivityFilters = z.infer<typeof activityFilterSchema>;

export const agentListSchema = z.object({
  q: optionalParam(z.pipe(z.string().check(z.maxLength(80)), z.transform(withoutControlChars))),
  page: pageParam(),
});

export const metricsRangeSchema = z.object({ days: optionalParam(z.pipe(z.coerce.number(), z.union([z.literal(7), z.literal(14), z.literal(30)]))) });

/**
 * What a browser may report about a failed fingerprint capture: a code of our RD message table,
 * where, and the scanner model; never PID, and never the device's free-text errInfo (an errInfo
 * sent anyway is dropped with the other unknown keys). lib/telemetry/device-errors.ts decides what is kept.
 */
export const deviceErrorSchema = z.object({
  errCode: text().check(z.trim(), z.refine(isTelemetryCode, 'validation.invalid')),
  stage: z.optional(z.string().check(z.trim(), z.regex(/^[a-z_.]{2,40}$/, 'validation.invalid'))),
  deviceModel: z.optional(z.pipe(z.pipe(z.string(), z.transform(withoutControlChars)), z.string().check(z.trim(), z.maxLength(80)))),
});
