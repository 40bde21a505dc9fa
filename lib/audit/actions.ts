// The audit trail's vocabulary, shared by the writers (server) and the activity filters (a schema
// the admin pages and their route handlers share). Pure: no server-only imports.

/** Eko calls carry their endpoint's action name (lib/eko/endpoints.ts). */
export const EKO_ACTIONS = [
  'sender.lookup',
  'sender.onboard',
  'sender.ekyc',
  'sender.ekyc_otp',
  'aeps.ekyc_send_otp',
  'aeps.ekyc_verify_otp',
  'aeps.ekyc_biometric',
  'aeps.daily_auth',
  'aeps.withdrawal',
  'aeps.balance',
  'aeps.statement',
  'transfer.recipients',
  'transfer.add_recipient',
  'bank.ifsc',
  'bank.list',
  'transfer.otp',
  'transfer.initiate',
  'transfer.inquiry',
  'transfer.refund_otp',
  'transfer.refund',
] as const;
export const AUTH_ACTIONS = ['auth.login', 'auth.logout', 'auth.logout_all', 'auth.password_change'] as const;
export const ADMIN_ACTIONS = [
  'admin.agent_create',
  'admin.agent_activate',
  'admin.agent_deactivate',
  'admin.agent_shop',
  'admin.password_reset',
  'admin.lockout_clear',
  'admin.transaction_close',
] as const;
export const AUDIT_ACTIONS = [...EKO_ACTIONS, ...AUTH_ACTIONS, ...ADMIN_ACTIONS] as const;
export type SecurityAction = (typeof AUTH_ACTIONS)[number] | (typeof ADMIN_ACTIONS)[number];

/**
 * Eko calls: ok · business_error (Eko said no) · upstream_error (no usable answer).
 * Sign-ins and admin actions: ok · failed (wrong credentials) · blocked (a rate limit) · refused (not allowed).
 */
export const AUDIT_OUTCOMES = ['ok', 'business_error', 'upstream_error', 'failed', 'blocked', 'refused'] as const;
export type SecurityOutcome = 'ok' | 'failed' | 'blocked' | 'refused';
