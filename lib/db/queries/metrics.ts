import 'server-only';
import { and, asc, count, countDistinct, desc, eq, gte, ne, sql } from 'drizzle-orm';
import type { DeviceErrorRecord } from '@/lib/telemetry/device-errors';
import type { Db } from '../client';
import { auditEvents, deviceErrors, users } from '../schema';
import { INDIA_TZ } from './activity';

// Dashboard figures, all computed by SQL aggregates (never by loading rows into the app).

const since = (days: number) => sql`now() - make_interval(days => ${days})`;
const indiaDay = (column: typeof auditEvents.at | typeof deviceErrors.at) => sql<string>`to_char(${column} at time zone ${INDIA_TZ}, 'YYYY-MM-DD')`;
const n = (v: unknown) => Number(v ?? 0);

export interface DayCount {
  day: string;
  total: number;
  ok: number;
}

export async function lookupsPerDay(db: Db, days: number): Promise<DayCount[]> {
  const day = indiaDay(auditEvents.at);
  const rows = await db
    .select({ day, total: count(), ok: sql<number>`count(*) filter (where ${auditEvents.outcome} = 'ok')` })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'sender.lookup'), gte(auditEvents.at, since(days))))
    .groupBy(day)
    .orderBy(asc(day));
  return rows.map((r) => ({ day: r.day, total: n(r.total), ok: n(r.ok) }));
}

export interface Funnel {
  started: number;
  otpSent: number;
  completed: number;
}

// The sender eKYC funnel: started = every Sender eKYC submission, OTP sent = those Eko accepted,
// completed = OTPs validated.
const funnelColumns = {
  started: sql<number>`count(*) filter (where ${auditEvents.action} = 'sender.ekyc')`,
  otpSent: sql<number>`count(*) filter (where ${auditEvents.action} = 'sender.ekyc' and ${auditEvents.outcome} = 'ok')`,
  completed: sql<number>`count(*) filter (where ${auditEvents.action} = 'sender.ekyc_otp' and ${auditEvents.outcome} = 'ok')`,
};
const funnelActions = sql`${auditEvents.action} in ('sender.ekyc', 'sender.ekyc_otp')`;
const toFunnel = (r: { started: unknown; otpSent: unknown; completed: unknown }): Funnel => ({
  started: n(r.started),
  otpSent: n(r.otpSent),
  completed: n(r.completed),
});

export async function ekycFunnelPerDay(db: Db, days: number): Promise<(Funnel & { day: string })[]> {
  const day = indiaDay(auditEvents.at);
  const rows = await db
    .select({ day, ...funnelColumns })
    .from(auditEvents)
    .where(and(funnelActions, gte(auditEvents.at, since(days))))
    .groupBy(day)
    .orderBy(asc(day));
  return rows.map((r) => ({ day: r.day, ...toFunnel(r) }));
}

export async function ekycFunnelPerAgent(db: Db, days: number): Promise<(Funnel & { agentId: string; name: string })[]> {
  const rows = await db
    .select({ agentId: users.id, name: users.name, ...funnelColumns })
    .from(auditEvents)
    .innerJoin(users, eq(users.id, auditEvents.userId))
    .where(and(funnelActions, gte(auditEvents.at, since(days))))
    .groupBy(users.id, users.name)
    .orderBy(desc(funnelColumns.started));
  return rows.map((r) => ({ agentId: r.agentId, name: r.name, ...toFunnel(r) }));
}

export async function topFailureReasons(db: Db, days: number, limit = 8): Promise<{ action: string; detail: string | null; total: number }[]> {
  const total = count();
  const rows = await db
    .select({ action: auditEvents.action, detail: auditEvents.detail, total })
    .from(auditEvents)
    .where(and(ne(auditEvents.outcome, 'ok'), gte(auditEvents.at, since(days))))
    .groupBy(auditEvents.action, auditEvents.detail)
    .orderBy(desc(total))
    .limit(limit);
  return rows.map((r) => ({ ...r, total: n(r.total) }));
}

export async function deviceErrorsByCode(db: Db, days: number): Promise<{ errCode: string; total: number; agents: number }[]> {
  const total = count();
  const rows = await db
    .select({ errCode: deviceErrors.errCode, total, agents: countDistinct(deviceErrors.userId) })
    .from(deviceErrors)
    .where(gte(deviceErrors.at, since(days)))
    .groupBy(deviceErrors.errCode)
    .orderBy(desc(total));
  return rows.map((r) => ({ errCode: r.errCode, total: n(r.total), agents: n(r.agents) }));
}

export interface DailyAuthRow {
  agentId: string;
  name: string;
  mobile: string;
  ekycCompletedOn: string | null;
  lastDailyAuthOn: string | null;
}

/** Active agents with their AePS one-time eKYC date and last daily authentication (part 4 fills them). */
export async function dailyAuthStatus(db: Db): Promise<DailyAuthRow[]> {
  return db
    .select({
      agentId: users.id,
      name: users.name,
      mobile: users.mobile,
      ekycCompletedOn: users.aepsEkycCompletedOn,
      lastDailyAuthOn: users.aepsDailyAuthOn,
    })
    .from(users)
    .where(and(eq(users.role, 'agent'), eq(users.active, true)))
    .orderBy(asc(users.name));
}

/** One report, as lib/telemetry/device-errors.ts reduced it (errInfo is the key of our message, not device text). */
export async function recordDeviceError(db: Db, userId: string, record: DeviceErrorRecord) {
  await db.insert(deviceErrors).values({ userId, ...record });
}
