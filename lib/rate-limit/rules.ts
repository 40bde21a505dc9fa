import type { MessageKey } from '@/lib/i18n';

// Every budget in one table: points per window (seconds), and the message the agent sees once it
// is spent. Keys are the authenticated agent's id or the sender's mobile, never a client address
// (x-forwarded-for is the client's to write), except login, which has no account yet.
//
// How the numbers were chosen:
// - Per sender, 30 in 15 minutes for each step (eKYC submission, OTP check). One attempt takes
//   an agent at least ~30 s (Aadhaar, consent, capture, Eko's answer), so a real counter, even
//   with a customer whose worn fingers keep failing K-100, cannot go faster; a script can. It also
//   caps the OTP texts one customer's phone can receive through us, across all agents.
// - Per agent, 60 an hour for each step. Sender eKYC is a one-time upgrade taking a few minutes
//   a customer, so a busy counter upgrades 10-20 customers an hour with a retry or two; 60 leaves
//   room for that and stops a stolen or shared login from flooding Eko under our credentials.
// - AePS eKYC and daily authentication are the agent's own: the agent is the "sender" (the OTP
//   goes to the agent's mobile), so they are keyed on the agent alone, with small budgets: the
//   one-time eKYC needs one OTP, a re-sent one at most, and a daily authentication a few captures.
// - The Playwright suite reuses the demo agent and sender 9000000002 across its tablet and
//   desktop projects in one run against one database: at most 20 eKYC submissions and 12 OTP
//   checks for that sender, 22 and 14 for the demo agent (each AePS test creates its own agent).
//   The budgets keep at least 1.5x headroom over those counts; recount when adding such tests.

const MINUTE = 60;
const HOUR = 60 * MINUTE;

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
} as const satisfies Record<string, RateRule>;

export type RuleName = keyof typeof RATE_RULES;
