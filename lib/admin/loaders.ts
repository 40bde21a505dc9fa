import 'server-only';
import { getDb } from '@/lib/db/client';
import { forPage } from '@/lib/db/unavailable';
import { activityBatches, listActivity } from '@/lib/db/queries/activity';
import { listActiveLockouts } from '@/lib/db/queries/lockouts';
import { dailyAuthStatus, deviceErrorsByCode, ekycFunnelPerAgent, ekycFunnelPerDay, lookupsPerDay, topFailureReasons } from '@/lib/db/queries/metrics';
import { listAgents } from '@/lib/db/queries/users';
import type { ActivityFilters } from '@/lib/schemas/admin';

// What the admin pages and their route handlers read, one loader per view: components and app/
// never open the database themselves (the lint rules in eslint.config.mjs hold them to it). The
// pages' own loaders fail with the 503 message when the database cannot be reached (forPage).

export const ADMIN_PAGE_SIZE = 50;

export function loadOverview(days: number) {
  return forPage(async () => {
    const db = await getDb();
    const [lookups, funnelDays, funnelAgents, failures, devices, daily] = await Promise.all([
      lookupsPerDay(db, days),
      ekycFunnelPerDay(db, days),
      ekycFunnelPerAgent(db, days),
      topFailureReasons(db, days),
      deviceErrorsByCode(db, days),
      dailyAuthStatus(db),
    ]);
    return { lookups, funnelDays, funnelAgents, failures, devices, daily };
  });
}

/** The activity table and the agents its filter offers. */
export function loadActivity(filters: ActivityFilters) {
  return forPage(async () => {
    const db = await getDb();
    const [activity, agents] = await Promise.all([listActivity(db, filters, ADMIN_PAGE_SIZE), listAgents(db, { limit: 500, offset: 0 })]);
    return { activity, agents: agents.rows };
  });
}

export async function activityPage(filters: ActivityFilters) {
  return listActivity(await getDb(), filters, ADMIN_PAGE_SIZE);
}

/** Every matching audit row, newest first, in batches (the CSV export). */
export async function activityForExport(filters: ActivityFilters) {
  return activityBatches(await getDb(), filters);
}

export async function agentsPage(opts: { query?: string; page?: number; pageSize?: number }) {
  const pageSize = opts.pageSize ?? ADMIN_PAGE_SIZE;
  return listAgents(await getDb(), { query: opts.query, limit: pageSize, offset: ((opts.page ?? 1) - 1) * pageSize });
}

export function loadAgentsView(query: string) {
  return forPage(async () => {
    const db = await getDb();
    const [agents, lockouts] = await Promise.all([listAgents(db, { query, limit: 200, offset: 0 }), listActiveLockouts(db)]);
    return { ...agents, lockouts };
  });
}

export async function activeLockouts() {
  return listActiveLockouts(await getDb());
}
