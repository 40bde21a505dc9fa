// Browser-side fetch for our own route handlers. Errors keep the server's code so the UI can
// pick the message (and, later, the language) itself.
import type { ApiErrorBody, ApiErrorCode } from './errors';

export type ClientErrorCode = ApiErrorCode | 'network' | 'bad_response';

/**
 * After these the browser does not know whether the server got the request, or the server does
 * not know whether Eko did. A read may be tried again; after a money call (a transfer, a
 * withdrawal) its outcome is open, and only the server's answer, read again, says which.
 */
export const OUTCOME_UNKNOWN: ReadonlySet<string> = new Set<ClientErrorCode>([
  'network',
  'bad_response',
  'internal',
  'upstream_timeout',
  'upstream_unavailable',
  'upstream_bad_response',
]);

export class ApiClientError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly status: number | null,
    readonly fields: Record<string, string> = {},
    /** The transaction a money error is about (a pending transfer, the one an OTP was used for). */
    readonly transactionId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiClientError';
  }
}

// Longer than the server's Eko timeout, so the server's clearer message wins the race. The load
// test counts a request as timed out only past this: until then the agent still gets an answer.
export const BROWSER_TIMEOUT_MS = 45_000;

function isErrorBody(value: unknown): value is ApiErrorBody {
  const error = (value as ApiErrorBody | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

export async function apiRequest<T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      headers: init.json === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      cache: 'no-store',
      signal: AbortSignal.timeout(BROWSER_TIMEOUT_MS),
    });
  } catch {
    throw new ApiClientError('network', 'network', null);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiClientError('bad_response', 'bad_response', res.status);
  }
  if (!res.ok) {
    if (isErrorBody(body)) throw new ApiClientError(body.error.code, body.error.message, res.status, body.error.fields, body.error.transactionId ?? null);
    throw new ApiClientError('bad_response', 'bad_response', res.status);
  }
  return body as T;
}
