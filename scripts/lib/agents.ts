import { randomInt } from 'node:crypto';
import { DEMO_ACCOUNTS } from '../../lib/auth/demo-accounts';
import { RATE_RULES } from '../../lib/rate-limit/rules';

// Signed-in agents for the load test and the benchmark, made the way an admin makes them: through
// the app's own admin API over HTTP (sign in as the demo admin, POST /api/admin/agents), then each
// signs in. Lookups are limited per agent (lib/rate-limit/rules.ts), so a load that stands for a
// whole network of counters has to come from enough agents that none exceeds its budget.

/**
 * More sender lookups a second than one app process can serve on any machine we run on. The
 * lookup costs the app 5-10 ms of CPU a request on this project's 2-core reference machine
 * (bench-results/latest.md: 5.7 ms on PostgreSQL, 9.3 ms on PGlite), all in the one Node
 * process `next start` runs, so it tops out near 200 a second there; 600 allows a CPU three
 * times as fast per core. The pool is sized for this rate, so no agent can run out of budget
 * however fast the run goes; a run that still meets a 429 says so (scripts/lib/http-load.ts).
 */
export const LOOKUP_RATE_CEILING = 600;

/** Of each agent's lookup budget, what a run may spend: the rest is margin (warm-up, rounding). */
const BUDGET_SHARE = 0.8;

/** The tightest lookup budget of one agent (the 15-minute window; the daily one is larger). */
const LOOKUP_BUDGET = Math.min(RATE_RULES.senderLookupPerAgent.points, RATE_RULES.senderLookupPerAgentDaily.points);

/** How many agents `seconds` of lookups at LOOKUP_RATE_CEILING need so that none exceeds its budget. */
export function agentsForLookups(seconds: number): number {
  return Math.max(1, Math.ceil((LOOKUP_RATE_CEILING * seconds) / Math.floor(LOOKUP_BUDGET * BUDGET_SHARE)));
}

interface Account {
  mobile: string;
  password: string;
}

const jsonHeaders = (origin: string, cookie?: string): Record<string, string> => ({
  'content-type': 'application/json',
  // Same-origin POSTs only: the app compares Origin with its own.
  origin,
  ...(cookie ? { cookie } : {}),
});

async function bodyOf(res: Response): Promise<unknown> {
  return res.json().catch(() => null);
}

const errorCode = (body: unknown) => (body as { error?: { code?: unknown } } | null)?.error?.code;

/** Whether an answer (of the login, or of any API call) asks for the first password to be changed. */
function asksForPasswordChange(status: number, body: unknown): boolean {
  const b = body as { passwordChangeRequired?: unknown; mustChangePassword?: unknown } | null;
  return (status === 403 && errorCode(body) === 'password_change_required') || b?.passwordChangeRequired === true || b?.mustChangePassword === true;
}

async function login(origin: string, account: Account): Promise<{ cookie: string; status: number; body: unknown }> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: jsonHeaders(origin),
    body: JSON.stringify({ mobile: account.mobile, password: account.password }),
  });
  const body = await bodyOf(res);
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie || (!res.ok && !asksForPasswordChange(res.status, body))) {
    throw new Error(`login as ${account.mobile} failed: HTTP ${res.status} ${JSON.stringify(body)}`);
  }
  return { cookie, status: res.status, body };
}

/**
 * Signs an account in and returns its `name=value` session cookie, ready for any API. An
 * admin-chosen first password must be changed at the first sign-in (until then APIs answer 403
 * password_change_required): if the login answer or a harmless read says so, the password is
 * changed through POST /api/auth/password and the account signs in again. This is the one place
 * that knows that flow; `account.password` is updated to the new password.
 */
export async function signInReady(origin: string, account: Account & { role: 'admin' | 'agent' }): Promise<string> {
  const first = await login(origin, account);
  let mustChange = asksForPasswordChange(first.status, first.body);
  if (!mustChange) {
    // Reads only, spends no budget: the agent's AePS dates, or the admin's agent list.
    const probe = await fetch(`${origin}${account.role === 'agent' ? '/api/aeps/status' : '/api/admin/agents'}`, { headers: { cookie: first.cookie } });
    const body = await bodyOf(probe);
    if (!probe.ok && !asksForPasswordChange(probe.status, body))
      throw new Error(`${account.mobile} signed in but cannot use the API: HTTP ${probe.status} ${JSON.stringify(body)}`);
    mustChange = asksForPasswordChange(probe.status, body);
  }
  if (!mustChange) return first.cookie;

  const newPassword = `${account.password}-changed-${randomInt(1e6)}`;
  const res = await fetch(`${origin}/api/auth/password`, {
    method: 'POST',
    headers: jsonHeaders(origin, first.cookie),
    body: JSON.stringify({ currentPassword: account.password, newPassword }),
  });
  if (!res.ok) throw new Error(`password change for ${account.mobile} failed: HTTP ${res.status} ${JSON.stringify(await bodyOf(res))}`);
  account.password = newPassword;
  return (await login(origin, account)).cookie;
}

/** Agent names are letters only (lib/schemas/admin.ts): aa, ab, … for 0, 1, … */
const letters = (n: number) => String.fromCharCode(97 + (Math.floor(n / 26) % 26), 97 + (n % 26));

async function createAgent(origin: string, adminCookie: string, index: number): Promise<Account> {
  for (let attempt = 0; attempt < 5; attempt++) {
    // A fresh mobile per agent and run: a PostgreSQL kept between benchmark runs already holds
    // earlier runs' agents (and their spent budgets). Eko user codes are unique per agent too.
    const mobile = `97${String(randomInt(1e8)).padStart(8, '0')}`;
    const account = { mobile, password: `load-agent-${randomInt(1e9)}` };
    const res = await fetch(`${origin}/api/admin/agents`, {
      method: 'POST',
      headers: jsonHeaders(origin, adminCookie),
      body: JSON.stringify({ name: `Load Agent ${letters(index)}`, mobile, ekoUserCode: `2081${mobile.slice(2)}`, password: account.password }),
    });
    if (res.status === 201) return account;
    if (res.status !== 409) throw new Error(`creating load agent ${index} failed: HTTP ${res.status} ${JSON.stringify(await bodyOf(res))}`);
    // 409: that mobile or user code is taken (an earlier run); draw again.
  }
  throw new Error(`creating load agent ${index}: every mobile drawn was taken`);
}

/**
 * Creates `count` agents through the admin API and signs each in; returns their session cookies.
 * A few at a time: each creation and sign-in is a scrypt hash (32 MiB) on the app's thread pool.
 */
export async function signedInAgents(origin: string, count: number): Promise<string[]> {
  const adminCookie = await signInReady(origin, { ...DEMO_ACCOUNTS.admin });
  const cookies: string[] = new Array(count);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const account = await createAgent(origin, adminCookie, i);
      cookies[i] = await signInReady(origin, { ...account, role: 'agent' });
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, count) }, worker));
  return cookies;
}
