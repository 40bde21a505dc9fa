import { describe, expect, it } from 'vitest';
import { checkSessionToken } from '@/lib/auth/current-user';
import { readCookie, SESSION_COOKIE } from '@/lib/auth/session';
import { setUserActive, setUserPassword } from '@/lib/db/queries/users';
import { createTestUser, useTestDatabase } from '@/lib/db/test-db';
import { POST as logout } from '../logout/route';
import { POST } from './route';

const database = useTestDatabase();
const noParams = { params: Promise.resolve({}) };

const login = (body: unknown, address = '203.0.113.7', url = 'http://localhost:3000/api/auth/login') =>
  POST(
    new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address, origin: new URL(url).origin }, body: JSON.stringify(body) }),
    noParams,
  );

const tokenOf = (res: Response) => readCookie(res.headers.get('set-cookie'), SESSION_COOKIE);

describe('POST /api/auth/login', () => {
  it('signs an agent in with an httpOnly, SameSite session cookie', async () => {
    const agent = await createTestUser('agent', { mobile: '9811111111', password: 'correct-horse' });
    const res = await login({ mobile: '9811111111', password: 'correct-horse' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ role: 'agent', home: '/senders', name: agent.name });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure/); // plain-http localhost only
    expect((await checkSessionToken(tokenOf(res))).user?.id).toBe(agent.id);
  });

  it('marks the cookie Secure outside localhost', async () => {
    await createTestUser('admin', { mobile: '9811111112', password: 'correct-horse' });
    const res = await login({ mobile: '9811111112', password: 'correct-horse' }, '203.0.113.7', 'https://desk.example.in/api/auth/login');
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('answers the same for a wrong password and an unknown account', async () => {
    await createTestUser('agent', { mobile: '9811111113', password: 'correct-horse' });
    const wrong = await login({ mobile: '9811111113', password: 'nope' });
    const unknown = await login({ mobile: '9811111199', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('names bad fields', async () => {
    const res = await login({ mobile: '12', password: '' });
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).error.fields).sort()).toEqual(['mobile', 'password']);
  });

  it('locks an account after 5 failures, with Retry-After, even for the right password', async () => {
    await createTestUser('agent', { mobile: '9811111114', password: 'correct-horse' });
    for (let i = 0; i < 5; i++) expect((await login({ mobile: '9811111114', password: `bad-${i}` }, `198.51.100.${i}`)).status).toBe(401);
    const locked = await login({ mobile: '9811111114', password: 'correct-horse' }, '198.51.100.99');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((await locked.json()).error.message).toMatch(/Wait \d+ minutes/);
  });

  it('limits failures per address across accounts', async () => {
    for (let i = 0; i < 30; i++) await login({ mobile: `97000000${String(i).padStart(2, '0')}`, password: 'x' }, '192.0.2.50');
    expect((await login({ mobile: '9700000099', password: 'x' }, '192.0.2.50')).status).toBe(429);
    expect((await login({ mobile: '9700000099', password: 'x' }, '192.0.2.51')).status).toBe(401);
  });

  it('successful logins never count against anyone', async () => {
    await createTestUser('agent', { mobile: '9811111115', password: 'correct-horse' });
    for (let i = 0; i < 40; i++) expect((await login({ mobile: '9811111115', password: 'correct-horse' }, '192.0.2.60')).status).toBe(200);
  });

  it('refuses a deactivated account, and its existing sessions stop working', async () => {
    const agent = await createTestUser('agent', { mobile: '9811111116', password: 'correct-horse' });
    const token = tokenOf(await login({ mobile: '9811111116', password: 'correct-horse' }));
    await setUserActive(database.db(), agent.id, false);
    expect((await checkSessionToken(token)).user).toBeNull();
    const res = await login({ mobile: '9811111116', password: 'correct-horse' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('account_inactive');
  });

  it('a password reset ends existing sessions', async () => {
    const agent = await createTestUser('agent', { mobile: '9811111117', password: 'correct-horse' });
    const token = tokenOf(await login({ mobile: '9811111117', password: 'correct-horse' }));
    await setUserPassword(database.db(), agent.id, agent.passwordHash);
    expect((await checkSessionToken(token)).user).toBeNull();
  });

  it('logout clears the cookie and revokes the token itself', async () => {
    await createTestUser('agent', { mobile: '9811111118', password: 'correct-horse' });
    const token = tokenOf(await login({ mobile: '9811111118', password: 'correct-horse' }));
    const res = await logout(new Request('http://localhost:3000/api/auth/logout', { method: 'POST', headers: { cookie: `ad_session=${token}`, origin: 'http://localhost:3000' } }), noParams);
    expect(res.headers.get('set-cookie')).toMatch(/^ad_session=; .*Max-Age=0/);
    expect((await checkSessionToken(token)).user).toBeNull();
  });

  it('outside sandbox mode the published demo accounts cannot sign in', async () => {
    const { disableDemoAccounts, ensureDemoAccounts } = await import('@/lib/db/seed');
    await ensureDemoAccounts(database.db());
    expect((await login({ mobile: '9999900001', password: 'admin-demo-1' })).status).toBe(200);
    await disableDemoAccounts(database.db());
    expect((await login({ mobile: '9999900001', password: 'admin-demo-1' })).status).toBe(403);
  });
});
