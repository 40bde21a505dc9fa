import 'server-only';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { ApiError } from '@/lib/api/errors';
import { formatMinutes, intlLocale, type Locale } from '@/lib/i18n';
import { RATE_RULES, type RateRule, type RuleName } from './rules';
import { onForget } from '@/lib/process-state';
import { closeStores, createLimiter } from './store';

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

function refusalOptions(rule: RuleName, msBeforeNext: number): ConstructorParameters<typeof ApiError>[1] {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const minutes = Math.ceil(seconds / 60);
  return {
    messageKey: RATE_RULES[rule].message,
    vars: (locale) => ({ wait: waitInWords(minutes, locale) }),
    headers: { 'retry-after': String(seconds), ...rateLimitHeaders({ limit: RATE_RULES[rule].points, remaining: 0, msBeforeNext }) },
  };
}

/** A refused call: the 429 the agent sees, plus what the refusing budget was (for audit rows). */
export class RateLimitRefusal extends ApiError {
  constructor(
    readonly rule: RuleName,
    readonly key: string,
    msBeforeNext: number,
  ) {
    super('rate_limited', refusalOptions(rule, msBeforeNext));
  }
}

const MAX_LOCKOUT_SECONDS = 24 * 3600;

/** One budget after this call spent its point in it. */
export interface Spent extends LimitCheck {
  remaining: number;
  msBeforeNext: number;
}

/**
 * Spends one point from each budget, in order (list the narrowest first). A refusal throws the
 * 429 of the refusing rule and gives back the points this call already spent, so retrying one
 * blocked sender does not eat into the agent's budget for everyone else.
 */
export async function spend(checks: readonly LimitCheck[]): Promise<Spent[]> {
  const spent: Spent[] = [];
  for (const check of checks) {
    try {
      const res = await (await limiter(check.rule)).consume(check.key);
      spent.push({ ...check, remaining: res.remainingPoints, msBeforeNext: res.msBeforeNext });
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      await giveBack(spent);
      throw new RateLimitRefusal(check.rule, check.key, err.msBeforeNext);
    }
  }
  return spent;
}

/** spend(), returning the budget closest to running out, for the response headers. */
export async function consume(checks: readonly LimitCheck[]): Promise<RateLimitStatus | null> {
  let tightest: RateLimitStatus | null = null;
  for (const s of await spend(checks)) {
    const limit = RATE_RULES[s.rule].points;
    if (!tightest || s.remaining / limit < tightest.remaining / tightest.limit) tightest = { limit, remaining: s.remaining, msBeforeNext: s.msBeforeNext };
  }
  return tightest;
}

export interface Lockout {
  rule: RuleName;
  key: string;
  /** Lockouts in a row (1, 2, 3, …): the wait was the window × 2^(level − 1). */
  level: number;
  until: Date;
}

/**
 * After a failed attempt: a budget this attempt emptied blocks its key from now on, for its window,
 * doubling with each lockout in a row for doubling rules (15 minutes, 30, 60, … up to a day).
 * Starting the lockout on the failure that spends the last point, not on a later call that finds
 * the budget spent, means pacing 5 guesses per window cannot dodge the doubling. The store counts
 * atomically, so of parallel attempts only one empties a budget.
 */
export async function lockOutSpent(spent: readonly Spent[]): Promise<Lockout[]> {
  const lockouts: Lockout[] = [];
  for (const s of spent) {
    if (s.remaining > 0) continue;
    const rule: RateRule = RATE_RULES[s.rule];
    let seconds = Math.ceil(s.msBeforeNext / 1000);
    let level = 1;
    if (rule.doubling) {
      try {
        level = (await (await limiter('lockoutLevel')).consume(`${s.rule}:${s.key}`)).consumedPoints;
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;
        level = err.consumedPoints;
      }
      seconds = Math.min(rule.duration * 2 ** (level - 1), MAX_LOCKOUT_SECONDS);
      await (await limiter(s.rule)).block(s.key, seconds);
    }
    lockouts.push({ rule: s.rule, key: s.key, level, until: new Date(Date.now() + seconds * 1000) });
  }
  return lockouts;
}

/** Returns one point to each budget (an attempt that turned out to be legitimate). */
export async function giveBack(checks: readonly LimitCheck[]): Promise<void> {
  await Promise.all(checks.map(async (c) => (await limiter(c.rule)).reward(c.key, 1)));
}

/** Forgets a budget and its lockout history (an admin lifting a lockout; the owner signing in). */
export async function clearBudget(rule: RuleName, key: string): Promise<void> {
  await Promise.all([(await limiter(rule)).delete(key), (await limiter('lockoutLevel')).delete(`${rule}:${key}`)]);
}

// Limiters are bound to their store: with the store they go (a new database or RATE_LIMIT_STORE).
onForget('rateLimiters', async () => {
  limiters.clear();
  await closeStores();
});
