import type { MessageKey } from '@/lib/i18n';

// Every budget in one table: points per window (seconds), and the message the agent sees once it
// is spent. Keys are the authenticated agent's id or the sender's mobile, never a client address
// (x-forwarded-for is the client's to write), except login, which has no account yet. Every
// route that reaches Eko or writes rows for an agent spends from at least one of them.
//
// How the numbers were chosen:
// - Sender lookup, per agent: 200 in 15 minutes and 1,500 a day. One lookup takes a person at
//   least ~10 s (hear the number, type ten digits, read the card out to the customer): flat out
//   that is 90 in 15 minutes; the desk adds lookups of its own (Refresh, the card re-read after an
//   enrolment or an eKYC, Try again after a dropped connection), so 200 is twice the fastest
//   person, and a flood of thousands a minute from a script stops at 13 a minute. A busy DMT
//   counter serves 150-200 customers on its busiest day with 3-4 lookups each: ~700, so 1,500 a
//   day is twice that, and a stolen or shared login reads at most 1,500 senders' names and
//   limits a day, where enumerating even one city's mobiles takes millions; every lookup is in
//   the admin's activity view too. No per-sender budget: enumeration walks across senders, and
//   one sender looked up by many counters is normal.
// - Enrolment, per sender: 5 an hour. A sender is enrolled once; Eko refusing the details (name
//   with digits, address) is fixed in a try or two, and the agent's form refuses bad input before
//   it costs a point. Five stops one mobile from being enrolled over and over across counters.
// - Enrolment, per agent: 30 an hour. Collecting name, date of birth and address takes a
//   customer at least 2-3 minutes: 20-30 new customers an hour is the most a counter can do. It
//   stops a login from creating wallets for made-up customers under our Eko credentials.
// - Device-error reports, per agent: 60 an hour. A report is sent on each failed capture (which
//   takes the RD service's timeout, seconds) and on each "scanner not found" or "in use" check.
//   A broken scanner shows in the admin's view after a handful of reports; 60 an hour is one a
//   minute kept up for an hour, more than a person retrying can cause, and caps the rows one
//   login can write at 1,440 a day. Reports past it are dropped (the browser ignores the 429).
// - Per sender, 30 in 15 minutes for each eKYC step (eKYC submission, OTP check). One attempt
//   takes an agent at least ~30 s (Aadhaar, consent, capture, Eko's answer), so a real counter,
//   even with a customer whose worn fingers keep failing K-100, cannot go faster; a script can.
//   It also caps the OTP texts one customer's phone can receive through us, across all agents.
// - Per agent, 60 an hour for each eKYC step. Sender eKYC is a one-time upgrade taking a few
//   minutes a customer, so a busy counter upgrades 10-20 customers an hour with a retry or two;
//   60 leaves room for that and stops a stolen or shared login from flooding Eko under our
//   credentials.
// - AePS eKYC and daily authentication are the agent's own: the agent is the "sender" (the OTP
//   goes to the agent's mobile), so they are keyed on the agent alone, with small budgets: the
//   one-time eKYC needs one OTP, a re-sent one at most, and a daily authentication a few captures.
//
// What the test suites spend (counted from the app's request log of a full run; recount when
// adding tests that reuse an account or a fixture sender):
// - The Playwright suite reuses the demo agent and the fixture senders across its tablet and
//   desktop projects in one run against one database (9 minutes here, so one 15-minute window;
//   the PostgreSQL pass runs a subset on a fresh database). The demo agent makes 121 lookups, 4
//   enrolments, 14 device-error reports, 27 eKYC submissions and 17 OTP checks; senders 9000000005
//   and 9000000006 are enrolled twice each (the Eko sandbox forgets enrolments between tests);
//   sender 9000000002 gets 13 eKYC submissions and 7 OTP checks, 9000000008 (the error paths) 12
//   and 8; each AePS test creates its own agent. Every budget keeps at least 1.5x headroom over
//   those counts (the lookup one 1.65x).
// - The load test (200 connections, 10 s on the lookup) and the bench (3 × 5 s of lookups at 10
//   connections) go round-robin over agents they create through the admin API
//   (scripts/lib/agents.ts): as many as LOOKUP_RATE_CEILING lookups a second, three times what one
//   app process serves on the reference machine, need for none to spend more than 80% of its
//   15-minute budget (38 agents for the load test, 57 for the bench).

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface RateRule {
  points: number;
  duration: number;
  message: MessageKey;
  /**
   * The failure that spends the last point blocks the key for the window, doubling with each
   * lockout in a row (15 min, 30, 60, … up to a day); lockouts are recorded for the admins
   * (lib/auth/lockouts.ts).
   */
  doubling?: boolean;
}

export const RATE_RULES = {
  // Sign-in (OWASP's "device cookie" scheme; ASVS V2.2.1). Every attempt spends a point before
  // the password is checked, so a burst of parallel guesses cannot all be checked; a correct
  // password gives its point back. The budgets:
  // - Per account, every browser that never signed in to it shares 5 checks in 15 minutes:
  //   an online guesser gets 5, then waits 15 minutes, then 30, 60, … (the wait doubles with
  //   each lockout in a row, up to a day): at most about 35 guesses a day per account. The owner
  //   who mistypes 5 times on a new browser waits 15 minutes.
  // - A browser that signed in to the account before (it holds our signed device cookie for it)
  //   has 5 of its own: a stranger spending the shared budget never locks the owner out there.
  // - Per address, 30 in 15 minutes against guessing across many accounts from one place; known
  //   browsers are exempt (their budget is already their own, and shops share addresses: one
  //   café's customers, or a mobile carrier's NAT, must not lock out an agent).
  loginUnknownDevices: { points: 5, duration: 15 * MINUTE, message: 'errors.rate_limited.login', doubling: true },
  loginKnownDevice: { points: 5, duration: 15 * MINUTE, message: 'errors.rate_limited.login', doubling: true },
  loginPerAddress: { points: 30, duration: 15 * MINUTE, message: 'errors.rate_limited.loginAddress' },
  /** Lockouts in a row per blocked key, which set the doubling (reset a day after the first). */
  lockoutLevel: { points: 1_000, duration: 24 * HOUR, message: 'errors.rate_limited' },
  /**
   * Changing one's password checks the current one: 5 in 15 minutes per user, doubling like
   * sign-in, so a stolen session cannot be used to guess the password behind it.
   */
  passwordChange: { points: 5, duration: 15 * MINUTE, message: 'errors.rate_limited', doubling: true },
  /**
   * Audit rows for refused (blocked) attempts: 10 per key in 15 minutes are written, the rest
   * only counted by the limiter, so a flood of blocked guesses cannot grow the audit table
   * without end while every lockout still shows.
   */
  auditBlocked: { points: 10, duration: 15 * MINUTE, message: 'errors.rate_limited' },
  /**
   * Admin writes (create, activate, deactivate, reset a password, lift a lockout): 120 in 15
   * minutes per admin. Onboarding a batch of agents by hand is a few a minute; a script with a
   * stolen admin session is stopped before it can churn the whole network.
   */
  adminWrite: { points: 120, duration: 15 * MINUTE, message: 'errors.rate_limited' },

  /** Sender lookups (Get Sender Information at Eko), per agent: a burst window and a daily one. */
  senderLookupPerAgent: { points: 200, duration: 15 * MINUTE, message: 'errors.rate_limited.senderLookup' },
  senderLookupPerAgentDaily: { points: 1500, duration: DAY, message: 'errors.rate_limited.senderLookupDaily' },
  /** Sender enrolment (Onboard Sender at Eko: creates the customer's wallet). */
  senderOnboardPerSender: { points: 5, duration: HOUR, message: 'errors.rate_limited.senderOnboard' },
  senderOnboardPerAgent: { points: 30, duration: HOUR, message: 'errors.rate_limited.agentOnboard' },

  /** Sender eKYC submissions (Aadhaar + fingerprint; each success texts the sender an OTP). */
  senderEkycPerSender: { points: 30, duration: 15 * MINUTE, message: 'errors.rate_limited.senderEkyc' },
  senderEkycPerAgent: { points: 60, duration: HOUR, message: 'errors.rate_limited.agentEkyc' },
  /** Sender eKYC OTP checks. */
  senderOtpPerSender: { points: 30, duration: 15 * MINUTE, message: 'errors.rate_limited.senderOtp' },
  senderOtpPerAgent: { points: 60, duration: HOUR, message: 'errors.rate_limited.agentOtp' },

  /** The agent's own AePS one-time eKYC: OTPs sent to the agent's mobile, and their checks. */
  aepsOtpSend: { points: 5, duration: 15 * MINUTE, message: 'errors.rate_limited.aepsOtpSend' },
  aepsOtpVerify: { points: 10, duration: 15 * MINUTE, message: 'errors.rate_limited.aepsOtpVerify' },
  /** The agent's fingerprint: the eKYC's biometric step, and the daily authentication. */
  aepsBiometric: { points: 10, duration: 15 * MINUTE, message: 'errors.rate_limited.aepsFingerprint' },
  aepsDailyAuth: { points: 10, duration: 15 * MINUTE, message: 'errors.rate_limited.aepsFingerprint' },

  // Money movement (DMT-Fino). A transfer takes a counter at least a minute (amount, confirm,
  // the OTP read out by the sender); Eko wants a minute between OTPs and locks an OTP reference
  // for 15 minutes after three wrong ones. So:
  // - Per sender, 20 transfer OTPs (and 20 transfer submissions) in 15 minutes: a real counter
  //   sends one a minute at most, with a wrong OTP or two re-typed; it also caps the texts one
  //   customer's phone can get through us across all agents.
  // - Per agent, 120 an hour of each: a busy counter does 20-30 transfers an hour; twice that with
  //   every one retried still fits, and a script with a stolen login stops there.
  // - Recipients are read each time a sender's card opens (300 in 15 minutes, beside the 200
  //   lookups), added at most 10 an hour per sender and 60 per agent, and the IFSC is looked up as
  //   the agent types a complete code (300 in 15 minutes).
  // - "Check status" and refunds are rare: 240 checks in 15 minutes, 30 refunds (and their OTPs)
  //   an hour per agent.
  // The e2e suite's money specs each use their own agent and send fewer than 10 OTPs to any one
  // fixture sender in a run.
  recipientsReadPerAgent: { points: 300, duration: 15 * MINUTE, message: 'errors.rate_limited' },
  recipientAddPerSender: { points: 10, duration: HOUR, message: 'errors.rate_limited' },
  recipientAddPerAgent: { points: 60, duration: HOUR, message: 'errors.rate_limited' },
  ifscLookupPerAgent: { points: 300, duration: 15 * MINUTE, message: 'errors.rate_limited' },
  bankListPerAgent: { points: 60, duration: 15 * MINUTE, message: 'errors.rate_limited' },
  transferOtpPerSender: { points: 20, duration: 15 * MINUTE, message: 'errors.rate_limited.transferOtp' },
  transferOtpPerAgent: { points: 120, duration: HOUR, message: 'errors.rate_limited.transfers' },
  transferPerSender: { points: 20, duration: 15 * MINUTE, message: 'errors.rate_limited.transfers' },
  transferPerAgent: { points: 120, duration: HOUR, message: 'errors.rate_limited.transfers' },
  transferCheckPerAgent: { points: 240, duration: 15 * MINUTE, message: 'errors.rate_limited' },
  refundPerAgent: { points: 30, duration: HOUR, message: 'errors.rate_limited.transfers' },

  /**
   * A customer's AePS transactions (withdrawal, balance, statement), each a fingerprint at the
   * counter: 10 per customer in 15 minutes (a worn finger retried, a balance then a withdrawal)
   * and 60 per agent (a customer every 15 seconds is more than a counter serves). A script with
   * a stolen login and someone's Aadhaar stops there.
   */
  aepsTransactionPerCustomer: { points: 10, duration: 15 * MINUTE, message: 'errors.rate_limited.aepsCustomer' },
  aepsTransactionPerAgent: { points: 60, duration: 15 * MINUTE, message: 'errors.rate_limited' },

  /** Failed-capture reports for the admin's device-error view (the browser ignores a refusal). */
  deviceErrorsPerAgent: { points: 60, duration: HOUR, message: 'errors.rate_limited' },
} as const satisfies Record<string, RateRule>;

export type RuleName = keyof typeof RATE_RULES;
