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
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationS: number;
  headers?: Record<string, string>;
}

export async function runLoad(options: LoadOptions): Promise<LoadRun> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationS,
    headers: options.headers,
    timeout: LOAD_TIMEOUT_S,
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
  };
}

/** What makes a load run a failure: anything but a clean 2xx answer to every request. */
export function loadProblems(run: LoadRun): string[] {
  const problems: string[] = [];
  if (run.requests === 0) problems.push(`no request completed against ${run.url}`);
  if (run.errors > 0) problems.push(`${run.errors} connection errors`);
  if (run.timeouts > 0) problems.push(`${run.timeouts} timeouts (> ${LOAD_TIMEOUT_S} s)`);
  if (run.non2xx > 0) problems.push(`${run.non2xx} non-2xx responses`);
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
export async function warmUp(url: string, headers: Record<string, string>, check: (body: unknown) => boolean, times = 20): Promise<void> {
  for (let i = 0; i < times; i++) {
    const res = await fetch(url, { headers });
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok || !check(body)) throw new Error(`${url} answered HTTP ${res.status} ${JSON.stringify(body)}`);
  }
}
