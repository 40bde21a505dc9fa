import 'server-only';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { ApiError } from '@/lib/api/errors';
import { formatMinutes, intlLocale, type Locale } from '@/lib/i18n';
import { RATE_RULES, type RuleName } from './rules';
import { closeStoresForTests, createLimiter } from './store';

export { RATE_RULES, type RuleName } from './rules';

const limiters = new Map<RuleName, Promise<RateLimiterAbstract>>();

function limiter(name: RuleName): Promise<RateLimiterAbstract> {
  let existing = limiters.get(name);
  if (!existing) {
    existing = createLimiter(name, RATE_RULES[name]);
    limiters.set(name, existing);
    existing.catch(() => limiters.delete(name));
  }
  return existing;
}

/** One budget a call spends: a rule and whose budget it is (an agent id or a sender mobile). */
export interface LimitCheck {
  rule: RuleName;
  key: string;
}

export interface RateLimitStatus {
  limit: number;
  remaining: number;
  msBeforeNext: number;
}

export function rateLimitHeaders(status: RateLimitStatus): Record<string, string> {
  return {
    'x-ratelimit-limit': String(status.limit),
    'x-ratelimit-remaining': String(status.remaining),
    // When the window ends, in Unix seconds (the convention of GitHub's X-RateLimit-Reset).
    'x-ratelimit-reset': String(Math.ceil((Date.now() + status.msBeforeNext) / 1000)),
  };
}

/** A wait as an agent reads it at a glance: minutes up to an hour and a half, then hours (daily budgets). */
function waitInWords(minutes: number, locale: Locale): string {
  if (minutes <= 90) return formatMinutes(minutes, locale);
  return new Intl.NumberFormat(intlLocale[locale], { style: 'unit', unit: 'hour', unitDisplay: 'long' }).format(Math.ceil(minutes / 60));
}

function rateLimited(rule: RuleName, msBeforeNext: number): ApiError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new ApiError('rate_limited', {
    messageKey: RATE_RULES[rule].message,
    vars: (locale) => ({ wait: waitInWords(minutes, locale) }),
    headers: { 'retry-after': String(seconds), ...rateLimitHeaders({ limit: RATE_RULES[rule].points, remaining: 0, msBeforeNext }) },
  });
}

/**
 * Spends one point from each budget, in order (list the narrowest first). A refusal throws the
 * 429 of the refusing rule and gives back the points this call already spent, so retrying one
 * blocked sender does not eat into the agent's budget for everyone else. Returns the budget
 * closest to running out, for the response headers.
 */
export async function consume(checks: readonly LimitCheck[]): Promise<RateLimitStatus | null> {
  const spent: LimitCheck[] = [];
  let tightest: RateLimitStatus | null = null;
  for (const check of checks) {
    const rule = RATE_RULES[check.rule];
    let res: RateLimiterRes;
    try {
      res = await (await limiter(check.rule)).consume(check.key);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      await Promise.all(spent.map(async (s) => (await limiter(s.rule)).reward(s.key, 1)));
      throw rateLimited(check.rule, err.msBeforeNext);
    }
    spent.push(check);
    if (!tightest || res.remainingPoints / rule.points < tightest.remaining / tightest.limit) {
      tightest = { limit: rule.points, remaining: res.remainingPoints, msBeforeNext: res.msBeforeNext };
    }
  }
  return tightest;
}

/** For rules that count failures only (login): refuse while the budget is spent, without spending. */
export async function assertNotBlocked(name: RuleName, key: string): Promise<void> {
  const res = await (await limiter(name)).get(key);
  if (res && res.consumedPoints >= RATE_RULES[name].points) throw rateLimited(name, res.msBeforeNext);
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

/**
 * Tests reopen the database and switch stores: limiters bound to the old ones must go, and the
 * counts with them (memory limiters are dropped; our Redis keys are deleted).
 */
export async function resetRateLimitersForTests(): Promise<void> {
  limiters.clear();
  await closeStoresForTests();
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
