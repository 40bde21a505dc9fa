import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type APIRequestContext, expect, request as playwrightRequest, test } from './fixtures';
import { APP_ORIGIN, DEMO, freshAgentIds, SAME_ORIGIN, signIn } from './auth';

// The authorisation matrix: every page and every route handler × anonymous, agent, admin and a
// deactivated agent (whose session cookie was valid before the admin switched them off).

type Persona = 'anonymous' | 'agent' | 'admin' | 'deactivated';
const PERSONAS: Persona[] = ['anonymous', 'agent', 'admin', 'deactivated'];

const NO_SUCH_TX = '00000000-0000-4000-8000-00000000abcd';

/** Where each persona ends up after following redirects. */
const PAGES: Record<string, Record<Persona, string>> = {
  '/': { anonymous: '/login', agent: '/senders', admin: '/admin', deactivated: '/login' },
  '/login': { anonymous: '/login', agent: '/senders', admin: '/admin', deactivated: '/login' },
  '/logout': { anonymous: '/logout', agent: '/logout', admin: '/logout', deactivated: '/logout' },
  '/~offline': { anonymous: '/~offline', agent: '/~offline', admin: '/~offline', deactivated: '/~offline' },
  '/control': { anonymous: '/control', agent: '/control', admin: '/control', deactivated: '/control' },
  '/senders': { anonymous: '/login', agent: '/senders', admin: '/admin', deactivated: '/login' },
  '/aeps': { anonymous: '/login', agent: '/aeps', admin: '/admin', deactivated: '/login' },
  '/aeps/[flow]': { anonymous: '/login', agent: '/aeps/withdrawal', admin: '/admin', deactivated: '/login' },
  '/admin': { anonymous: '/login', agent: '/senders', admin: '/admin', deactivated: '/login' },
  '/admin/agents': { anonymous: '/login', agent: '/senders', admin: '/admin/agents', deactivated: '/login' },
  '/admin/activity': { anonymous: '/login', agent: '/senders', admin: '/admin/activity', deactivated: '/login' },
  '/account/password': { anonymous: '/login', agent: '/account/password', admin: '/account/password', deactivated: '/login' },
  '/transactions': { anonymous: '/login', agent: '/transactions', admin: '/admin', deactivated: '/login' },
  '/transactions/[id]': { anonymous: '/login', agent: `/transactions/${NO_SUCH_TX}`, admin: '/admin', deactivated: '/login' },
  '/receipts/[id]': { anonymous: '/login', agent: `/receipts/${NO_SUCH_TX}`, admin: '/admin', deactivated: '/login' },
  '/senders/[mobile]/send/[recipientId]': { anonymous: '/login', agent: '/senders/9000000001/send/10010001', admin: '/admin', deactivated: '/login' },
  '/admin/transactions': { anonymous: '/login', agent: '/senders', admin: '/admin/transactions', deactivated: '/login' },
};

/** Pages with parameters are visited at one address; an unknown transaction is a 404 page for its agent. */
const VISIT: Record<string, { path: string; agentStatus?: number }> = {
  '/transactions/[id]': { path: `/transactions/${NO_SUCH_TX}`, agentStatus: 404 },
  '/receipts/[id]': { path: `/receipts/${NO_SUCH_TX}`, agentStatus: 404 },
  '/senders/[mobile]/send/[recipientId]': { path: '/senders/9000000001/send/10010001' },
  '/aeps/[flow]': { path: '/aeps/withdrawal' },
};

const AGENT_ID = '00000000-0000-4000-8000-000000000000';
type Expect = { status: number; code?: string };
const denied = { anonymous: { status: 401, code: 'unauthenticated' }, deactivated: { status: 403, code: 'account_inactive' } };
const agentOnly = (ok: Expect): Record<Persona, Expect> => ({ ...denied, agent: ok, admin: { status: 403, code: 'forbidden' } });
const adminOnly = (ok: Expect): Record<Persona, Expect> => ({ ...denied, admin: ok, agent: { status: 403, code: 'forbidden' } });
const everyone = (e: Expect): Record<Persona, Expect> => ({ anonymous: e, agent: e, admin: e, deactivated: e });

/** Route file (app/api/…/route.ts) → one call per method it exports, with the expected answers. */
const ROUTES: Record<string, { method: string; path: string; data?: unknown; expect: Record<Persona, Expect> }[]> = {
  // The service worker script: public, and never a page with data.
  'serwist/[path]': [{ method: 'GET', path: '/serwist/sw.js', expect: everyone({ status: 200 }) }],
  'api/health': [{ method: 'GET', path: '/api/health', expect: everyone({ status: 200 }) }],
  'api/health/ready': [{ method: 'GET', path: '/api/health/ready', expect: everyone({ status: 200 }) }],
  'api/[...path]': [{ method: 'GET', path: '/api/no-such-thing', expect: everyone({ status: 404, code: 'not_found' }) }],
  'api/auth/login': [{ method: 'POST', path: '/api/auth/login', data: {}, expect: everyone({ status: 400, code: 'invalid_input' }) }],
  'api/senders/[mobile]': [
    { method: 'GET', path: '/api/senders/9000000001', expect: agentOnly({ status: 200 }) },
    { method: 'POST', path: '/api/senders/9000000005', data: {}, expect: agentOnly({ status: 400, code: 'invalid_input' }) },
  ],
  'api/senders/[mobile]/ekyc': [{ method: 'POST', path: '/api/senders/9000000002/ekyc', data: {}, expect: agentOnly({ status: 400, code: 'invalid_input' }) }],
  'api/senders/[mobile]/ekyc/otp': [
    { method: 'POST', path: '/api/senders/9000000002/ekyc/otp', data: {}, expect: agentOnly({ status: 400, code: 'invalid_input' }) },
  ],
  'api/senders/[mobile]/recipients': [
    { method: 'GET', path: '/api/senders/9000000001/recipients', expect: agentOnly({ status: 200 }) },
    { method: 'POST', path: '/api/senders/9000000001/recipients', data: {}, expect: agentOnly({ status: 400, code: 'invalid_input' }) },
  ],
  'api/banks': [{ method: 'GET', path: '/api/banks', expect: agentOnly({ status: 200 }) }],
  'api/banks/ifsc/[ifsc]': [{ method: 'GET', path: '/api/banks/ifsc/SBIN0000691', expect: agentOnly({ status: 200 }) }],
  'api/transfers': [
    { method: 'GET', path: '/api/transfers', expect: agentOnly({ status: 200 }) },
    { method: 'POST', path: '/api/transfers', data: {}, expect: agentOnly({ status: 400, code: 'invalid_input' }) },
  ],
  'api/transfers/otp': [{ method: 'POST', path: '/api/transfers/otp', data: {}, expect: agentOnly({ status: 400, code: 'invalid_input' }) }],
  'api/transfers/pending': [{ method: 'GET', path: '/api/transfers/pending', expect: agentOnly({ status: 200 }) }],
  // Any signed-in user reads a transaction (an admin any, an agent their own): not found for both here.
  'api/transfers/[id]': [
    {
      method: 'GET',
      path: `/api/transfers/${AGENT_ID}`,
      expect: { ...denied, agent: { status: 404, code: 'not_found' }, admin: { status: 404, code: 'not_found' } },
    },
  ],
  'api/transfers/[id]/check': [{ method: 'POST', path: `/api/transfers/${AGENT_ID}/check`, expect: agentOnly({ status: 404, code: 'not_found' }) }],
  'api/transfers/[id]/receipt': [
    {
      method: 'POST',
      path: `/api/transfers/${AGENT_ID}/receipt`,
      expect: { ...denied, agent: { status: 404, code: 'not_found' }, admin: { status: 404, code: 'not_found' } },
    },
  ],
  'api/transfers/[id]/refund/otp': [{ method: 'POST', path: `/api/transfers/${AGENT_ID}/refund/otp`, expect: agentOnly({ status: 404, code: 'not_found' }) }],
  'api/transfers/[id]/refund': [
    { method: 'POST', path: `/api/transfers/${AGENT_ID}/refund`, data: {}, expect: agentOnly({ status: 400, code: 'invalid_input' }) },
  ],
  'api/keys/aadhaar-transport': [{ method: 'GET', path: '/api/keys/aadhaar-transport', expect: agentOnly({ status: 200 }) }],
  'api/aeps/status': [{ method: 'GET', path: '/api/aeps/status', expect: agentOnly({ status: 200 }) }],
  'api/aeps/ekyc/otp': [{ method: 'POST', path: '/api/aeps/ekyc/otp', data: {}, expect: agentOnly({ status: 400, code: 'invalid_input' }) }],
  'api/aeps/ekyc/otp/verify': [{ method: 'POST', path: '/api/aeps/ekyc/otp/verify', data: {}, expect: agentOnly({ status: 400, code: 'invalid_input' }) }],
  'api/aeps/ekyc/biometric': [{ method: 'POST', path: '/api/aeps/ekyc/biometric', data: {}, expect: agentOnly({ status: 400, code: 'invalid_input' }) }],
  'api/aeps/transactions/withdrawal': [
    { method: 'POST', path: '/api/aeps/transactions/withdrawal', data: {}, expect: agentOnly({ status: 400, code: 'invalid_input' }) },
  ],
  'api/aeps/transactions/balance': [
    { method: 'POST', path: '/api/aeps/transactions/balance', data: {}, expect: agentOnly({ status: 400, code: 'invalid_input' }) },
  ],
  'api/aeps/transactions/statement': [
    { method: 'POST', path: '/api/aeps/transactions/statement', data: {}, expect: agentOnly({ status: 400, code: 'invalid_input' }) },
  ],
  'api/aeps/daily-auth': [{ method: 'POST', path: '/api/aeps/daily-auth', data: {}, expect: agentOnly({ status: 400, code: 'invalid_input' }) }],
  'api/telemetry/device-errors': [{ method: 'POST', path: '/api/telemetry/device-errors', data: { errCode: '720' }, expect: agentOnly({ status: 202 }) }],
  'api/admin/agents': [
    { method: 'GET', path: '/api/admin/agents', expect: adminOnly({ status: 200 }) },
    { method: 'POST', path: '/api/admin/agents', data: {}, expect: adminOnly({ status: 400, code: 'invalid_input' }) },
  ],
  'api/admin/agents/[id]': [
    { method: 'PATCH', path: `/api/admin/agents/${AGENT_ID}`, data: { active: true }, expect: adminOnly({ status: 404, code: 'not_found' }) },
  ],
  'api/admin/agents/[id]/shop': [
    {
      method: 'PUT',
      path: `/api/admin/agents/${AGENT_ID}/shop`,
      data: { shopName: 'Shop', shopAddress: '' },
      expect: adminOnly({ status: 404, code: 'not_found' }),
    },
  ],
  'api/admin/agents/[id]/password': [{ method: 'POST', path: `/api/admin/agents/${AGENT_ID}/password`, expect: adminOnly({ status: 404, code: 'not_found' }) }],
  'api/admin/activity': [{ method: 'GET', path: '/api/admin/activity', expect: adminOnly({ status: 200 }) }],
  'api/admin/activity/export': [{ method: 'GET', path: '/api/admin/activity/export', expect: adminOnly({ status: 200 }) }],
  'api/admin/transactions': [{ method: 'GET', path: '/api/admin/transactions', expect: adminOnly({ status: 200 }) }],
  'api/admin/transactions/export': [{ method: 'GET', path: '/api/admin/transactions/export', expect: adminOnly({ status: 200 }) }],
  'api/admin/transactions/summary': [{ method: 'GET', path: '/api/admin/transactions/summary', expect: adminOnly({ status: 200 }) }],
  'api/admin/lockouts': [{ method: 'GET', path: '/api/admin/lockouts', expect: adminOnly({ status: 200 }) }],
  'api/admin/transactions/[id]/close': [
    {
      method: 'POST',
      path: `/api/admin/transactions/${AGENT_ID}/close`,
      data: { reason: 'Eko support: no such transaction' },
      expect: adminOnly({ status: 404, code: 'not_found' }),
    },
  ],
  'api/admin/lockouts/lift': [
    {
      method: 'POST',
      path: '/api/admin/lockouts/lift',
      data: { key: 'loginUnknownDevices:9800000000' },
      expect: adminOnly({ status: 404, code: 'not_found' }),
    },
  ],
  'api/auth/password': [
    {
      method: 'POST',
      path: '/api/auth/password',
      data: {},
      expect: { ...denied, agent: { status: 400, code: 'invalid_input' }, admin: { status: 400, code: 'invalid_input' } },
    },
  ],
  // Last: it clears each persona's cookie.
  'api/auth/logout': [{ method: 'POST', path: '/api/auth/logout', expect: everyone({ status: 200 }) }],
};

function appFiles(dir: string, name: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) appFiles(full, name, out);
    else if (entry === name) out.push(relative('app', dir).replace(/\\/g, '/'));
  }
  return out;
}

test('the matrix covers every page and route handler in app/', () => {
  const pages = appFiles('app', 'page.tsx').map((d) => `/${d.replace(/\([^)]+\)\/?/g, '')}`.replace(/\/$/, '') || '/');
  expect(pages.sort()).toEqual(Object.keys(PAGES).sort());
  expect(appFiles('app', 'route.ts').sort()).toEqual(Object.keys(ROUTES).sort());
});

test.describe('authorisation matrix', () => {
  test.describe.configure({ mode: 'serial' });
  const contexts = {} as Record<Persona, APIRequestContext>;

  test.beforeAll(async ({ baseURL }) => {
    // As the app's own pages would: every state-changing call carries the app's Origin.
    for (const p of PERSONAS) contexts[p] = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: SAME_ORIGIN });
    await signIn(contexts.agent, DEMO.agent);
    await signIn(contexts.admin, DEMO.admin);
    // A fresh agent, signed in, then deactivated by the admin: their cookie is still well-signed.
    const { mobile, ekoUserCode } = freshAgentIds('97');
    const created = await contexts.admin.post('/api/admin/agents', { data: { name: 'Soon Inactive', mobile, ekoUserCode, password: 'inactive-1' } });
    expect(created.status()).toBe(201);
    const { agent } = await created.json();
    await signIn(contexts.deactivated, { mobile, password: 'inactive-1' });
    expect(
      (await contexts.deactivated.post('/api/auth/password', { data: { currentPassword: 'inactive-1', newPassword: 'soon inactive own words' } })).status(),
    ).toBe(200);
    expect((await contexts.admin.patch(`/api/admin/agents/${agent.id}`, { data: { active: false } })).status()).toBe(200);
  });
  test.afterAll(async () => {
    for (const p of PERSONAS) await contexts[p]?.dispose();
  });

  for (const [path, expected] of Object.entries(PAGES)) {
    test(`page ${path}`, async () => {
      for (const persona of PERSONAS) {
        const visit = VISIT[path];
        const res = await contexts[persona].get(visit?.path ?? path);
        expect(res.status(), `${persona} ${path}`).toBe(persona === 'agent' ? (visit?.agentStatus ?? 200) : 200);
        expect(new URL(res.url()).pathname, `${persona} ${path}`).toBe(expected[persona]);
        const html = await res.text();
        if (expected[persona].startsWith('/admin')) expect(html).toContain('Signed in as Demo Admin');
        // The rendered admin heading, not the words: every page carries the language's catalogue.
        if (persona !== 'admin') expect(html, `${persona} must not see admin content`).not.toMatch(/<h1[^>]*>Network overview<\/h1>/);
      }
    });
  }

  for (const calls of Object.values(ROUTES)) {
    for (const call of calls) {
      test(`${call.method} ${call.path}`, async () => {
        for (const persona of PERSONAS) {
          const res = await contexts[persona].fetch(call.path, { method: call.method, data: call.data, maxRedirects: 0 });
          const want = call.expect[persona];
          expect(res.status(), `${persona} ${call.method} ${call.path}`).toBe(want.status);
          if (want.code) expect((await res.json()).error.code, `${persona} ${call.method} ${call.path}`).toBe(want.code);
        }
      });
    }
  }
});

test('two session cookies in one request are no session, for pages and the API alike', async ({ baseURL }) => {
  const agent = await playwrightRequest.newContext({ baseURL });
  const admin = await playwrightRequest.newContext({ baseURL });
  await signIn(agent, DEMO.agent);
  await signIn(admin, DEMO.admin);
  const cookieOf = async (ctx: APIRequestContext) => (await ctx.storageState()).cookies.find((c) => c.name === 'ad_session')!.value;
  const both = `ad_session=${await cookieOf(agent)}; ad_session=${await cookieOf(admin)}`;
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const page = await anonymous.get('/admin', { headers: { cookie: both }, maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers().location).toMatch(/^\/login/);
  expect((await anonymous.get('/api/admin/agents', { headers: { cookie: both } })).status()).toBe(401);
  for (const ctx of [agent, admin, anonymous]) await ctx.dispose();
});

test('an agent cannot read another agent’s data or any admin data', async ({ baseURL }) => {
  const agent = await playwrightRequest.newContext({ baseURL });
  await signIn(agent, DEMO.agent);
  for (const path of ['/api/admin/activity', '/api/admin/activity/export', '/api/admin/agents', `/api/admin/agents?q=${DEMO.admin.mobile}`]) {
    expect((await agent.get(path)).status(), path).toBe(403);
  }
  await agent.dispose();
});

test('state-changing calls from another origin, or with none, are refused before anything else', async ({ baseURL }) => {
  const agent = await playwrightRequest.newContext({ baseURL });
  await signIn(agent, DEMO.agent);
  for (const headers of [{ origin: 'https://evil.example' }, { origin: APP_ORIGIN.replace('127.0.0.1', 'localhost') }, {}] as Record<string, string>[]) {
    const res = await agent.post('/api/telemetry/device-errors', { data: { errCode: '720' }, headers });
    expect(res.status(), JSON.stringify(headers)).toBe(403);
    expect((await res.json()).error.code).toBe('origin_mismatch');
  }
  expect((await agent.get('/api/aeps/status', { headers: { origin: 'https://evil.example' } })).status()).toBe(200);
  await agent.dispose();
});

test('an address no route matches is a 404 page in the agent’s language, with the way home', async ({ page }) => {
  await signIn(page, DEMO.agent);
  const res = await page.goto('/no-such-page');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This page or action does not exist.' })).toBeVisible();
  await page.getByRole('link', { name: 'Agent Desk' }).click();
  await expect(page).toHaveURL(/\/senders$/);
});
