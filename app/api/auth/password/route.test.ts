import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '@/lib/auth/cookies';
import { setUserPassword } from '@/lib/db/queries/users';
import { auditEvents, users } from '@/lib/db/schema';
import { cookieFor, createTestUser, useTestDatabase } from '@/test/db';
import { markFrontServer } from '@/lib/net/peer';
import { POST as createAgent } from '../../admin/agents/route';
import { POST as resetPassword } from '../../admin/agents/[id]/password/route';
import { GET as aepsStatus } from '../../aeps/status/route';
import { POST as login } from '../login/route';
import { POST as logout } from '../logout/route';
import { POST as changePassword } from './route';

// Temporary passwords (security round 2, item 4): a password an admin chose works for a day and
// only to choose one's own; every user can change their password, which ends their other sessions.

const database = useTestDatabase();
const noParams = { params: Promise.resolve({}) };
const ORIGIN = 'http://localhost:3000';
beforeAll(() => markFrontServer());

const post = (handler: typeof login, url: string, body: unknown, cookie?: string) =>
  handler(
    new Request(`${ORIGIN}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    }),
    noParams,
  );
const signIn = async (mobile: string, password: string) => {
  const res = await post(login, '/api/auth/login', { mobile, password });
  const session = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE.plain}=`));
  return { res, body: await res.json(), cookie: session?.split(';')[0] ?? '' };
};
const statusCode = async (cookie: string) => (await aepsStatus(new Request(`${ORIGIN}/api/aeps/status`, { headers: { cookie } }), noParams)).status;

describe('a password an admin chose', () => {
  it('lets the agent do nothing but choose their own, then works normally', async () => {
    const admin = await cookieFor(await createTestUser('admin'));
    expect(
      (await post(createAgent, '/api/admin/agents', { name: 'Kavita Singh', mobile: '9861111111', ekoUserCode: '20819001', password: 'admin-typed-1' }, admin))
        .status,
    ).toBe(201);

    const first = await signIn('9861111111', 'admin-typed-1');
    expect(first.res.status).toBe(200);
    expect(first.body).toMatchObject({ mustChangePassword: true, home: '/account/password' });
    // Every other API refuses this session until the password is the agent's own.
    const refused = await aepsStatus(new Request(`${ORIGIN}/api/aeps/status`, { headers: { cookie: first.cookie } }), noParams);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('password_change_required');

    const changed = await post(changePassword, '/api/auth/password', { currentPassword: 'admin-typed-1', newPassword: 'my own words 42' }, first.cookie);
    expect(changed.status).toBe(200);
    expect(await statusCode(first.cookie)).toBe(200);
    expect((await signIn('9861111111', 'admin-typed-1')).res.status).toBe(401);
    expect((await signIn('9861111111', 'my own words 42')).body.mustChangePassword).toBe(false);
  });

  it('its session ends when the temporary password does, and an expired one cannot be changed', async () => {
    const agent = await createTestUser('agent', { mobile: '9861111114', password: 'admin-typed-4', temporaryUntil: new Date(Date.now() + 60_000) });
    const { res, cookie } = await signIn('9861111114', 'admin-typed-4');
    expect(Number(/Max-Age=(\d+)/.exec(res.headers.getSetCookie()[0]!)![1])).toBeLessThanOrEqual(60);
    const { checkSessionToken } = await import('@/lib/auth/current-user');
    expect((await checkSessionToken(cookie.split('=')[1], new Date(Date.now() + 61_000))).user).toBeNull();
    await database
      .db()
      .update(users)
      .set({ passwordExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(users.id, agent.id));
    const late = await post(changePassword, '/api/auth/password', { currentPassword: 'admin-typed-4', newPassword: 'too late for this' }, cookie);
    expect(late.status).toBe(401);
    expect((await late.json()).error.code).toBe('temporary_password_expired');
  });

  it('stops working after 24 hours', async () => {
    const agent = await createTestUser('agent', { mobile: '9861111112', password: 'admin-typed-2', temporaryUntil: new Date(Date.now() + 60_000) });
    expect((await signIn('9861111112', 'admin-typed-2')).res.status).toBe(200);
    await setUserPassword(database.db(), agent.id, agent.passwordHash, new Date(Date.now() - 1000));
    const expired = await signIn('9861111112', 'admin-typed-2');
    expect(expired.res.status).toBe(401);
    expect(expired.body.error.code).toBe('temporary_password_expired');
  });

  it('an admin’s reset ends the agent’s sessions, is temporary, and leaves an audit row', async () => {
    const adminUser = await createTestUser('admin');
    const admin = await cookieFor(adminUser);
    const agent = await createTestUser('agent', { mobile: '9861111113', password: 'agent-chose-1' });
    const before = (await signIn('9861111113', 'agent-chose-1')).cookie;
    const reset = await resetPassword(
      new Request(`${ORIGIN}/api/admin/agents/${agent.id}/password`, { method: 'POST', headers: { cookie: admin, origin: ORIGIN } }),
      { params: Promise.resolve({ id: agent.id }) },
    );
    const { temporaryPassword } = await reset.json();
    expect(await statusCode(before)).toBe(401);
    const next = await signIn('9861111113', temporaryPassword);
    expect(next.body.mustChangePassword).toBe(true);
    expect(await statusCode(next.cookie)).toBe(403);
    const rows = await database.db().select().from(auditEvents).where(eq(auditEvents.action, 'admin.password_reset'));
    expect(rows).toEqual([expect.objectContaining({ userId: adminUser.id, targetUserId: agent.id, outcome: 'ok' })]);
    // The password itself is never in the trail.
    expect(JSON.stringify(await database.db().select().from(auditEvents))).not.toContain(temporaryPassword);
  });

  it('the sandbox training accounts are exempt', async () => {
    const { ensureDemoAccounts } = await import('@/lib/auth/demo-seed');
    await ensureDemoAccounts();
    const demo = await signIn('9999900002', 'agent-demo-1');
    expect(demo.body.mustChangePassword).toBe(false);
    expect(await statusCode(demo.cookie)).toBe(200);
  });
});

describe('POST /api/auth/password', () => {
  it('checks the current password, refuses weak new ones by field, and ends the user’s other sessions', async () => {
    const agent = await createTestUser('agent', { mobile: '9862222221', password: 'old-password-1' });
    const here = (await signIn('9862222221', 'old-password-1')).cookie;
    const elsewhere = (await signIn('9862222221', 'old-password-1')).cookie;
    const change = (currentPassword: string, newPassword: string) => post(changePassword, '/api/auth/password', { currentPassword, newPassword }, here);

    const wrong = await change('not-it', 'a good new one 7');
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.fields).toEqual({ currentPassword: 'The current password is not right.' });
    for (const [weak, field] of [
      ['short', /12 to 128/],
      ['old-password-1', /different from the current/],
      ['my number 9862222221', /mobile number/],
      ['123456789012', /digits only/],
      ['Password@2024!', /too common/],
      ['abcdefghijklmn', /too common/],
      // Look-alikes are judged as they are hashed (NFKC): full-width digits are an Aadhaar number,
      // Devanagari digits the mobile, a full-width word the famous one.
      ['\uff19\uff19\uff19\uff19\uff19\uff19\uff19\uff19\uff10\uff10\uff11\uff19', /digits only/],
      ['my ९८६२२२२२२१ number', /mobile number/],
      ['\uff30\uff41\uff53\uff53\uff57\uff4f\uff52\uff44@2024', /too common/],
      ['old-password-\uff11', /different from the current/],
    ] as const) {
      const res = await change('old-password-1', weak);
      expect(res.status, weak).toBe(400);
      expect((await res.json()).error.fields.newPassword, weak).toMatch(field);
    }
    expect(await statusCode(elsewhere)).toBe(200);

    expect((await change('old-password-1', 'मेरी दुकान का पासवर्ड')).status).toBe(200);
    expect(await statusCode(here)).toBe(200);
    expect(await statusCode(elsewhere)).toBe(401);
    const rows = await database.db().select().from(auditEvents).where(eq(auditEvents.action, 'auth.password_change'));
    expect(rows.map((r) => r.outcome)).toEqual(['failed', ...Array(9).fill('refused'), 'ok']);
    expect(rows.every((r) => r.userId === agent.id)).toBe(true);
  });

  it('limits guesses of the current password with a stolen session: 5 in 15 minutes', async () => {
    await createTestUser('agent', { mobile: '9862222222', password: 'old-password-2' });
    const cookie = (await signIn('9862222222', 'old-password-2')).cookie;
    for (let i = 0; i < 5; i++)
      expect((await post(changePassword, '/api/auth/password', { currentPassword: `guess-${i}`, newPassword: 'another good one 9' }, cookie)).status).toBe(400);
    expect((await post(changePassword, '/api/auth/password', { currentPassword: 'old-password-2', newPassword: 'another good one 9' }, cookie)).status).toBe(
      429,
    );
  });

  it('needs a session; signing out works while a change is pending', async () => {
    expect((await post(changePassword, '/api/auth/password', { currentPassword: 'x', newPassword: 'y'.repeat(12) })).status).toBe(401);
    await createTestUser('agent', { mobile: '9862222223', password: 'admin-typed-3', temporaryUntil: new Date(Date.now() + 60_000) });
    const cookie = (await signIn('9862222223', 'admin-typed-3')).cookie;
    expect((await post(logout, '/api/auth/logout', {}, cookie)).status).toBe(200);
    expect(await statusCode(cookie)).toBe(401);
  });
});
