import { describe, expect, it } from 'vitest';
import { API_ERRORS } from '@/lib/api/errors';
import { translate } from '@/lib/i18n';
import { actionLabel, detailLabel, outcomeLabel } from './labels';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from '@/lib/audit/actions';

// The activity table speaks words, not codes, in both languages (issue 13, item 8).

/** Error codes an Eko call's audit row can carry (lib/eko/failures.ts), found from the error table. */
const EKO_DETAILS = Object.keys(API_ERRORS).filter((c) => /^(eko_|ekyc_|otp_|aeps_|upstream_|sender_)|^invalid_input$/.test(c));
/** What successful calls record (describe() in lib/senders, lib/aeps) and the sign-in details. */
const OTHER_DETAILS = [
  'otp_sent',
  'otp_verified',
  'kyc_completed',
  'ekyc_completed',
  'authenticated',
  'ekyc_required',
  'wallet_opened',
  'already_enrolled',
  'already_kyc',
  'kyc_verified',
  'not_kyc',
  'kyc_pending',
  'not_enrolled',
  'wrong_password',
  'unknown_account',
  'known_device',
  'new_device',
  'inactive',
  'temporary_password_expired',
  'replaced_temporary',
  'loginUnknownDevices',
  'loginKnownDevice',
  'loginPerAddress',
  'mobile_taken',
  'ekoUserCode_taken',
  'command_line',
  'sandbox_off',
  'changed_meanwhile',
  'not_found',
  'adminWrite',
  'passwordChange',
  'recipients:2',
  'recipient_added',
  'recipient_exists',
  'ifsc_found',
  'banks:42',
  ...['success', 'failed', 'awaited', 'hold', 'refund_pending', 'refunded', 'unknown'].map((s) => `tx_${s}`),
  'balance_read',
  'statement_read',
  ...[
    'wrong_otp',
    'otp_consumed',
    'otp_expired',
    'otp_attempts_exhausted',
    'insufficient_balance',
    'limit_exhausted',
    'bank_unavailable',
    'biometric_mismatch',
    'aadhaar_not_linked',
    'insufficient_funds',
    'invalid_biometric',
    'two_fa_required',
    'no_answer',
    'other',
  ].map((r) => `declined:${r}`),
];

describe.each(['en', 'hi'] as const)('activity labels (%s)', (locale) => {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(locale, key, vars);

  it('every detail code reads as words', () => {
    // Refusals carry Eko's code after a colon ("ekyc_verification_failed:2135").
    for (const code of EKO_DETAILS) expect(detailLabel(t, `${code}:2135`), code).not.toContain(code);
    for (const code of [...EKO_DETAILS, ...OTHER_DETAILS]) {
      const [head, tail] = code.split(':') as [string, string | undefined];
      expect(detailLabel(t, code), code).not.toContain(head);
      // A count stays a number; a reason is words too.
      if (tail && !/^\d+$/.test(tail)) expect(detailLabel(t, code), code).not.toContain(tail);
    }
    expect(detailLabel(t, 'loginUnknownDevices:2')).toMatch(/\(2\)$/);
  });

  it('every action and outcome reads as words', () => {
    for (const action of AUDIT_ACTIONS) expect(actionLabel(t, action), action).not.toBe(action);
    for (const outcome of AUDIT_OUTCOMES) expect(outcomeLabel(t, outcome), outcome).not.toBe(outcome);
  });
});
