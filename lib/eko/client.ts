import 'server-only';
import { getConfig } from '@/lib/config';
import type { EkoConfig } from '@/lib/config/schema';
import { logger } from '@/lib/log';
import type { EkoEndpoint } from './endpoints';
import { type EkoEnvelope, failureReason, readEnvelope } from './envelope';
import { EkoHttpError, type EkoHttpAnswer, ekoExchange } from './http';
import { newClientRefId, scrubUpstreamText } from './references';
import { ekoAuthHeaders, requestHash } from './sign';

export { newClientRefId, scrubUpstreamText } from './references';

/** Why a call produced no usable Eko answer. */
export type UpstreamCause = 'timeout' | 'network' | 'server_error' | 'forbidden' | 'http_error' | 'not_json' | 'bad_envelope';

export type EkoFailure =
  | {
      kind: 'business';
      status: number | null;
      responseStatusId: number | null;
      responseTypeId: number | null;
      message: string;
      reason: string | null;
      /** Keyed by our field names (endpoint fieldMap applied). */
      invalidParams: Record<string, string> | null;
      /** The answer's data (a declined transfer's tid and balance); server-side only, never logged. */
      data: Record<string, unknown>;
    }
  | { kind: 'upstream'; cause: UpstreamCause; httpStatus: number | null };

/** What the audit trail records for every call. */
export interface EkoCallMeta {
  action: string;
  startedAt: Date;
  clientRefId: string | null;
  latencyMs: number;
  attempts: number;
  httpStatus: number | null;
  status: number | null;
  responseTypeId: number | null;
}

export type EkoResult<T> = ({ ok: true; value: T } | { ok: false; failure: EkoFailure }) & { meta: EkoCallMeta };

export interface EkoCallInput<Path, Body> {
  path: Path;
  body: Body;
  userCode: string;
  /**
   * The client_ref_id of a money call, written into its transaction row before the call
   * (lib/transfers): one attempt, one reference. Other calls get a fresh one here.
   */
  clientRefId?: string;
  /**
   * What `request_hash` covers after the timestamp (AePS transactions: the plain Aadhaar, the
   * amount as sent, the user_code; docs/eko-api.md §4). Held in memory for this call only.
   */
  requestHashParts?: readonly string[];
}

type Attempt = { kind: 'answer'; httpStatus: number; envelope: EkoEnvelope } | { kind: 'failed'; cause: UpstreamCause; httpStatus: number | null };

const RETRYABLE_HTTP = new Set([502, 503, 504]);

/** The signed headers of one attempt; `request_hash` uses the very timestamp of `secret-key-timestamp`. */
function attemptHeaders(credentials: EkoConfig, hashParts: readonly string[] | undefined): Record<string, string> {
  const headers = ekoAuthHeaders(credentials);
  if (hashParts) headers.request_hash = requestHash(credentials.accessKey, headers['secret-key-timestamp']!, hashParts);
  return headers;
}

async function attempt(
  url: string,
  init: { method: string; body?: string },
  timeoutMs: number,
  credentials: EkoConfig,
  hashParts?: readonly string[],
): Promise<Attempt> {
  let res: EkoHttpAnswer;
  try {
    // Signed afresh for every attempt: a reused timestamp is a 403.
    res = await ekoExchange(url, { ...init, headers: attemptHeaders(credentials, hashParts), timeoutMs });
  } catch (err) {
    const failed = err instanceof EkoHttpError ? err : new EkoHttpError('network', null);
    return { kind: 'failed', cause: failed.cause, httpStatus: failed.httpStatus };
  }
  const { text } = res;
  if (res.status === 403) return { kind: 'failed', cause: 'forbidden', httpStatus: 403 };
  if (res.status >= 500) return { kind: 'failed', cause: 'server_error', httpStatus: res.status };
  if (res.status !== 200) return { kind: 'failed', cause: 'http_error', httpStatus: res.status };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'failed', cause: 'not_json', httpStatus: res.status };
  }
  const envelope = readEnvelope(json);
  if (!envelope) return { kind: 'failed', cause: 'bad_envelope', httpStatus: res.status };
  return { kind: 'answer', httpStatus: res.status, envelope };
}

function mapInvalidParams(raw: Record<string, string> | null, fieldMap: Readonly<Record<string, string>>) {
  if (!raw) return null;
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(raw)) out[fieldMap[field] ?? field] = scrubUpstreamText(message);
  return out;
}

/** One signed call to Eko, routed on response_type_id then status, returning a typed result. */
export async function callEko<Path, Body, Out>(
  endpoint: EkoEndpoint<Path, Body, Out>,
  input: EkoCallInput<Path, Body>,
  config: EkoConfig = getConfig().eko,
): Promise<EkoResult<Out>> {
  // A body that breaks the contract is our bug, not the agent's: fail loudly before sending.
  const fields = endpoint.body.parse(input.body) as Record<string, unknown>;
  const clientRefId = endpoint.sendClientRefId ? (input.clientRefId ?? newClientRefId()) : null;
  const common: Record<string, string> = { initiator_id: config.initiatorId, user_code: input.userCode };
  if (clientRefId) common.client_ref_id = clientRefId;
  // The fields older Eko pages list for this row, only where configuration turns them on.
  const legacy = endpoint.legacyFields && config.legacyFields?.includes(endpoint.name ?? '') ? endpoint.legacyFields(input.body) : {};

  let url = config.baseUrl + endpoint.path(input.path);
  const init: { method: string; body?: string } = { method: endpoint.method };
  if (endpoint.method === 'GET') {
    url += `?${new URLSearchParams(common).toString()}`;
  } else {
    init.body = JSON.stringify({ ...common, ...legacy, ...fields });
  }

  const startedAt = new Date();
  const started = performance.now();
  const maxAttempts = endpoint.idempotent ? 2 : 1;
  let result: Attempt;
  let attempts = 0;
  for (;;) {
    attempts += 1;
    result = await attempt(url, init, config.timeoutMs, config, input.requestHashParts);
    const retryable =
      result.kind === 'failed' && (result.cause === 'network' || (result.cause === 'server_error' && RETRYABLE_HTTP.has(result.httpStatus ?? 0)));
    if (!retryable || attempts >= maxAttempts) break;
    await new Promise((r) => setTimeout(r, 250));
  }

  const meta: EkoCallMeta = {
    action: endpoint.action,
    startedAt,
    clientRefId,
    latencyMs: Math.round(performance.now() - started),
    attempts,
    httpStatus: result.httpStatus,
    status: result.kind === 'answer' ? result.envelope.status : null,
    responseTypeId: result.kind === 'answer' ? result.envelope.responseTypeId : null,
  };

  const outcome = finish(endpoint, input, result, meta);
  // What support needs to find the call at Eko; never the body (Aadhaar, PID, OTP travel there).
  logger().info(
    {
      action: meta.action,
      clientRefId: meta.clientRefId,
      httpStatus: meta.httpStatus,
      ekoStatus: meta.status,
      responseTypeId: meta.responseTypeId,
      latencyMs: meta.latencyMs,
      attempts: meta.attempts,
      outcome: outcome.ok ? 'ok' : outcome.failure.kind === 'upstream' ? outcome.failure.cause : 'business',
    },
    'eko call',
  );
  return outcome;
}

function finish<Path, Body, Out>(endpoint: EkoEndpoint<Path, Body, Out>, input: EkoCallInput<Path, Body>, result: Attempt, meta: EkoCallMeta): EkoResult<Out> {
  if (result.kind === 'failed') {
    return { ok: false, failure: { kind: 'upstream', cause: result.cause, httpStatus: result.httpStatus }, meta };
  }
  const env = result.envelope;
  const value = endpoint.normalise(env, input.path);
  if (value !== null) return { ok: true, value, meta };
  if (env.status === 0 && !env.invalidParams) {
    // "Success" in a shape we do not know: never guess what it meant.
    return { ok: false, failure: { kind: 'upstream', cause: 'bad_envelope', httpStatus: result.httpStatus }, meta };
  }
  return {
    ok: false,
    failure: {
      kind: 'business',
      status: env.status,
      responseStatusId: env.responseStatusId,
      responseTypeId: env.responseTypeId,
      message: env.message,
      reason: (() => {
        const reason = failureReason(env);
        return reason === null ? null : scrubUpstreamText(reason);
      })(),
      invalidParams: mapInvalidParams(env.invalidParams, endpoint.fieldMap),
      data: env.data,
    },
    meta,
  };
}
