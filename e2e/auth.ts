import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** The sandbox-mode training accounts (lib/auth/demo-accounts.ts). */
export const DEMO = {
  admin: { mobile: '9999900001', password: 'admin-demo-1' },
  agent: { mobile: '9999900002', password: 'agent-demo-1' },
} as const;

/** Signs in through the API; the page's browser context keeps the session cookie. */
export async function signIn(target: Page | APIRequestContext, account: { mobile: string; password: string }) {
  const request = 'request' in target ? target.request : target;
  const res = await request.post('/api/auth/login', { data: account });
  expect(res.status(), `login as ${account.mobile}`).toBe(200);
}

let agentCounter = 0;

/** A new agent created by the demo admin (isolated AePS state per test). */
export async function createAgent(request: APIRequestContext, opts: { ekoUserCode?: string } = {}) {
  agentCounter += 1;
  const mobile = `94${String(Date.now()).slice(-6)}${String(agentCounter).padStart(2, '0')}`;
  const name = `Agent ${'abcdefghij'[agentCounter % 10]}${'abcdefghij'[Math.floor(Date.now() / 1000) % 10]} Test`;
  await signIn(request, DEMO.admin);
  const res = await request.post('/api/admin/agents', { data: { name, mobile, ekoUserCode: opts.ekoUserCode ?? '20810200', password: 'agent-pass-1' } });
  expect(res.status(), 'create agent').toBe(201);
  await request.post('/api/auth/logout');
  return { name, mobile, password: 'agent-pass-1' };
}
