import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, deviceErrors } from '@/lib/db/schema';
import { cookieFor, createTestUser, useTestDatabase } from '@/test/db';
import { POST as createAgent } from './admin/agents/route';
import { PATCH as setActive } from './admin/agents/[id]/route';
import { POST as login } from './auth/login/route';
import { POST as logout } from './auth/logout/route';
import { GET as aepsStatus } from './aeps/status/route';
import { POST as deviceError } from './telemetry/device-errors/route';
import { forget } from '@/lib/process-state';

// Every state-changing call is refused unless its Origin is the app's own, before the wrapper
// reads the body, the session or the database.

const database = useTestDatabase();
const noParams = { params: Promise.resolve({}) };
let cookie = '';

beforeEach(async () => {
  cookie = await cookieFor(await createTestUser('agent'));
});

/** Reached by a host name, the app is behind TLS: the session cookie is the `__Host-` one. */
const telemetry = (headers: Record<string, string>, url = 'http://127.0.0.1:3199/api/telemetry/device-errors') => {
  const local = /^(localhost|127\.0\.0\.1)(:\d+)?$/.test(headers.host ?? new URL(url).host);
  return deviceError(
    new Request(url, {
      method: 'POST',
      headers: { cookie: local ? cookie : cookie.replace('ad_session', '__Host-ad_session'), 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ errCode: '720' }),
    }),
    noParams,
  );
};

async function expectOriginRefused(res: Response, message = /did not come from an Agent Desk page/) {
  expect(res.status).toBe(403);
  expect(await res.json()).toEqual({ error: { code: 'origin_mismatch', message: expect.stringMatching(message) } });
}

describe('origin check on state-changing route handlers', () => {
  it('passes a request from the app’s own origin', async () => {
    expect((await telemetry({ origin: 'http://127.0.0.1:3199' })).status).toBe(202);
    expect(await database.db().select().from(deviceErrors)).toHaveLength(1);
  });

  it('refuses a foreign origin with 403 in the error shape, and does nothing', async () => {
    for (const origin of ['https://evil.example', 'http://127.0.0.1:3198', 'https://127.0.0.1:3199', 'http://127.0.0.1.evil.example:3199', 'null']) {
      await expectOriginRefused(await telemetry({ origin }));
    }
    expect(await database.db().select().from(deviceErrors)).toHaveLength(0);
  });

  it('refuses a missing Origin (browsers always send one on POST), even with Sec-Fetch-Site', async () => {
    await expectOriginRefused(await telemetry({}));
    await expectOriginRefused(await telemetry({ 'sec-fetch-site': 'same-origin' }));
  });

  it('answers in the agent’s language', async () => {
    await expectOriginRefused(await telemetry({ origin: 'https://evil.example', cookie: `${cookie}; ad_lang=hi` }), /Agent Desk के पेज से नहीं आया/);
  });

  it('checks before the session and the body: no 401, the body left unread', async () => {
    const forged = (headers: Record<string, string>) =>
      new Request('http://localhost/api/telemetry/device-errors', {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ errCode: '720' }),
      });
    await expectOriginRefused(await deviceError(forged({}), noParams));
    const signedIn = forged({ cookie });
    await expectOriginRefused(await deviceError(signedIn, noParams));
    expect(signedIn.bodyUsed).toBe(false);
  });

  it('takes the origin from the Host header the browser sent, not the server’s own address', async () => {
    const behindName = { host: 'desk.example.in', origin: 'http://desk.example.in' };
    expect((await telemetry(behindName, 'http://localhost:3000/api/telemetry/device-errors')).status).toBe(202);
    await expectOriginRefused(
      await telemetry({ host: 'desk.example.in', origin: 'http://localhost:3000' }, 'http://localhost:3000/api/telemetry/device-errors'),
    );
  });

  it('covers login, logout and admin changes too', async () => {
    const foreign = { origin: 'https://evil.example', 'content-type': 'application/json' };
    await expectOriginRefused(await login(new Request('http://localhost/api/auth/login', { method: 'POST', headers: foreign, body: '{}' }), noParams));
    await expectOriginRefused(await logout(new Request('http://localhost/api/auth/logout', { method: 'POST', headers: { ...foreign, cookie } }), noParams));
    const admin = await cookieFor(await createTestUser('admin'));
    await expectOriginRefused(
      await createAgent(new Request('http://localhost/api/admin/agents', { method: 'POST', headers: { ...foreign, cookie: admin }, body: '{}' }), noParams),
    );
    const patch = new Request('http://localhost/api/admin/agents/00000000-0000-4000-8000-000000000000', {
      method: 'PATCH',
      headers: { ...foreign, cookie: admin },
      body: '{"active":false}',
    });
    await expectOriginRefused(await setActive(patch, { params: Promise.resolve({ id: '00000000-0000-4000-8000-000000000000' }) }));
    // The same login from the app's page gets as far as checking the input.
    const fromPage = await login(
      new Request('http://localhost/api/auth/login', { method: 'POST', headers: { ...foreign, origin: 'http://localhost' }, body: '{}' }),
      noParams,
    );
    expect((await fromPage.json()).error.code).toBe('invalid_input');
    expect(await database.db().select().from(auditEvents)).toHaveLength(0);
  });

  it('leaves GET alone, whatever the Origin', async () => {
    for (const headers of [{}, { origin: 'https://evil.example' }] as Record<string, string>[]) {
      const res = await aepsStatus(new Request('http://localhost/api/aeps/status', { headers: { cookie, ...headers } }), noParams);
      expect(res.status).toBe(200);
    }
  });
});

describe('behind a trusted proxy (TRUST_PROXY)', () => {
  const proxied = { host: '10.0.0.5:3000', 'x-forwarded-host': 'desk.example.in', 'x-forwarded-proto': 'https', origin: 'https://desk.example.in' };
  afterEach(async () => {
    delete process.env.TRUST_PROXY;
    await forget('config');
  });

  it('ignores X-Forwarded-Host unless told to trust it (a client could send any)', async () => {
    await expectOriginRefused(await telemetry(proxied, 'http://10.0.0.5:3000/api/telemetry/device-errors'));
  });

  it('uses X-Forwarded-Host and -Proto when TRUST_PROXY=true', async () => {
    process.env.TRUST_PROXY = 'true';
    await forget('config');
    expect((await telemetry(proxied, 'http://10.0.0.5:3000/api/telemetry/device-errors')).status).toBe(202);
    await expectOriginRefused(await telemetry({ ...proxied, origin: 'https://evil.example' }, 'http://10.0.0.5:3000/api/telemetry/device-errors'));
  });
});
