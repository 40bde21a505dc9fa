import { describe, expect, it } from 'vitest';
import { ACTIVITY_COLUMNS, csvCell, csvHeader, csvRow } from '@/lib/admin/csv';
import { auditEvents, users } from '../schema';
import { createTestUser, useTestDatabase } from '@/test/db';
import { activityBatches, listActivity } from './activity';
import { deviceErrorRecord } from '@/lib/telemetry/device-errors';
import { dailyAuthStatus, deviceErrorsByCode, ekycFunnelPerAgent, ekycFunnelPerDay, lookupsPerDay, recordDeviceError, topFailureReasons } from './metrics';
import { listAgents } from './users';
import { eq } from 'drizzle-orm';

const database = useTestDatabase();

type Event = { action: string; outcome?: string; detail?: string; at: string; userId: string; senderMobile?: string };

async function insertEvents(events: Event[]) {
  await database
    .db()
    .insert(auditEvents)
    .values(
      events.map((e) => ({
        action: e.action,
        outcome: e.outcome ?? 'ok',
        detail: e.detail ?? null,
        at: new Date(e.at),
        userId: e.userId,
        senderMobile: e.senderMobile ?? null,
        latencyMs: 10,
      })),
    );
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

describe('dashboard aggregates', () => {
  it('counts lookups per India calendar day', async () => {
    const agent = await createTestUser('agent');
    // 23:00 IST on one day and 01:00 IST the next are different days, though both are the same UTC day.
    const base = new Date(Date.now() - 3 * 86_400_000);
    const day = base.toISOString().slice(0, 10);
    await insertEvents([
      { action: 'sender.lookup', at: `${day}T17:30:00Z`, userId: agent.id }, // 23:00 IST
      { action: 'sender.lookup', at: `${day}T19:30:00Z`, userId: agent.id, outcome: 'upstream_error', detail: 'upstream_timeout' }, // 01:00 IST next day
      { action: 'sender.lookup', at: `${day}T20:00:00Z`, userId: agent.id }, // 01:30 IST next day
      { action: 'sender.onboard', at: `${day}T20:00:00Z`, userId: agent.id },
    ]);
    const rows = await lookupsPerDay(database.db(), 14);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(rows).toEqual([
      { day, total: 1, ok: 1 },
      { day: next, total: 2, ok: 1 },
    ]);
  });

  it('builds the eKYC funnel per day and per agent, and the top failure reasons', async () => {
    const a = await createTestUser('agent', { name: 'Anil' });
    const b = await createTestUser('agent', { name: 'Bela' });
    const at = hoursAgo(1);
    await insertEvents([
      { action: 'sender.ekyc', at, userId: a.id, outcome: 'business_error', detail: 'eko_rejected:2135' },
      { action: 'sender.ekyc', at, userId: a.id },
      { action: 'sender.ekyc_otp', at, userId: a.id },
      { action: 'sender.ekyc', at, userId: b.id },
      { action: 'sender.ekyc_otp', at, userId: b.id, outcome: 'business_error', detail: 'eko_rejected:2131' },
      { action: 'sender.lookup', at, userId: b.id, outcome: 'upstream_error', detail: 'upstream_timeout' },
      { action: 'sender.lookup', at, userId: a.id, outcome: 'upstream_error', detail: 'upstream_timeout' },
    ]);
    const db = database.db();
    const perDay = await ekycFunnelPerDay(db, 7);
    expect(
      perDay.reduce((s, d) => ({ started: s.started + d.started, otpSent: s.otpSent + d.otpSent, completed: s.completed + d.completed }), {
        started: 0,
        otpSent: 0,
        completed: 0,
      }),
    ).toEqual({
      started: 3,
      otpSent: 2,
      completed: 1,
    });
    const perAgent = await ekycFunnelPerAgent(db, 7);
    expect(perAgent.map(({ name, started, otpSent, completed }) => ({ name, started, otpSent, completed }))).toEqual([
      { name: 'Anil', started: 2, otpSent: 1, completed: 1 },
      { name: 'Bela', started: 1, otpSent: 1, completed: 0 },
    ]);
    expect((await topFailureReasons(db, 7))[0]).toEqual({ action: 'sender.lookup', detail: 'upstream_timeout', total: 2 });
  });

  it('leaves events older than the period out', async () => {
    const agent = await createTestUser('agent');
    await insertEvents([{ action: 'sender.lookup', at: hoursAgo(24 * 20), userId: agent.id }]);
    expect(await lookupsPerDay(database.db(), 14)).toEqual([]);
    expect(await lookupsPerDay(database.db(), 30)).toHaveLength(1);
  });

  it('groups device errors by RD code and counts agents', async () => {
    const a = await createTestUser('agent');
    const b = await createTestUser('agent');
    const db = database.db();
    await recordDeviceError(db, a.id, deviceErrorRecord({ errCode: '720', stage: 'sender.ekyc' }));
    await recordDeviceError(db, a.id, deviceErrorRecord({ errCode: '720' }));
    await recordDeviceError(db, b.id, deviceErrorRecord({ errCode: '720' }));
    await recordDeviceError(db, b.id, deviceErrorRecord({ errCode: '710' }));
    expect(await deviceErrorsByCode(db, 7)).toEqual([
      { errCode: '720', total: 3, agents: 2 },
      { errCode: '710', total: 1, agents: 1 },
    ]);
  });

  it('lists active agents with their AePS dates for the daily-authentication view', async () => {
    const a = await createTestUser('agent', { name: 'Anil' });
    const b = await createTestUser('agent', { name: 'Bela' });
    await createTestUser('admin');
    await database.db().update(users).set({ aepsEkycCompletedOn: '2026-11-01', aepsDailyAuthOn: '2026-11-20' }).where(eq(users.id, a.id));
    await database.db().update(users).set({ active: false }).where(eq(users.id, b.id));
    expect(await dailyAuthStatus(database.db())).toEqual([
      { agentId: a.id, name: 'Anil', mobile: a.mobile, ekycCompletedOn: '2026-11-01', lastDailyAuthOn: '2026-11-20' },
    ]);
  });
});

describe('activity table and export', () => {
  it('filters by agent, action, outcome and India date range, newest first, paginated', async () => {
    const a = await createTestUser('agent', { name: 'Anil' });
    const b = await createTestUser('agent', { name: 'Bela' });
    await insertEvents([
      { action: 'sender.lookup', at: '2026-11-10T18:29:00Z', userId: a.id }, // 23:59 IST 10 Nov
      { action: 'sender.lookup', at: '2026-11-10T18:31:00Z', userId: a.id }, // 00:01 IST 11 Nov
      { action: 'sender.onboard', at: '2026-11-11T10:00:00Z', userId: b.id, outcome: 'business_error', detail: 'eko_invalid_params' },
      { action: 'sender.lookup', at: '2026-11-12T10:00:00Z', userId: b.id },
    ]);
    const db = database.db();
    expect((await listActivity(db, { from: '2026-11-11', to: '2026-11-11' })).rows.map((r) => r.at.toISOString())).toEqual([
      '2026-11-11T10:00:00.000Z',
      '2026-11-10T18:31:00.000Z',
    ]);
    expect((await listActivity(db, { agent: b.id, action: 'sender.lookup' })).total).toBe(1);
    expect((await listActivity(db, { outcome: 'business_error' })).rows[0]).toMatchObject({
      agentName: 'Bela',
      action: 'sender.onboard',
      detail: 'eko_invalid_params',
    });
    const page2 = await listActivity(db, { page: 2 }, 3);
    expect(page2).toMatchObject({ total: 4, page: 2, pages: 2 });
    expect(page2.rows).toHaveLength(1);
    expect((await listActivity(db, { page: 99 }, 3)).page).toBe(2);
  });

  it('streams every matching row in batches', async () => {
    const a = await createTestUser('agent');
    await insertEvents(Array.from({ length: 25 }, (_, i) => ({ action: 'sender.lookup', at: hoursAgo(i), userId: a.id, senderMobile: '9000000001' })));
    const sizes: number[] = [];
    for await (const batch of activityBatches(database.db(), {}, 10)) sizes.push(batch.length);
    expect(sizes).toEqual([10, 10, 5]);
  });

  it('writes CSV that spreadsheets cannot execute', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(null)).toBe('');
    expect(csvHeader(ACTIVITY_COLUMNS)).toMatch(/^time,agent,agent_mobile,action,sender_mobile,target,target_mobile,client_address,outcome/);
    const base = {
      id: 1,
      at: new Date('2026-11-01T00:00:00Z'),
      agentName: 'A',
      agentMobile: '9',
      targetName: null,
      targetMobile: null,
      clientAddress: null,
      detail: null,
      aadhaarLast4: null,
    };
    const lookup = csvRow(ACTIVITY_COLUMNS, {
      ...base,
      action: 'sender.lookup',
      senderMobile: '9000000001',
      outcome: 'ok',
      ekoStatus: 0,
      ekoResponseTypeId: 309,
      latencyMs: 5,
      clientRefId: 'X',
    });
    expect(lookup).toBe('2026-11-01T00:00:00.000Z,A,9,sender.lookup,9000000001,,,,ok,,0,309,5,X,\r\n');
    const reset = csvRow(ACTIVITY_COLUMNS, {
      ...base,
      action: 'admin.password_reset',
      senderMobile: null,
      targetName: 'Ravi',
      targetMobile: '9811111111',
      clientAddress: '203.0.113.5',
      outcome: 'ok',
      ekoStatus: null,
      ekoResponseTypeId: null,
      latencyMs: 40,
      clientRefId: null,
    });
    expect(reset).toBe('2026-11-01T00:00:00.000Z,A,9,admin.password_reset,,Ravi,9811111111,203.0.113.5,ok,,,,40,,\r\n');
  });

  it('searches agents by name, mobile and user code', async () => {
    await createTestUser('agent', { name: 'Kamala Devi', mobile: '9822222222', ekoUserCode: '31000001' });
    await createTestUser('agent', { name: 'Ravi', mobile: '9833333333', ekoUserCode: '31000002' });
    const db = database.db();
    expect((await listAgents(db, { query: 'kamala', limit: 10, offset: 0 })).rows.map((r) => r.name)).toEqual(['Kamala Devi']);
    expect((await listAgents(db, { query: '98333', limit: 10, offset: 0 })).rows.map((r) => r.name)).toEqual(['Ravi']);
    expect((await listAgents(db, { query: '31000001', limit: 10, offset: 0 })).total).toBe(1);
    expect((await listAgents(db, { query: '%', limit: 10, offset: 0 })).total).toBe(0);
  });
});
