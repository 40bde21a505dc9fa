
import { bigint, boolean, date, index, integer, pgEnum, pgTable, smallint, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

// One schema for PGlite and PostgreSQL (migrations in drizzle/). Nothing here ever holds an
// Aadhaar number, PID data or an OTP: at most an Aadhaar's last four digits and a keyed hash.

export const role = pgEnum('role', ['agent', 'admin']);

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    role: role().notNull(),
    name: text().notNull(),
    /** Also the login id. */
    mobile: varchar({ length: 10 }).notNull().unique(),
    /** The agent's Eko user_code; every Eko call is made for it. Null for admins. */
    ekoUserCode: varchar({ length: 12 }),
    passwordHash: text().notNull(),
    active: boolean().notNull().default(true),
    /** Bumped on password reset and deactivation: older session tokens stop working at once. */
    sessionVersion: integer().notNull().default(1),
    /** AePS-Fingpay one-time eKYC and the last daily authentication, as India calendar dates (part 4). */
    aepsEkycCompletedOn: date({ mode: 'string' }),
    aepsDailyAuthOn: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_role_name_idx').on(t.role, t.name)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: uuid().references(() => users.id),
    /** e.g. sender.lookup, sender.onboard, sender.ekyc (the Eko endpoint table's action names). */
    action: text().notNull(),
    senderMobile: varchar({ length: 10 }),
    /** ok | business_error | upstream_error */
    outcome: text().notNull(),
    /** Normalised result: the sender state, the onboarding outcome, or the error code. */
    detail: text(),
    ekoStatus: integer(),
    ekoResponseTypeId: integer(),
    httpStatus: smallint(),
    latencyMs: integer().notNull(),
    attempts: smallint().notNull().default(1),
    clientRefId: varchar({ length: 20 }),
    aadhaarLast4: varchar({ length: 4 }),
    aadhaarHash: varchar({ length: 64 }),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_user_at_idx').on(t.userId, t.at),
    index('audit_events_action_at_idx').on(t.action, t.at),
  ],
);

/** Fingerprint-device failures reported by browsers: the RD errCode only, never PID. */
export const deviceErrors = pgTable(
  'device_errors',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: uuid().references(() => users.id),
    errCode: varchar({ length: 16 }).notNull(),
    errInfo: varchar({ length: 200 }),
    /** Where in the app it happened, e.g. sender.ekyc or aeps.daily_auth. */
    stage: varchar({ length: 40 }),
    deviceModel: varchar({ length: 80 }),
  },
  (t) => [index('device_errors_at_idx').on(t.at)],
);

/** rate-limiter-flexible's Drizzle store. */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  points: integer().notNull(),
  expire: timestamp({ withTimezone: true }),
});

export type User = typeof users.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
