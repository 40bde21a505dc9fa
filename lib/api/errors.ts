import type { $ZodError } from 'zod/v4/core';
import { DEFAULT_LOCALE, isMessageKey, type Locale, type MessageKey, type MessageVars, translate, translateMaybe } from '@/lib/i18n';

// The one error table. Every error leaves a route handler as
// { "error": { "code", "message", "fields"? } } with the status below; nothing internal leaks.

export const API_ERRORS = {
  invalid_input: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  temporary_password_expired: 401,
  forbidden: 403,
  account_inactive: 403,
  password_change_required: 403,
  conflict: 409,
  rate_limited: 429,
  origin_mismatch: 403,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  aadhaar_key_changed: 409,
  // A sealed Aadhaar refused for its binding (lib/aadhaar/server.ts); each names the field.
  aadhaar_seal_invalid: 400,
  aadhaar_nonce_invalid: 400,
  aadhaar_seal_other_agent: 403,
  aadhaar_seal_other_purpose: 422,
  aadhaar_seal_other_mobile: 422,
  aadhaar_seal_expired: 422,
  ekyc_already_verified: 409,
  ekyc_verification_failed: 422,
  ekyc_bank_relationship: 422,
  sender_not_enrolled: 422,
  otp_wrong: 422,
  otp_expired: 422,
  aeps_not_activated: 422,
  aeps_otp_invalid: 422,
  aeps_ekyc_restart: 422,
  aeps_biometric_invalid: 422,
  aeps_ekyc_required: 422,
  aeps_daily_failed: 422,
  aeps_daily_auth_required: 409,
  withdrawal_pending: 409,
  ifsc_unknown: 404,
  transfer_limit_exhausted: 422,
  transfer_pending: 409,
  otp_already_used: 409,
  refund_not_allowed: 409,
  refund_pending: 409,
  close_not_allowed: 409,
  nothing_sent: 409,
  pan_required: 422,
  amount_over_limit: 422,
  eko_invalid_params: 422,
  eko_rejected: 422,
  eko_agent_not_allowed: 422,
  eko_setup: 502,
  upstream_bad_response: 502,
  upstream_rejected: 502,
  upstream_unavailable: 502,
  upstream_timeout: 504,
  // The database cannot be reached (lib/db/unavailable.ts): with Retry-After, from routes and pages.
  service_unavailable: 503,
  internal: 500,
} as const satisfies Record<string, number>;

export type ApiErrorCode = keyof typeof API_ERRORS;

/** The body every failed route-handler call returns. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; fields?: Record<string, string>; transactionId?: string };
}

/**
 * Codes a page may fail with. Their ApiError carries a digest naming the code: Next hands a thrown
 * error's own digest (and in production nothing else of it) to the page's error boundary, which
 * then says what the API would say instead of "something went wrong".
 */
const PAGE_ERROR_CODES: readonly ApiErrorCode[] = ['service_unavailable'];
const DIGEST_PREFIX = 'agent-desk:';

/** The message an error boundary shows for the digest of the error it caught. */
export function pageErrorMessage(digest: string | undefined): MessageKey {
  const code = digest?.startsWith(DIGEST_PREFIX) ? digest.slice(DIGEST_PREFIX.length) : '';
  return PAGE_ERROR_CODES.includes(code as ApiErrorCode) ? `errors.${code as ApiErrorCode}` : 'errors.internal';
}

/** Long enough for a database restart or a failover, short enough that the agent is not kept waiting. */
export const SERVICE_RETRY_AFTER_SECONDS = 15;

export class ApiError extends Error {
  readonly status: number;
  readonly digest?: string;
  constructor(
    readonly code: ApiErrorCode,
    readonly options: {
      /** Field → catalogue key (translated in the caller's language) or text (Eko's own words). */
      fields?: Record<string, string>;
      /** A function when a value reads differently per language (e.g. "12 minutes" / "12 मिनट"). */
      vars?: MessageVars | ((locale: Locale) => MessageVars);
      messageKey?: MessageKey;
      headers?: Record<string, string>;
      /** The transaction the refusal is about (a pending transfer, the attempt that used an OTP): the UI links to it. */
      transactionId?: string;
    } = {},
  ) {
    super(code);
    this.name = 'ApiError';
    this.status = API_ERRORS[code];
    if (PAGE_ERROR_CODES.includes(code)) this.digest = `${DIGEST_PREFIX}${code}`;
  }

  toBody(locale: Locale = DEFAULT_LOCALE): ApiErrorBody {
    const key: MessageKey = this.options.messageKey ?? `errors.${this.code}`;
    const vars = typeof this.options.vars === 'function' ? this.options.vars(locale) : this.options.vars;
    const body: ApiErrorBody = { error: { code: this.code, message: translate(locale, key, vars).trim() } };
    const fields = Object.entries(this.options.fields ?? {});
    if (fields.length > 0) body.error.fields = Object.fromEntries(fields.map(([f, m]) => [f, translateMaybe(locale, m, vars)]));
    if (this.options.transactionId) body.error.transactionId = this.options.transactionId;
    return body;
  }
}

/** The database (or another service every call needs) cannot be reached: try again shortly. */
export function serviceUnavailable(): ApiError {
  return new ApiError('service_unavailable', { headers: { 'retry-after': String(SERVICE_RETRY_AFTER_SECONDS) } });
}

/** Zod issues → { "address.pincode": "validation.pincode" } (catalogue keys), first issue per field. */
export function fieldsFromZod(error: $ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || 'body';
    if (path in fields) continue;
    fields[path] = isMessageKey(issue.message) ? issue.message : 'validation.invalid';
  }
  return fields;
}
