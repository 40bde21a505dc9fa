import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSessionToken } from '@/lib/auth/current-user';
import { DEVICE_COOKIE, parseCookieHeader, readSingleCookie, SESSION_COOKIE } from '@/lib/auth/cookies';
import { hashPassword } from '@/lib/auth/password';
import { setUserActive, setUserPassword } from '@/lib/db/queries/users';
import { auditEvents, loginLockouts } from '@/lib/db/schema';
import { cookieFor, createTestUser, useTestDatabase } from '@/test/db';
import { markFrontServer, PEER_HEADER } from '@/lib/net/peer';
import { RATE_LIMIT_STORES, useRateLimitStore } from '@/test/rate-limit-store';
import { GET as listLockouts } from '../../admin/lockouts/route';
import { POST as liftLockout } from '../../admin/lockouts/lift/route';
import { GET as aepsStatus } from '../../aeps/status/route';
import { POST as logout } from '../logout/route';
import { POST } from './route';
import { forget } from '@/lib/process-state';

// Sign-in as an attacker would try it (security round 2, items 1-3, 5, 9, 10): parallel guesses,
// a forged X-Forwarded-For, locking the owner out from elsewhere; and what the audit trail keeps.

const database = useTestDatabase();
const noParams = { params: Promise.resolve({}) };
const ORIGIN = 'http://localhost:3000';

beforeAll(() => markFrontServer()); // as scripts/serve.ts does: the peer header is the socket address

interface Attempt {
  mobile: string;
  password: string;
  /** The TCP peer, as scripts/serve.ts reports it. */
  peer?: string;
  /** What the client wrote into X-Forwarded-For itself. */
  forwardedFor?: string;
  /** Cookies this browser holds (the device cookie after an earlier sign-in). */
  cookie?: string;
  url?: string;
}

function login({ mobile, password, peer = '203.0.113.7', forwardedFor, cookie, url = `${ORIGIN}/api/auth/login` }: Attempt) {
  const headers: Record<string, string> = { 'content-type': 'application/json', origin: new URL(url).origin, [PEER_HEADER]: peer };
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  if (cookie) headers.cookie = cookie;
  return POST(new Request(url, { method: 'POST', headers, body: JSON.stringify({ mobile, password }) }), noParams);
}

const setCookies = (res: Response) => res.headers.getSetCookie();
const cookieHeaderOf = (res: Response) =>
  setCookies(res)
    .map((c) => c.split(';')[0])
    .join('; ');
const sessionTokenOf = (res: Response) =>
  readSingleCookie(cookieHeaderOf(res), SESSION_COOKIE, false) ?? readSingleCookie(cookieHeaderOf(res), SESSION_COOKIE, true);
const deviceCookieOf = (res: Response) =>
  parseCookieHeader(cookieHeaderOf(res))
    .find(([n]) => n === DEVICE_COOKIE.plain || n === DEVICE_COOKIE.secure)!
    .join('=');

const auditRows = (action: string) => database.db().select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(auditEvents.id);

describe('POST /api/auth/login', () => {
  it('signs in with an httpOnly, SameSite session cookie and a device cookie; the session names its row', async () => {
    const agent = await createTestUser('agent', { mobile: '9811111111', password: 'correct-horse-1' });
    const res = await login({ mobile: '9811111111', password: 'correct-horse-1' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ role: 'agent', home: '/senders', name: agent.name, mustChangePassword: false });
    const [session, device] = setCookies(res);
    expect(session).toMatch(/^ad_session=.*; Path=\/; Max-Age=43200; HttpOnly; SameSite=Lax$/); // plain-http localhost: no Secure
    expect(device).toMatch(/^ad_device=.*; HttpOnly; SameSite=Lax$/);
    const check = await checkSessionToken(sessionTokenOf(res));
    expect(check.user).toMatchObject({ id: agent.id, mustChangePassword: false });
  });

  it('uses __Host- cookies (Secure, host-only) wherever the cookie is Secure', async () => {
    await createTestUser('admin', { mobile: '9811111112', password: 'correct-horse-1' });
    const res = await login({ mobile: '9811111112', password: 'correct-horse-1', url: 'https://desk.example.in/api/auth/login' });
    expect(setCookies(res)[0]).toMatch(/^__Host-ad_session=.*; Path=\/; .*; Secure$/);
    expect(setCookies(res)[1]).toMatch(/^__Host-ad_device=.*; Secure$/);
    expect((await checkSessionToken(sessionTokenOf(res))).user).not.toBeNull();
  });

  it('answers the same for a wrong password and an unknown account', async () => {
    await createTestUser('agent', { mobile: '9811111113', password: 'correct-horse-1' });
    const wrong = await login({ mobile: '9811111113', password: 'nope' });
    const unknown = await login({ mobile: '9811111199', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(setCookies(wrong)).toEqual([]);
  });

  it('names bad fields', async () => {
    const res = await login({ mobile: '12', password: '' });
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).error.fields).sort()).toEqual(['mobile', 'password']);
  });

  it('refuses a deactivated account, and its existing sessions stop working', async () => {
    const agent = await createTestUser('agent', { mobile: '9811111116', password: 'correct-horse-1' });
    const token = sessionTokenOf(await login({ mobile: '9811111116', password: 'correct-horse-1' }));
    await setUserActive(database.db(), agent.id, false);
    expect((await checkSessionToken(token)).user).toBeNull();
    const res = await login({ mobile: '9811111116', password: 'correct-horse-1' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('account_inactive');
  });

  it('outside sandbox mode the published demo accounts cannot sign in', async () => {
    const { disableDemoAccounts, ensureDemoAccounts } = await import('@/lib/auth/demo-seed');
    await ensureDemoAccounts();
    expect((await login({ mobile: '9999900001', password: 'admin-demo-1' })).status).toBe(200);
    await disableDemoAccounts();
    expect((await login({ mobile: '9999900001', password: 'admin-demo-1' })).status).toBe(403);
  });
});

// Item 1 on every store: the point is spent before the password is checked, atomically.
describe.each(RATE_LIMIT_STORES)('parallel guesses (%s store)', (_name, env) => {
  useRateLimitStore(env);

  it('checks at most 5 of 15 simultaneous wrong passwords, and the right one cannot clear the count from elsewhere', async () => {
    const agent = await createTestUser('agent', { mobile: '9822222221', password: 'correct-horse-1' });
    const burst = await Promise.all(Array.from({ length: 15 }, (_, i) => login({ mobile: '9822222221', password: `guess-${i}`, peer: `198.51.100.${i + 1}` })));
    const statuses = burst.map((r) => r.status);
    // Only a checked password can be answered 401: at most 5 were checked.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
    expect((await auditRows('auth.login')).filter((r) => r.outcome === 'failed')).toHaveLength(statuses.filter((s) => s === 401).length);
    // The right password from yet another browser is refused too, and counts nothing down.
    expect((await login({ mobile: '9822222221', password: 'correct-horse-1', peer: '198.51.100.200' })).status).toBe(429);
    expect(agent.id).toBeTruthy();
  });
});

describe('the per-address budget keys on the socket, not on what the client writes (item 2)', () => {
  it('with no trusted proxy, a new X-Forwarded-For value per request does not buy more guesses', async () => {
    for (let i = 0; i < 30; i++) {
      const res = await login({ mobile: `97000000${String(i).padStart(2, '0')}`, password: 'x', peer: '192.0.2.50', forwardedFor: `10.0.${i}.1` });
      expect(res.status).toBe(401);
    }
    expect((await login({ mobile: '9700000099', password: 'x', peer: '192.0.2.50', forwardedFor: '10.9.9.9' })).status).toBe(429);
    expect((await login({ mobile: '9700000099', password: 'x', peer: '192.0.2.51' })).status).toBe(401);
    const rows = await auditRows('auth.login');
    expect(new Set(rows.map((r) => r.clientAddress))).toEqual(new Set(['192.0.2.50', '192.0.2.51']));
  });

  it('behind one trusted proxy, the address is what that proxy appended, never the client’s own entries', async () => {
    process.env.TRUST_PROXY_HOPS = '1';
    await forget('config');
    try {
      for (let i = 0; i < 30; i++) {
        // The client claims a new address each time; the proxy (the socket peer) appends the real one.
        await login({ mobile: `97100000${String(i).padStart(2, '0')}`, password: 'x', peer: '10.0.0.2', forwardedFor: `1.2.3.${i}, 203.0.113.80` });
      }
      expect((await login({ mobile: '9710000099', password: 'x', peer: '10.0.0.2', forwardedFor: '9.9.9.9, 203.0.113.80' })).status).toBe(429);
      expect((await login({ mobile: '9710000099', password: 'x', peer: '10.0.0.2', forwardedFor: '203.0.113.81' })).status).toBe(401);
      expect((await auditRows('auth.login')).at(-1)?.clientAddress).toBe('203.0.113.81');
    } finally {
      delete process.env.TRUST_PROXY_HOPS;
      await forget('config');
    }
  });
});

describe('strangers cannot lock the owner out (item 3)', () => {
  it('the owner on a browser that signed in before keeps signing in while unknown browsers are locked out, with a doubling wait', async () => {
    const agent = await createTestUser('agent', { mobile: '9833333331', password: 'correct-horse-1' });
    const owner = deviceCookieOf(await login({ mobile: '9833333331', password: 'correct-horse-1', peer: '203.0.113.10' }));

    // A stranger spends the budget of unknown browsers, from many addresses.
    for (let i = 0; i < 5; i++) expect((await login({ mobile: '9833333331', password: `bad-${i}`, peer: `198.51.100.${i}` })).status).toBe(401);
    const locked = await login({ mobile: '9833333331', password: 'correct-horse-1', peer: '198.51.100.99' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBe(900);
    expect((await locked.json()).error.message).toMatch(/Wait 15 minutes/);

    // The owner's browser has a budget of its own: the right password still works, again and again.
    for (let i = 0; i < 3; i++)
      expect((await login({ mobile: '9833333331', password: 'correct-horse-1', cookie: owner, peer: '203.0.113.10' })).status).toBe(200);
    // A device cookie for another account does not count as known for this one.
    const other = await createTestUser('agent', { mobile: '9833333332', password: 'correct-horse-2' });
    const otherDevice = deviceCookieOf(await login({ mobile: '9833333332', password: 'correct-horse-2' }));
    expect((await login({ mobile: '9833333331', password: 'correct-horse-1', cookie: otherDevice })).status).toBe(429);
    // A forged device cookie is an unknown browser.
    expect((await login({ mobile: '9833333331', password: 'correct-horse-1', cookie: `${DEVICE_COOKIE.plain}=forged` })).status).toBe(429);

    // When the block runs out (here: its counter removed, as the store's expiry would), the next
    // lockout waits twice as long.
    await database.db().execute(sql`delete from rate_limits where key = ${'loginUnknownDevices:9833333331'}`);
    for (let i = 0; i < 5; i++) expect((await login({ mobile: '9833333331', password: `bad-again-${i}`, peer: `198.51.100.${i}` })).status).toBe(401);
    const again = await login({ mobile: '9833333331', password: 'x', peer: '198.51.100.77' });
    expect(Number(again.headers.get('retry-after'))).toBe(1800);

    // Admins see the lockout, and each blocked attempt is in the audit trail.
    const [lockout] = await database.db().select().from(loginLockouts);
    expect(lockout).toMatchObject({ key: 'loginUnknownDevices:9833333331', mobile: '9833333331', userId: agent.id, scope: 'unknown_devices', level: 2 });
    // Each lockout is a row where the failure that started it is; refused attempts after it, too.
    const blocked = (await auditRows('auth.login')).filter((r) => r.outcome === 'blocked');
    expect(blocked.map((r) => r.detail)).toEqual([
      'loginUnknownDevices:1',
      'loginUnknownDevices',
      'loginUnknownDevices',
      'loginUnknownDevices',
      'loginUnknownDevices:2',
      'loginUnknownDevices',
    ]);
    expect(blocked.every((r) => r.targetMobile === '9833333331' && r.targetUserId === agent.id && r.userId === null)).toBe(true);
    expect(other.id).toBeTruthy();
  });

  it('pacing 5 guesses per window cannot dodge the doubling: the guess that empties the budget starts the lockout', async () => {
    await createTestUser('agent', { mobile: '9833333361', password: 'correct-horse-1' });
    const round = async (n: number) => {
      for (let i = 0; i < 5; i++) expect((await login({ mobile: '9833333361', password: `r${n}-${i}`, peer: `198.51.100.${i}` })).status).toBe(401);
    };
    await round(1);
    // No sixth attempt was needed: the lockout is in force and recorded.
    expect((await database.db().select().from(loginLockouts))[0]).toMatchObject({ key: 'loginUnknownDevices:9833333361', level: 1 });
    expect(Number((await login({ mobile: '9833333361', password: 'correct-horse-1' })).headers.get('retry-after'))).toBe(900);
    // The guesser waits the lockout out (its counter removed, as the store's expiry would) and
    // paces the next five: the next lockout is twice as long, then four times.
    for (const [n, wait] of [
      [2, 1800],
      [3, 3600],
    ] as const) {
      await database.db().execute(sql`delete from rate_limits where key = ${'loginUnknownDevices:9833333361'}`);
      await round(n);
      expect(Number((await login({ mobile: '9833333361', password: 'x' })).headers.get('retry-after'))).toBe(wait);
    }
  });

  it('a known browser has its own 5 (its owner’s typos), and is exempt from the address budget', async () => {
    await createTestUser('agent', { mobile: '9833333341', password: 'correct-horse-1' });
    const device = deviceCookieOf(await login({ mobile: '9833333341', password: 'correct-horse-1', peer: '192.0.2.99' }));
    // The shop's address is busy with 30 failures from other people.
    for (let i = 0; i < 30; i++) await login({ mobile: `97200000${String(i).padStart(2, '0')}`, password: 'x', peer: '192.0.2.99' });
    expect((await login({ mobile: '9833333341', password: 'correct-horse-1', peer: '192.0.2.99' })).status).toBe(429);
    expect((await login({ mobile: '9833333341', password: 'correct-horse-1', peer: '192.0.2.99', cookie: device })).status).toBe(200);
    // Five typos on the owner's own browser lock that browser only.
    for (let i = 0; i < 5; i++) expect((await login({ mobile: '9833333341', password: `typo-${i}`, cookie: device })).status).toBe(401);
    expect((await login({ mobile: '9833333341', password: 'correct-horse-1', cookie: device })).status).toBe(429);
  });

  it('an admin sees the lockout and can lift it; lifting is audited', async () => {
    const agent = await createTestUser('agent', { mobile: '9833333351', password: 'correct-horse-1' });
    for (let i = 0; i < 6; i++) await login({ mobile: '9833333351', password: `bad-${i}` });
    const admin = await createTestUser('admin');
    const adminCookie = await cookieFor(admin);
    const adminRequest = (url: string, body?: unknown) =>
      new Request(`${ORIGIN}${url}`, {
        method: body ? 'POST' : 'GET',
        headers: { cookie: adminCookie, origin: ORIGIN, 'content-type': 'application/json', [PEER_HEADER]: '203.0.113.5' },
        body: body ? JSON.stringify(body) : undefined,
      });
    const { lockouts } = await (await listLockouts(adminRequest('/api/admin/lockouts'), noParams)).json();
    expect(lockouts).toEqual([expect.objectContaining({ key: 'loginUnknownDevices:9833333351', name: agent.name, scope: 'unknown_devices', level: 1 })]);
    expect((await liftLockout(adminRequest('/api/admin/lockouts/lift', { key: lockouts[0].key }), noParams)).status).toBe(200);
    expect((await login({ mobile: '9833333351', password: 'correct-horse-1' })).status).toBe(200);
    const [lifted] = await auditRows('admin.lockout_clear');
    expect(lifted).toMatchObject({ userId: admin.id, targetUserId: agent.id, targetMobile: '9833333351', outcome: 'ok', clientAddress: '203.0.113.5' });
    expect(await database.db().select().from(loginLockouts)).toEqual([]);
  });
});

describe('a sign-in racing a password change (review finding)', () => {
  it('a session created while the password changed is born stale: it never works', async () => {
    const agent = await createTestUser('agent', { mobile: '9866666661', password: 'correct-horse-1' });
    const newHash = await hashPassword('changed meanwhile 7');
    let raced = 0;
    for (let attempt = 0; attempt < 5 && raced === 0; attempt++) {
      await setUserPassword(database.db(), agent.id, agent.passwordHash, null); // the old password again
      // The sign-in reads the user, then spends ~100 ms in scrypt; the change lands in between.
      const signingIn = login({ mobile: '9866666661', password: 'correct-horse-1' });
      await new Promise((r) => setTimeout(r, 15));
      await setUserPassword(database.db(), agent.id, newHash, null);
      const res = await signingIn;
      if (res.status === 200) {
        raced += 1;
        expect((await checkSessionToken(sessionTokenOf(res))).user, 'a session proving the old password').toBeNull();
      }
    }
    expect(raced, 'the change landed during a sign-in at least once').toBeGreaterThan(0);
  });
});

describe('sessions (items 9 and 10)', () => {
  const statusWith = (cookie: string) => aepsStatus(new Request(`${ORIGIN}/api/aeps/status`, { headers: { cookie } }), noParams);

  it('over TLS a plain-named session cookie (planted by a sibling subdomain) is no session', async () => {
    const cookie = await cookieFor(await createTestUser('agent'));
    const overTls = (c: string) =>
      aepsStatus(new Request('https://desk.example.in/api/aeps/status', { headers: { cookie: c, host: 'desk.example.in' } }), noParams);
    expect((await overTls(cookie)).status).toBe(401);
    expect((await overTls(cookie.replace('ad_session', '__Host-ad_session'))).status).toBe(200);
    // …and beside our own it does not sign anyone out either.
    expect((await overTls(`ad_session=junk; ${cookie.replace('ad_session', '__Host-ad_session')}`)).status).toBe(200);
  });

  it('a session ends after 30 idle minutes, and a sign-in ends the session the browser carried', async () => {
    await createTestUser('agent', { mobile: '9844444451', password: 'correct-horse-1' });
    const first = await login({ mobile: '9844444451', password: 'correct-horse-1' });
    const token = sessionTokenOf(first);
    expect((await checkSessionToken(token, new Date(Date.now() + 29 * 60_000))).user).not.toBeNull();
    expect((await checkSessionToken(token, new Date(Date.now() + 60 * 60_000))).user).toBeNull();
    // Another agent signs in at the same counter: the first agent's session ends.
    await createTestUser('agent', { mobile: '9844444452', password: 'correct-horse-2' });
    const second = await login({ mobile: '9844444452', password: 'correct-horse-2', cookie: cookieHeaderOf(first) });
    expect(second.status).toBe(200);
    expect((await checkSessionToken(token)).user).toBeNull();
  });

  it('two session cookies in one request are no session at all', async () => {
    const agentCookie = await cookieFor(await createTestUser('agent'));
    const adminCookie = await cookieFor(await createTestUser('admin'));
    expect((await statusWith(agentCookie)).status).toBe(200);
    expect((await statusWith(`${agentCookie}; ${adminCookie}`)).status).toBe(401);
  });

  it('sign-out ends this session only; sign-out of all devices ends every one', async () => {
    await createTestUser('agent', { mobile: '9844444441', password: 'correct-horse-1' });
    const sign = async () => cookieHeaderOf(await login({ mobile: '9844444441', password: 'correct-horse-1' })).split('; ')[0]!;
    const [tablet, counter, phone] = [await sign(), await sign(), await sign()];
    const out = (cookie: string, scope = '') =>
      logout(new Request(`${ORIGIN}/api/auth/logout${scope}`, { method: 'POST', headers: { cookie, origin: ORIGIN } }), noParams);

    const res = await out(tablet);
    expect(res.headers.getSetCookie()[0]).toMatch(/^ad_session=; Path=\/; Max-Age=0/);
    expect((await statusWith(tablet)).status).toBe(401);
    expect((await statusWith(counter)).status).toBe(200);

    await out(counter, '?scope=all');
    expect((await statusWith(counter)).status).toBe(401);
    expect((await statusWith(phone)).status).toBe(401);
    expect((await auditRows('auth.logout')).map((r) => r.outcome)).toEqual(['ok']);
    expect((await auditRows('auth.logout_all')).map((r) => r.outcome)).toEqual(['ok']);
  });

  it('a cross-site form cannot sign anyone out (the logout needs our Origin)', async () => {
    const cookie = await cookieFor(await createTestUser('agent'));
    const forged = await logout(
      new Request(`${ORIGIN}/api/auth/logout`, {
        method: 'POST',
        headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      }),
      noParams,
    );
    expect(forged.status).toBe(403);
    expect((await statusWith(cookie)).status).toBe(200);
  });

  it('the sign-out page’s plain form gets a redirect to the login page', async () => {
    const cookie = await cookieFor(await createTestUser('agent'));
    const res = await logout(
      new Request(`${ORIGIN}/api/auth/logout`, {
        method: 'POST',
        headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        body: '',
      }),
      noParams,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?signedOut=1');
    expect((await statusWith(cookie)).status).toBe(401);
  });
});

describe('the audit trail of sign-ins (item 5)', () => {
  it('records success, failure (with the mobile tried), the client address and whether the browser was known', async () => {
    const agent = await createTestUser('agent', { mobile: '9855555551', password: 'correct-horse-1' });
    const device = deviceCookieOf(await login({ mobile: '9855555551', password: 'correct-horse-1', peer: '203.0.113.20' }));
    await login({ mobile: '9855555551', password: 'correct-horse-1', peer: '203.0.113.20', cookie: device });
    await login({ mobile: '9855555551', password: 'wrong', peer: '203.0.113.21' });
    await login({ mobile: '9855555559', password: 'wrong', peer: '203.0.113.22' });
    const rows = await auditRows('auth.login');
    expect(
      rows.map((r) => ({
        userId: r.userId,
        targetUserId: r.targetUserId,
        targetMobile: r.targetMobile,
        outcome: r.outcome,
        detail: r.detail,
        clientAddress: r.clientAddress,
      })),
    ).toEqual([
      { userId: agent.id, targetUserId: agent.id, targetMobile: '9855555551', outcome: 'ok', detail: 'new_device', clientAddress: '203.0.113.20' },
      { userId: agent.id, targetUserId: agent.id, targetMobile: '9855555551', outcome: 'ok', detail: 'known_device', clientAddress: '203.0.113.20' },
      { userId: null, targetUserId: agent.id, targetMobile: '9855555551', outcome: 'failed', detail: 'wrong_password', clientAddress: '203.0.113.21' },
      { userId: null, targetUserId: null, targetMobile: '9855555559', outcome: 'failed', detail: 'unknown_account', clientAddress: '203.0.113.22' },
    ]);
    // Nothing of the password itself.
    expect(JSON.stringify(rows)).not.toMatch(/correct-horse/);
  });
});
