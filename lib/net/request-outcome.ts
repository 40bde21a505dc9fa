// Shared by the front server (scripts/serve.ts) and the app, like lib/net/peer.ts: what a page's
// rendering found out that decides the response's status, which Next gives a page no way to set
// (only 401/403/404 and redirects). A page that fails because the database cannot be reached would
// leave as a plain 500; a load balancer or the agent's browser should see 503 and Retry-After.
//
// The front server runs each request in a scope of its own (AsyncLocalStorage, found through
// globalThis because the front server and Next's bundles load this module separately); the app
// notes the outage there, and the front server writes 503 in place of the 500.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestOutcome {
  /** Set when the request failed because a service it needs is down: the Retry-After to send. */
  unavailableRetryAfterSeconds: number | null;
}

const KEY = Symbol.for('agent-desk.request-outcome');

function storage(): AsyncLocalStorage<RequestOutcome> {
  const global = globalThis as Record<symbol, AsyncLocalStorage<RequestOutcome> | undefined>;
  return (global[KEY] ??= new AsyncLocalStorage<RequestOutcome>());
}

/** The front server: runs one request's handling with its outcome record. */
export function withRequestOutcome<T>(outcome: RequestOutcome, fn: () => T): T {
  return storage().run(outcome, fn);
}

/** The app: this request is failing because a service it needs cannot be reached. */
export function noteServiceUnavailable(retryAfterSeconds: number): void {
  const outcome = storage().getStore();
  if (outcome) outcome.unavailableRetryAfterSeconds = retryAfterSeconds;
}
