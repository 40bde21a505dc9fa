import 'server-only';
import { eq } from 'drizzle-orm';
import type { AgentContext } from '@/lib/auth/agent';
import { callEkoAs } from '@/lib/audit/eko-call';
import { getDb } from '@/lib/db/client';
import { referenceCache } from '@/lib/db/schema';
import { ekoEndpoints } from '@/lib/eko/endpoints';
import { logger } from '@/lib/log';
import type { Bank } from '@/lib/transfers/types';
import { FALLBACK_BANKS } from './fallback';

// Eko's bank list, for the AePS bank choice and anything else that names a bank by its code.
// Read from Eko at most once a day (it changes rarely, and it is long); kept in the database so
// every instance shares one copy. When Eko cannot be read, yesterday's copy is better than
// nothing, and the fixed list is better than an empty choice.

const CACHE_KEY = 'eko.banks';
export const BANK_LIST_MAX_AGE_MS = 24 * 3600_000;

export type BankListSource = 'eko' | 'cache' | 'fallback';

function parseCached(value: string): Bank[] | null {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.length > 0 ? (parsed as Bank[]) : null;
  } catch {
    return null;
  }
}

export async function bankList(agent: AgentContext): Promise<{ banks: readonly Bank[]; source: BankListSource; fetchedAt: string | null }> {
  const db = await getDb();
  const [cached] = await db.select().from(referenceCache).where(eq(referenceCache.key, CACHE_KEY)).limit(1);
  const cachedBanks = cached ? parseCached(cached.value) : null;
  if (cached && cachedBanks && Date.now() - cached.fetchedAt.getTime() < BANK_LIST_MAX_AGE_MS) {
    return { banks: cachedBanks, source: 'cache', fetchedAt: cached.fetchedAt.toISOString() };
  }
  const result = await callEkoAs(agent, ekoEndpoints.bankList, { path: {}, body: {} }, { describe: (banks) => `banks:${banks.length}` });
  if (result.ok) {
    const fetchedAt = new Date();
    const value = JSON.stringify(result.value);
    await db.insert(referenceCache).values({ key: CACHE_KEY, value, fetchedAt }).onConflictDoUpdate({ target: referenceCache.key, set: { value, fetchedAt } });
    return { banks: result.value, source: 'eko', fetchedAt: fetchedAt.toISOString() };
  }
  logger().warn({ action: 'bank.list', failure: result.failure.kind }, 'bank list not read from Eko; using the cached or fixed list');
  if (cachedBanks && cached) return { banks: cachedBanks, source: 'cache', fetchedAt: cached.fetchedAt.toISOString() };
  return { banks: FALLBACK_BANKS, source: 'fallback', fetchedAt: null };
}

/** Whether Eko knows this bank code (the AePS handlers check the agent's choice against the list). */
export async function isKnownBank(agent: AgentContext, code: string): Promise<boolean> {
  const { banks } = await bankList(agent);
  return banks.some((b) => b.code === code);
}
