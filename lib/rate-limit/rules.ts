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
}

export const RATE_RULES = {
  /** Failed logins per account, and per client address (login only counts failures). */
  loginPerAccount: { points: 5, duration: 15 * MINUTE, message: 'errors.rate_limited' },
  loginPerAddress: { points: 30, duration: 15 * MINUTE, message: 'errors.rate_limited' },

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
