import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { APP_PORT } from '../playwright.config';

/**
 * The app refuses state-changing calls without its own Origin (lib/api/origin.ts). Pages' fetches
 * carry it; Playwright's API requests do not, so API-level POSTs pass it themselves.
 */
export const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`;
export const SAME_ORIGIN = { origin: APP_ORIGIN } as const;

/** The sandbox-mode training accounts (lib/auth/demo-accounts.ts). */
export const DEMO = {
  admin: { mobile: '9999900001', password: 'admin-demo-1' },
  agent: { mobile: '9999900002', password: 'agent-demo-1' },
} as const;

/** Signs in through the API; the page's browser context keeps the session cookie. */
export async function signIn(target: Page | APIRequestContext, account: { mobile: string; password: string }) {
  const request = 'request' in target ? target.request : target;
  const res = await request.post('/api/auth/login', { data: account, headers: SAME_ORIGIN });
  expect(res.status(), `login as ${account.mobile}`).toBe(200);
}

let agentCounter = 0;

/** The password a created agent chooses at the first sign-in (the admin's one is temporary). */
const OWN_PASSWORD = 'an agent’s own passphrase';

/** A fresh mobile and an Eko user code of its own (user codes are unique), 10 and 8 digits. */
export function freshAgentIds(prefix = '94') {
  agentCounter += 1;
  const mobile = `${prefix}${String(Date.now()).slice(-6)}${String(agentCounter).padStart(2, '0')}`;
  return { mobile, ekoUserCode: `3${mobile.slice(-7)}` };
}

/**
 * A new agent created by the demo admin (isolated AePS state per test), who has already replaced
 * the admin's temporary password with their own, as the first sign-in requires.
 * `notActivated`: an Eko user code the sandbox answers 346 for (AePS not activated).
 */
export async function createAgent(request: APIRequestContext, opts: { notActivated?: boolean } = {}) {
  const { mobile, ekoUserCode } = freshAgentIds();
  // Names are letters only: spell the mobile's unique digits (a name that repeats in another test
  // makes the admin views ambiguous to find it in).
  const name = `Agent ${mobile.slice(-6).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)} Test`;
  await signIn(request, DEMO.admin);
  const temporary = 'agent-pass-1';
  const res = await request.post('/api/admin/agents', {
    data: { name, mobile, ekoUserCode: opts.notActivated ? `666${ekoUserCode.slice(3)}` : ekoUserCode, password: temporary },
    headers: SAME_ORIGIN,
  });
  expect(res.status(), 'create agent').toBe(201);
  await request.post('/api/auth/logout', { headers: SAME_ORIGIN });
  await signIn(request, { mobile, password: temporary });
  const changed = await request.post('/api/auth/password', { data: { currentPassword: temporary, newPassword: OWN_PASSWORD }, headers: SAME_ORIGIN });
  expect(changed.status(), 'first sign-in: own password').toBe(200);
  await request.post('/api/auth/logout', { headers: SAME_ORIGIN });
  return { name, mobile, password: OWN_PASSWORD };
}
