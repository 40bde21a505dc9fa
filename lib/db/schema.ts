
import { bigint, boolean, date, index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { ROLES } from '../auth/roles';

// One schema for PGlite and PostgreSQL (migrations in drizzle/). Nothing here ever holds an
// Aadhaar number, PID data or an OTP: at most an Aadhaar's last four digits. There is no hash of
// the number either: with the last four and the check digit known, about 10^7 candidates remain,
// which a keyed hash only protects while its key stays secret, and no feature needs the match.

export const role = pgEnum('role', ROLES);

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    role: role().notNull(),
    name: text().notNull(),
    /** Also the login id. */
    mobile: varchar({ length: 10 }).notNull().unique(),
    /** The agent's Eko user_code; every Eko call is made for it, so no two agents share one. Null for admins. */
    ekoUserCode: varchar({ length: 12 }),
    passwordHash: text().notNull(),
    active: boolean().notNull().default(true),
    /**
     * Set when someone else chose the password (an admin's reset or first password, a generated
     * one): the user must replace it before doing anything else, and it stops working at
     * passwordExpiresAt.
     */
    passwordMustChange: boolean().notNull().default(false),
    passwordExpiresAt: timestamp({ withTimezone: true }),
    /**
     * Bumped with every password change, reset and "sign out of all devices": a session is valid
     * only while it carries the current number, so a sign-in that was checking the old password
     * while it changed can never outlive the change.
     */
    credentialsVersion: integer().notNull().default(1),
    /** AePS-Fingpay one-time eKYC and the last daily authentication, as India calendar dates (part 4). */
    aepsEkycCompletedOn: date({ mode: 'string' }),
    aepsDailyAuthOn: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_role_name_idx').on(t.role, t.name), uniqueIndex('users_eko_user_code_unique').on(t.ekoUserCode)],
);

/**
 * One row per sign-in. The session cookie names its row, so one session can end on its own
 * (sign out here), or all of a user's at once (sign out everywhere, deactivation, a password
 * reset), and every request sees the revocation at once.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    /** users.credentialsVersion when the password this session proved was checked. */
    credentialsVersion: integer().notNull(),
    /** Last request (written at most once a minute): the idle limit ends a forgotten session. */
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Where the sign-in came from (lib/net/client-address.ts), for the admin's audit view. */
    clientAddress: varchar({ length: 64 }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Sign-in lockouts for the admins' view. The counters themselves live in the rate-limit store
 * (database, memory or Redis); this table only records that a lockout happened, until when, and
 * how many times in a row (each one doubles the wait).
 */
export const loginLockouts = pgTable(
  'login_lockouts',
  {
    /** The rate-limit key that is blocked, e.g. unknown devices of one mobile. */
    key: text().primaryKey(),
    mobile: varchar({ length: 10 }).notNull(),
    userId: uuid().references(() => users.id),
    /** unknown_devices: every browser that never signed in to this account; known_device: one that did. */
    scope: varchar({ length: 20 }).notNull(),
    lockedUntil: timestamp({ withTimezone: true }).notNull(),
    /** How many lockouts in a row (the wait doubles each time). */
    level: smallint().notNull(),
    lastAddress: varchar({ length: 64 }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_lockouts_until_idx').on(t.lockedUntil)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: uuid().references(() => users.id),
    /** Eko calls: sender.lookup, sender.ekyc, … (the endpoint table's names); auth.* and admin.* events. */
    action: text().notNull(),
    senderMobile: varchar({ length: 10 }),
    /** Whom an admin action or a sign-in was about (null for Eko calls). */
    targetUserId: uuid().references(() => users.id),
    /** The mobile a sign-in tried (it may belong to nobody). */
    targetMobile: varchar({ length: 10 }),
    /** The caller's address as lib/net/client-address.ts defines it (sign-ins and admin actions). */
    clientAddress: varchar({ length: 64 }),
    /** Eko calls: ok | business_error | upstream_error. Sign-ins and admin actions: ok | failed | blocked | refused. */
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
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_user_at_idx').on(t.userId, t.at),
    index('audit_events_action_at_idx').on(t.action, t.at),
    index('audit_events_target_at_idx').on(t.targetUserId, t.at),
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
export type Session = typeof sessions.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
