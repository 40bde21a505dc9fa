import 'server-only';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import { ApiError } from '@/lib/api/errors';
import { getDb } from '@/lib/db/client';
import { rateLimits } from '@/lib/db/schema';

// Counters live in the database (PGlite or PostgreSQL), so they hold across instances sharing
// DATABASE_URL. Each rule is a number of attempts per window. Login counts failures only
// (rate-limiter-flexible's "login endpoint protection"), so busy counters never lock out agents.

export const RATE_RULES = {
  /** Failed logins per account, and per client address, in 15 minutes. */
  loginPerAccount: { points: 5, duration: 15 * 60 },
  loginPerAddress: { points: 30, duration: 15 * 60 },
} as const;

type RuleName = keyof typeof RATE_RULES;

const limiters = new Map<RuleName, Promise<RateLimiterDrizzle>>();

function limiter(name: RuleName): Promise<RateLimiterDrizzle> {
  let existing = limiters.get(name);
  if (!existing) {
    existing = getDb().then(
      (db) => new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, keyPrefix: name, ...RATE_RULES[name] }),
    );
    limiters.set(name, existing);
    existing.catch(() => limiters.delete(name));
  }
  return existing;
}

function rateLimited(msBeforeNext: number): ApiError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new ApiError('rate_limited', { vars: { minutes: Math.ceil(seconds / 60) }, headers: { 'retry-after': String(seconds) } });
}

/** Counts one attempt; throws 429 (with Retry-After) once the rule's budget is spent. */
export async function consume(name: RuleName, key: string): Promise<void> {
  try {
    await (await limiter(name)).consume(key);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw rateLimited(err.msBeforeNext);
    throw err;
  }
}

/** For rules that count failures only (login): refuse while the budget is spent, without spending. */
export async function assertNotBlocked(name: RuleName, key: string): Promise<void> {
  const res = await (await limiter(name)).get(key);
  if (res && res.consumedPoints >= RATE_RULES[name].points) throw rateLimited(res.msBeforeNext);
}

/** Spends one point for a failed attempt; the next attempt over budget gets the 429. */
export async function recordFailure(name: RuleName, key: string): Promise<void> {
  try {
    await (await limiter(name)).consume(key);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
  }
}

export async function forget(name: RuleName, key: string): Promise<void> {
  await (await limiter(name)).delete(key);
}

/** Tests reopen the database; limiters bound to the old one must go too. */
export function resetRateLimitersForTests(): void {
  limiters.clear();
}

/**
 * The client address as seen by the nearest proxy. `x-forwarded-for` is client-controlled except
 * for its last entry, which Next's own server (or the load balancer in front) appends.
 */
export function clientAddress(req: Request): string {
  const forwarded = req.headers.get('x-forwarded-for');
  const last = forwarded?.split(',').map((s) => s.trim()).filter(Boolean).pop();
  return last || req.headers.get('x-real-ip') || 'unknown';
}
