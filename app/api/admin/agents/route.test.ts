import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checkSessionToken } from '@/lib/auth/current-user';
import { findUserByMobile } from '@/lib/db/queries/users';
import { auditEvents, deviceErrors } from '@/lib/db/schema';
import { cookieFor, createTestUser, useTestDatabase } from '@/test/db';
import { POST as telemetry } from '../../telemetry/device-errors/route';
import { POST as resetPassword } from './[id]/password/route';
import { PATCH } from './[id]/route';
import { PUT as setShop } from './[id]/shop/route';
import { GET, POST } from './route';

const database = useTestDatabase();
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const json = (method: string, url: string, cookie: string, body?: unknown) =>
  new Request(`http://localhost${url}`, {
    method,
    headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const newAgent = { name: 'Kavita Singh', mobile: '9844444444', ekoUserCode: '20810201', password: 'first-pass-1' };

describe('admin agent management', () => {
  it('creates an agent who can then be listed; a second one with the same mobile is a 409 on the field', async () => {
    const admin = await cookieFor(await createTestUser('admin'));
    const res = await POST(json('POST', '/api/admin/agents', admin, newAgent), ctx());
    expect(res.status).toBe(201);
    expect((await res.json()).agent).toMatchObject({ name: 'Kavita Singh', mobile: '9844444444', ekoUserCode: '20810201', active: true });
    const again = await POST(json('POST', '/api/admin/agents', admin, newAgent), ctx());
    expect(again.status).toBe(409);
    const body = (await again.json()).error;
    expect(body.fields.mobile).toMatch(/already exists/);
    expect(body.message).toBe('This mobile number already belongs to Kavita Singh (9844444444).');
    const list = await (await GET(json('GET', '/api/admin/agents?q=kavita', admin), ctx())).json();
    expect(list.total).toBe(1);
  });

  it('refuses a second agent with the same Eko user code, naming the agent who holds it (409)', async () => {
    const admin = await cookieFor(await createTestUser('admin'));
    expect((await POST(json('POST', '/api/admin/agents', admin, newAgent), ctx())).status).toBe(201);
    const twin = await POST(json('POST', '/api/admin/agents', admin, { ...newAgent, name: 'Someone Else', mobile: '9855555555' }), ctx());
    expect(twin.status).toBe(409);
    const { error } = await twin.json();
    expect(error.fields).toEqual({ ekoUserCode: 'Already used by another agent.' });
    expect(error.message).toBe('This Eko user code is already used by Kavita Singh (9844444444). Each agent needs their own code.');
    expect(await findUserByMobile(database.db(), '9855555555')).toBeUndefined();
  });

  it('leaves an audit row for every admin action: who, whom, outcome, address', async () => {
    const adminUser = await createTestUser('admin');
    const admin = await cookieFor(adminUser);
    const created = (await (await POST(json('POST', '/api/admin/agents', admin, newAgent), ctx())).json()).agent;
    await POST(json('POST', '/api/admin/agents', admin, newAgent), ctx());
    await PATCH(json('PATCH', `/api/admin/agents/${created.id}`, admin, { active: false }), ctx({ id: created.id }));
    await PATCH(json('PATCH', `/api/admin/agents/${created.id}`, admin, { active: true }), ctx({ id: created.id }));
    await resetPassword(json('POST', `/api/admin/agents/${created.id}/password`, admin), ctx({ id: created.id }));
    const rows = await database.db().select().from(auditEvents).orderBy(auditEvents.id);
    expect(rows.map((r) => [r.action, r.outcome, r.detail, r.userId, r.targetUserId, r.targetMobile])).toEqual([
      ['admin.agent_create', 'ok', null, adminUser.id, created.id, '9844444444'],
      ['admin.agent_create', 'refused', 'mobile_taken', adminUser.id, null, '9844444444'],
      ['admin.agent_deactivate', 'ok', null, adminUser.id, created.id, '9844444444'],
      ['admin.agent_activate', 'ok', null, adminUser.id, created.id, '9844444444'],
      ['admin.password_reset', 'ok', null, adminUser.id, created.id, '9844444444'],
    ]);
  });

  it('an action on a missing agent, and one its budget refuses, are in the trail too', async () => {
    const adminUser = await createTestUser('admin');
    const admin = await cookieFor(adminUser);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await resetPassword(json('POST', `/api/admin/agents/${missing}/password`, admin), ctx({ id: missing }))).status).toBe(404);
    const { RATE_RULES } = await import('@/lib/rate-limit');
    const agent = await createTestUser('agent');
    let last = 0;
    for (let i = 0; i <= RATE_RULES.adminWrite.points; i++)
      last = (await PATCH(json('PATCH', `/api/admin/agents/${agent.id}`, admin, { active: true }), ctx({ id: agent.id }))).status;
    expect(last).toBe(429);
    const rows = await database.db().select().from(auditEvents).orderBy(auditEvents.id);
    expect(rows[0]).toMatchObject({ action: 'admin.password_reset', outcome: 'refused', detail: 'not_found', userId: adminUser.id });
    expect(rows.at(-1)).toMatchObject({ action: 'admin.agent_activate', outcome: 'blocked', detail: 'adminWrite', userId: adminUser.id });
  });

  it('keeps the shop the receipts print: at creation, changed later (blank clears it), each change audited', async () => {
    const admin = await cookieFor(await createTestUser('admin'));
    const created = (
      await (
        await POST(
          json('POST', '/api/admin/agents', admin, { ...newAgent, shopName: '  Kavita  Mobile   Point ', shopAddress: 'Shop 4, Main Bazaar, Jaipur' }),
          ctx(),
        )
      ).json()
    ).agent;
    expect(await findUserByMobile(database.db(), '9844444444')).toMatchObject({ shopName: 'Kavita Mobile Point', shopAddress: 'Shop 4, Main Bazaar, Jaipur' });
    const changed = await setShop(
      json('PUT', `/api/admin/agents/${created.id}/shop`, admin, { shopName: 'Kavita Seva Kendra', shopAddress: '' }),
      ctx({ id: created.id }),
    );
    expect(await changed.json()).toEqual({ agent: { id: created.id, shopName: 'Kavita Seva Kendra', shopAddress: null } });
    const tooLong = await setShop(
      json('PUT', `/api/admin/agents/${created.id}/shop`, admin, { shopName: 'x'.repeat(81), shopAddress: '' }),
      ctx({ id: created.id }),
    );
    expect(tooLong.status).toBe(400);
    expect(Object.keys((await tooLong.json()).error.fields)).toEqual(['shopName']);
    const rows = await database.db().select().from(auditEvents).where(eq(auditEvents.action, 'admin.agent_shop'));
    expect(rows).toEqual([expect.objectContaining({ outcome: 'ok', targetUserId: created.id })]);
    const agentCookie = await cookieFor((await findUserByMobile(database.db(), '9844444444'))!);
    expect(
      (await setShop(json('PUT', `/api/admin/agents/${created.id}/shop`, agentCookie, { shopName: 'Mine', shopAddress: '' }), ctx({ id: created.id }))).status,
    ).toBe(403);
  });

  it('names each bad field', async () => {
    const admin = await cookieFor(await createTestUser('admin'));
    const res = await POST(json('POST', '/api/admin/agents', admin, { name: '', mobile: '123', ekoUserCode: 'abc', password: 'short' }), ctx());
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).error.fields).sort()).toEqual(['ekoUserCode', 'mobile', 'name', 'password']);
  });

  it('deactivates (ending sessions) and reactivates; resets a password to a one-time temporary one', async () => {
    const admin = await cookieFor(await createTestUser('admin'));
    const agent = await createTestUser('agent');
    const agentToken = (await cookieFor(agent)).split('=')[1];

    const off = await PATCH(json('PATCH', `/api/admin/agents/${agent.id}`, admin, { active: false }), ctx({ id: agent.id }));
    expect(await off.json()).toEqual({ agent: { id: agent.id, active: false } });
    expect((await checkSessionToken(agentToken)).user).toBeNull();
    await PATCH(json('PATCH', `/api/admin/agents/${agent.id}`, admin, { active: true }), ctx({ id: agent.id }));
    expect((await findUserByMobile(database.db(), agent.mobile))?.active).toBe(true);

    const reset = await resetPassword(json('POST', `/api/admin/agents/${agent.id}/password`, admin), ctx({ id: agent.id }));
    const { temporaryPassword, expiresAt } = await reset.json();
    expect(temporaryPassword).toMatch(/^[a-z2-9]{10}$/);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
  });

  it('refuses agents, unknown ids and admin targets', async () => {
    const admin = await cookieFor(await createTestUser('admin'));
    const agent = await createTestUser('agent');
    const asAgent = await cookieFor(agent);
    expect((await POST(json('POST', '/api/admin/agents', asAgent, newAgent), ctx())).status).toBe(403);
    expect((await PATCH(json('PATCH', '/api/admin/agents/x', admin, { active: false }), ctx({ id: 'x' }))).status).toBe(400);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await PATCH(json('PATCH', `/api/admin/agents/${missing}`, admin, { active: false }), ctx({ id: missing }))).status).toBe(404);
    const otherAdmin = await createTestUser('admin');
    expect((await resetPassword(json('POST', `/api/admin/agents/${otherAdmin.id}/password`, admin), ctx({ id: otherAdmin.id }))).status).toBe(404);
  });
});

describe('device-error telemetry', () => {
  it('stores the RD error code for the signed-in agent, and nothing PID-like', async () => {
    const agent = await createTestUser('agent');
    const cookie = await cookieFor(agent);
    const ok = await telemetry(
      json('POST', '/api/telemetry/device-errors', cookie, { errCode: '720', errInfo: 'Device not ready', stage: 'sender.ekyc' }),
      ctx(),
    );
    expect(ok.status).toBe(202);
    const pid = await telemetry(json('POST', '/api/telemetry/device-errors', cookie, { errCode: '<PidData><Skey>…</Skey></PidData>' }), ctx());
    expect(pid.status).toBe(400);
    const huge = await telemetry(json('POST', '/api/telemetry/device-errors', cookie, { errCode: '0', errInfo: 'x'.repeat(5000) }), ctx());
    expect(huge.status).toBe(413);
    const rows = await database.db().select().from(deviceErrors);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: agent.id, errCode: '720', stage: 'sender.ekyc' });
  });
});
