import autocannon from 'autocannon';
import { BROWSER_TIMEOUT_MS } from '../../lib/api/client';

// One autocannon run reduced to the figures we report. Used by the load test (which asserts only
// that nothing failed) and by the benchmark (which compares routes); neither asserts speed, since
// the machine is small and shared.

/**
 * A request counts as timed out when the agent's browser would have given up on it (the app's
 * own fetch deadline). Anything faster was answered, however slowly: latency is reported, and on
 * a shared 2-core machine 200 connections can queue for several seconds without anything failing.
 */
export const LOAD_TIMEOUT_S = BROWSER_TIMEOUT_MS / 1000;

export interface LoadRun {
  url: string;
  connections: number;
  durationS: number;
  requests: number;
  /** Mean requests per second over the run. */
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Of the non-2xx, those refused by a rate limit. */
  rateLimited: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationS: number;
  headers?: Record<string, string>;
  /**
   * Headers taken in turn, one set per request (each agent's session cookie): the load of many
   * counters, none of which may spend more than its own budget. The connections, the URL and the
   * duration stay what they are; only whose cookie a request carries changes.
   */
  rotate?: readonly Record<string, string>[];
}

/** One set after another, request by request (shared by every connection). */
export function rotation(sets: readonly Record<string, string>[] | undefined): () => Record<string, string> {
  let next = 0;
  return () => (sets && sets.length > 0 ? sets[next++ % sets.length]! : {});
}

export async function runLoad(options: LoadOptions): Promise<LoadRun> {
  const nextHeaders = rotation(options.rotate);
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationS,
    headers: options.headers,
    timeout: LOAD_TIMEOUT_S,
    ...(options.rotate ? { requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, ...nextHeaders() } }) }] } : {}),
  });
  return {
    url: options.url,
    connections: options.connections,
    durationS: result.duration,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    rateLimited: result.statusCodeStats?.['429']?.count ?? 0,
  };
}

/** What makes a load run a failure: anything but a clean 2xx answer to every request. */
export function loadProblems(run: LoadRun): string[] {
  const problems: string[] = [];
  if (run.requests === 0) problems.push(`no request completed against ${run.url}`);
  if (run.errors > 0) problems.push(`${run.errors} connection errors`);
  if (run.timeouts > 0) problems.push(`${run.timeouts} timeouts (> ${LOAD_TIMEOUT_S} s)`);
  if (run.non2xx > 0) problems.push(`${run.non2xx} non-2xx responses`);
  if (run.rateLimited > 0) {
    problems.push(`${run.rateLimited} of them 429: an agent ran out of lookup budget; this machine beats LOOKUP_RATE_CEILING (scripts/lib/agents.ts)`);
  }
  return problems;
}

export const describeRun = (run: LoadRun) =>
  `${run.requests} requests in ${run.durationS.toFixed(1)} s at ${run.connections} connections: ` +
  `${run.rps.toFixed(0)} req/s, latency p50 ${run.p50} ms, p97.5 ${run.p97_5} ms, p99 ${run.p99} ms; ` +
  `${run.errors} errors, ${run.timeouts} timeouts, ${run.non2xx} non-2xx`;

/**
 * The first requests open route chunks and warm the database; they are not what we measure. Also
 * proves the URL answers what we think (a 401 would otherwise be measured as a fast "route").
 */
export async function warmUp(
  url: string,
  headers: Record<string, string>,
  check: (body: unknown) => boolean,
  options: { times?: number; rotate?: readonly Record<string, string>[] } = {},
): Promise<void> {
  const nextHeaders = rotation(options.rotate);
  for (let i = 0; i < (options.times ?? 20); i++) {
    const res = await fetch(url, { headers: { ...headers, ...nextHeaders() } });
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok || !check(body)) throw new Error(`${url} answered HTTP ${res.status} ${JSON.stringify(body)}`);
  }
}
