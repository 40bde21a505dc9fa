import 'server-only';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { ApiError } from '@/lib/api/errors';
import { formatMinutes } from '@/lib/i18n';
import { RATE_RULES, type RateRule, type RuleName } from './rules';
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

function refusalOptions(rule: RuleName, msBeforeNext: number): ConstructorParameters<typeof ApiError>[1] {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const minutes = Math.ceil(seconds / 60);
  return {
    messageKey: RATE_RULES[rule].message,
    vars: (locale) => ({ wait: formatMinutes(minutes, locale) }),
    headers: { 'retry-after': String(seconds), ...rateLimitHeaders({ limit: RATE_RULES[rule].points, remaining: 0, msBeforeNext }) },
  };
}

/** A refused call: the 429 the agent sees, plus what the refusing budget was (for audit rows). */
export class RateLimitRefusal extends ApiError {
  constructor(
    readonly rule: RuleName,
    readonly key: string,
    msBeforeNext: number,
    /** Set when this very call started a doubling lockout (its level: 1, 2, 3, …). */
    readonly lockout: { level: number; until: Date } | null = null,
  ) {
    super('rate_limited', refusalOptions(rule, msBeforeNext));
  }
}

const MAX_LOCKOUT_SECONDS = 24 * 3600;

/**
 * The first refusal of a doubling rule blocks the key for its window times 2^(lockouts in a row
 * − 1). Only the call that overdraws by exactly one point escalates: the store counts atomically,
 * so of a burst of parallel attempts exactly one sees that count.
 */
async function refusal(rule: RuleName, key: string, res: RateLimiterRes): Promise<RateLimitRefusal> {
  const spec: RateRule = RATE_RULES[rule];
  if (!spec.doubling || res.consumedPoints !== spec.points + 1) return new RateLimitRefusal(rule, key, res.msBeforeNext);
  let level = 1;
  try {
    level = (await (await limiter('lockoutLevel')).consume(`${rule}:${key}`)).consumedPoints;
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    level = err.consumedPoints;
  }
  const seconds = Math.min(spec.duration * 2 ** (level - 1), MAX_LOCKOUT_SECONDS);
  await (await limiter(rule)).block(key, seconds);
  return new RateLimitRefusal(rule, key, seconds * 1000, { level, until: new Date(Date.now() + seconds * 1000) });
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
      await giveBack(spent);
      throw await refusal(check.rule, check.key, err);
    }
    spent.push(check);
    if (!tightest || res.remainingPoints / rule.points < tightest.remaining / tightest.limit) {
      tightest = { limit: rule.points, remaining: res.remainingPoints, msBeforeNext: res.msBeforeNext };
    }
  }
  return tightest;
}

/** Returns one point to each budget (an attempt that turned out to be legitimate). */
export async function giveBack(checks: readonly LimitCheck[]): Promise<void> {
  await Promise.all(checks.map(async (c) => (await limiter(c.rule)).reward(c.key, 1)));
}

/** Forgets a budget and its lockout history (an admin lifting a lockout; the owner signing in). */
export async function clearBudget(rule: RuleName, key: string): Promise<void> {
  await Promise.all([(await limiter(rule)).delete(key), (await limiter('lockoutLevel')).delete(`${rule}:${key}`)]);
}

/**
 * Tests reopen the database and switch stores: limiters bound to the old ones must go, and the
 * counts with them (memory limiters are dropped; our Redis keys are deleted).
 */
export async function resetRateLimitersForTests(): Promise<void> {
  limiters.clear();
  await closeStoresForTests();
}
