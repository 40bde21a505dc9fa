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
