import 'server-only';
import { EKO_RESPONSE_TYPE } from './codes';

/** Eko's response envelope with numbers coerced (they may arrive as strings). docs/eko-api.md §5. */
export interface EkoEnvelope {
  status: number | null;
  responseStatusId: number | null;
  responseTypeId: number | null;
  message: string;
  data: Record<string, unknown>;
  invalidParams: Record<string, string> | null;
  /** The whole body, for answers whose payload sits beside `data` (the bank list). */
  raw: Record<string, unknown>;
}

export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function toText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readInvalidParams(body: Record<string, unknown>): Record<string, string> | null {
  // error-codes.mdx prose calls it invalid_parameters; accept both.
  const raw = body.invalid_params ?? body.invalid_parameters;
  if (!isRecord(raw)) return null;
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(raw)) {
    out[field] = typeof message === 'string' ? message : 'Invalid value';
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** Returns null when the body is not an Eko envelope at all (e.g. `{"message":"No key for Response"}`). */
export function readEnvelope(body: unknown): EkoEnvelope | null {
  if (!isRecord(body)) return null;
  const status = toNumber(body.status);
  if (status === null) return null;
  return {
    status,
    responseStatusId: toNumber(body.response_status_id),
    responseTypeId: toNumber(body.response_type_id),
    message: typeof body.message === 'string' ? body.message : '',
    data: isRecord(body.data) ? body.data : {},
    invalidParams: readInvalidParams(body),
    raw: body,
  };
}

/** docs/eko-api.md §11 rule 4: success is status 0, rsid 0 or -1, rt the step's current rt or 1388. */
export function isStepSuccess(env: EkoEnvelope, typeIds: readonly number[]): boolean {
  return (
    env.status === 0 &&
    (env.responseStatusId === null || env.responseStatusId === 0 || env.responseStatusId === -1) &&
    env.responseTypeId !== null &&
    (typeIds.includes(env.responseTypeId) || env.responseTypeId === EKO_RESPONSE_TYPE.seedSuccess)
  );
}

/** Failure detail: data.description (DMT) or data.reason (AePS). */
export function failureReason(env: EkoEnvelope): string | null {
  return toText(env.data.description) ?? toText(env.data.reason);
}
