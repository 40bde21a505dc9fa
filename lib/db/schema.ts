import { bigint, boolean, date, index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
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
    /** The shop the agent serves from: printed on every receipt. */
    shopName: text(),
    shopAddress: text(),
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

/**
 * Every money movement: DMT transfers and refunds, AePS withdrawals (and, without figures,
 * balance enquiries and mini statements). A row is written in state 'sending' BEFORE Eko is
 * called, keyed by the client_ref_id sent with that one attempt; it then holds what Eko returned.
 * Amounts are paise. No OTP, no Aadhaar, no full account number: the account only masked.
 */
export const transactions = pgTable(
  'transactions',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Sent to Eko as client_ref_id with this attempt only; the receipt number. */
    clientRefId: varchar({ length: 20 }).notNull().unique(),
    kind: varchar({ length: 20 }).notNull(),
    agentId: uuid()
      .notNull()
      .references(() => users.id),
    /** DMT: the sender's mobile. AePS: the customer's. */
    senderMobile: varchar({ length: 10 }).notNull(),
    senderName: text(),
    recipientId: varchar({ length: 24 }),
    recipientName: text(),
    recipientBank: text(),
    recipientIfsc: varchar({ length: 11 }),
    accountMasked: varchar({ length: 24 }),
    /** AePS: the customer's bank (Eko bank code) and the last four digits of their Aadhaar, as receipts print it. */
    bankCode: varchar({ length: 12 }),
    aadhaarLast4: varchar({ length: 4 }),
    /** AePS withdrawal: the customer's bank balance after, for its receipt (enquiries keep no figures). */
    customerBalancePaise: bigint({ mode: 'number' }),
    amountPaise: bigint({ mode: 'number' }).notNull(),
    feeEstimatePaise: bigint({ mode: 'number' }),
    feePaise: bigint({ mode: 'number' }),
    collectablePaise: bigint({ mode: 'number' }),
    walletBalancePaise: bigint({ mode: 'number' }),
    feeMismatch: boolean().notNull().default(false),
    /** The transfer OTP's reference (never the OTP itself). */
    otpRefId: varchar({ length: 100 }),
    state: varchar({ length: 16 }).notNull(),
    ekoTxStatus: smallint(),
    ekoTid: varchar({ length: 40 }),
    bankRef: varchar({ length: 40 }),
    declineReason: varchar({ length: 30 }),
    ekoReason: text(),
    /** A refund row names the transfer it refunds. */
    refundOfId: uuid(),
    refundTid: varchar({ length: 40 }),
    refundedPaise: bigint({ mode: 'number' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finalAt: timestamp({ withTimezone: true }),
    /** The reconciler: when to ask Eko next, how often it has, and which instance holds the row. */
    nextCheckAt: timestamp({ withTimezone: true }),
    checkCount: integer().notNull().default(0),
    lastCheckedAt: timestamp({ withTimezone: true }),
    leaseUntil: timestamp({ withTimezone: true }),
    receiptFirstIssuedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('transactions_agent_created_idx').on(t.agentId, t.createdAt),
    index('transactions_created_idx').on(t.createdAt),
    index('transactions_state_idx').on(t.state, t.nextCheckAt),
    index('transactions_sender_idx').on(t.senderMobile, t.createdAt),
    // One Initiate Transfer per OTP reference, unless the earlier one was declined for a wrong
    // OTP (that attempt moved no money and Eko lets the OTP be typed again).
    uniqueIndex('transactions_otp_ref_once')
      .on(t.otpRefId)
      .where(sql`${t.kind} = 'dmt_transfer' and ${t.otpRefId} is not null and ${t.declineReason} is distinct from 'wrong_otp'`),
    // While a transfer of this sender to this recipient is sending, unknown or in progress, no
    // second one (by any agent): its outcome is not known yet.
    uniqueIndex('transactions_one_pending_per_recipient')
      .on(t.senderMobile, t.recipientId)
      .where(sql`${t.kind} = 'dmt_transfer' and ${t.state} in ('sending', 'unknown', 'awaited', 'hold')`),
    // While a withdrawal for this customer is sending, unknown or pending, no second one: the first
    // may have paid out.
    uniqueIndex('transactions_one_pending_withdrawal_per_customer')
      .on(t.senderMobile)
      .where(sql`${t.kind} = 'aeps_withdrawal' and ${t.state} in ('sending', 'unknown', 'awaited', 'hold')`),
    // One refund of a transfer: a second is refused unless the first was declined (no money moved).
    uniqueIndex('transactions_one_refund_per_transfer')
      .on(t.refundOfId)
      .where(sql`${t.kind} = 'dmt_refund' and ${t.state} <> 'declined'`),
  ],
);

/** Each state a transaction passed through, with when and what said so. */
export const transactionEvents = pgTable(
  'transaction_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    transactionId: uuid()
      .notNull()
      .references(() => transactions.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    fromState: varchar({ length: 16 }),
    toState: varchar({ length: 16 }).notNull(),
    ekoTxStatus: smallint(),
    /** initiate | inquiry | reconciler | refund | recovery */
    source: varchar({ length: 16 }).notNull(),
  },
  (t) => [index('transaction_events_tx_idx').on(t.transactionId, t.at)],
);

/** The Eko bank list, fetched at most once a day (the AePS and recipient forms use it). */
export const referenceCache = pgTable('reference_cache', {
  key: text().primaryKey(),
  value: text().notNull(),
  fetchedAt: timestamp({ withTimezone: true }).notNull(),
});

/** rate-limiter-flexible's Drizzle store. */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  points: integer().notNull(),
  expire: timestamp({ withTimezone: true }),
});

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Transaction = typeof transactions.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
