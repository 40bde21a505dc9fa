import 'server-only';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { ApiError, serviceUnavailable } from '@/lib/api/errors';
import { noteServiceUnavailable } from '@/lib/net/request-outcome';

// The one place that decides whether an error means "the database cannot be reached" (stopped,
// restarting, network gone, every connection busy past the pool's wait, PGlite closed), as opposed
// to a query the database refused. The route wrapper answers the first with 503
// service_unavailable; pages throw the same ApiError (forPage below). Drizzle wraps the driver's
// error (DrizzleQueryError, `cause`), so the whole cause chain is read.

/** SQLSTATEs of a server that is going away, starting up or out of connection slots. */
const UNAVAILABLE_SQLSTATE = /^(08\w{3}|57P0[123]|53300)$/;

/** Socket failures (Node's errno codes) of a connection to the database. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** The driver's own words for a lost or never-made connection (pg, pg-pool, PGlite); they carry no code. */
const CONNECTION_MESSAGES = [
  /^Connection terminated\b/, // unexpectedly, or due to connection timeout
  /^timeout exceeded when trying to connect$/,
  /^Client (?:has encountered a connection error|was closed) and is not queryable$/,
  /^PGlite is closed$/,
];

/** Marks errors the pool itself raised (a connect that failed): their socket codes are the database's. */
const FROM_POOL = Symbol.for('agent-desk.db.pool-error');

export function markPoolError(err: unknown): unknown {
  if (err && typeof err === 'object' && !Object.isFrozen(err)) Object.defineProperty(err, FROM_POOL, { value: true });
  return err;
}

function causeChain(err: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = err;
  while (current && typeof current === 'object' && chain.length < 6 && !chain.includes(current)) {
    chain.push(current);
    // An AggregateError (a host name with several addresses, each refused) counts as its first.
    const errors = (current as { errors?: unknown }).errors;
    current = (current as { cause?: unknown }).cause ?? (Array.isArray(errors) ? errors[0] : undefined);
  }
  return chain;
}

const codeOf = (e: unknown) => (e as { code?: unknown }).code;
const isQueryError = (e: unknown) =>
  e instanceof DrizzleQueryError || (typeof (e as { query?: unknown }).query === 'string' && Array.isArray((e as { params?: unknown }).params));

/** Whether `err` means the database cannot be reached right now (so trying again later may work). */
export function isDatabaseUnavailable(err: unknown): boolean {
  const chain = causeChain(err);
  // A socket code is the database's only when a query or the pool raised it: a fetch elsewhere
  // can be refused too.
  const fromDatabase = chain.some((e) => isQueryError(e) || (e as Record<symbol, unknown>)[FROM_POOL] === true);
  return chain.some((e) => {
    const code = codeOf(e);
    if (typeof code === 'string' && UNAVAILABLE_SQLSTATE.test(code) && 'severity' in (e as object)) return true;
    if (!fromDatabase) return false;
    if (typeof code === 'string' && SOCKET_CODES.has(code)) return true;
    const message = e instanceof Error ? e.message : '';
    return CONNECTION_MESSAGES.some((re) => re.test(message));
  });
}

/**
 * A page's data: a database that cannot be reached becomes the 503 ApiError, whose digest Next
 * hands to the page's error boundary (it keeps a thrown error's own digest), so the page says
 * what the API says; the front server gives the page that status too (scripts/serve.ts).
 * Anything else is rethrown as it was.
 */
export async function forPage<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof ApiError || !isDatabaseUnavailable(err)) throw err;
    const unavailable = serviceUnavailable();
    noteServiceUnavailable(Number(unavailable.options.headers?.['retry-after']));
    throw unavailable;
  }
}
