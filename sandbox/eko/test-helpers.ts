import { afterAll, beforeAll, beforeEach } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../lib/config/schema';
import { ekoAuthHeaders } from '../../lib/eko/sign';
import type { EkoConfig } from '../../lib/config/schema';
import { createEkoSandbox, type EkoSandbox } from './server';
import { forget } from '@/lib/process-state';

/** A sandbox on an ephemeral loopback port, plus the matching client configuration. */
export async function startTestSandbox(overrides: Partial<EkoConfig> = {}): Promise<{ sandbox: EkoSandbox; config: EkoConfig }> {
  const sandbox = createEkoSandbox({ credentials: SANDBOX_CREDENTIALS });
  const baseUrl = await sandbox.listen(0);
  return {
    sandbox,
    config: {
      baseUrl,
      developerKey: SANDBOX_CREDENTIALS.developerKey,
      accessKey: SANDBOX_CREDENTIALS.accessKey,
      initiatorId: SANDBOX_CREDENTIALS.initiatorId,
      timeoutMs: 1500,
      ...overrides,
    },
  };
}

/**
 * For route-handler tests: an Eko sandbox on an ephemeral port that the app's configuration points
 * at (sandbox mode), reset before each test.
 */
export function useEkoSandbox(): { sandbox: () => EkoSandbox } {
  let sandbox: EkoSandbox | undefined;
  beforeAll(async () => {
    const started = await startTestSandbox();
    sandbox = started.sandbox;
    process.env.EKO_SANDBOX_URL = started.config.baseUrl;
    process.env.EKO_TIMEOUT_MS = String(started.config.timeoutMs);
    delete process.env.EKO_BASE_URL;
    await forget('config');
  });
  afterAll(() => sandbox?.close());
  beforeEach(() => sandbox?.reset());
  return { sandbox: () => sandbox! };
}

export interface SandboxAnswer {
  /** 0 when the sandbox did not answer before `timeoutMs`. */
  httpStatus: number;
  /** Whatever Eko shape came back (null for HTML, truncated JSON or no answer). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever shape Eko answered
  json: any;
  text: string;
}

export interface SandboxCallOptions {
  /** Extra headers, e.g. request_hash; computed from the request's timestamp when a function. */
  headers?: Record<string, string> | ((timestamp: string) => Record<string, string>);
  timeoutMs?: number;
  userCode?: string;
  /** The request's clock (ms); its 13-digit form is the signed secret-key-timestamp. */
  now?: number;
}

/**
 * A signed call to the sandbox over real HTTP, as the app's client makes it: initiator_id and
 * user_code in the query (GET) or merged into the JSON body.
 */
export async function callSandbox(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body: Record<string, unknown> = {},
  options: SandboxCallOptions = {},
): Promise<SandboxAnswer> {
  const now = options.now ?? Date.now();
  const auth = ekoAuthHeaders(SANDBOX_CREDENTIALS, now);
  const extra = typeof options.headers === 'function' ? options.headers(auth['secret-key-timestamp']!) : (options.headers ?? {});
  const common = { initiator_id: SANDBOX_CREDENTIALS.initiatorId, user_code: options.userCode ?? SANDBOX_CREDENTIALS.userCode };
  const url = method === 'GET' ? `${baseUrl}${path}?${new URLSearchParams(common)}` : `${baseUrl}${path}`;
  try {
    const res = await fetch(url, {
      method,
      headers: { ...auth, ...extra },
      body: method === 'GET' ? undefined : JSON.stringify({ ...common, ...body }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* HTML or truncated bodies stay in `text` */
    }
    return { httpStatus: res.status, json, text };
  } catch (err) {
    if ((err as Error).name === 'TimeoutError') return { httpStatus: 0, json: null, text: 'timeout' };
    throw err;
  }
}

/** The sandbox's control endpoints (not under the Eko base path). */
export async function sandboxControl(baseUrl: string, method: 'GET' | 'PUT' | 'POST', action: string, body?: unknown) {
  const origin = baseUrl.replace(/\/ekoapi\/v3$/, '');
  const res = await fetch(`${origin}/__sandbox/${action}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { httpStatus: res.status, json: (await res.json()) as Record<string, unknown> };
}
