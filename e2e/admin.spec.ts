import { expect, test } from './fixtures';
import { createAgent, DEMO, freshAgentIds, SAME_ORIGIN, signIn } from './auth';

test('an admin creates an agent, the agent signs in and searches, and the admin sees it', async ({ browser, baseURL }) => {
  const { mobile, ekoUserCode } = freshAgentIds('96');
  const name = `Meera Joshi ${mobile.slice(-3)}`.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);

  // The admin adds the agent through the dashboard.
  const adminContext = await browser.newContext({ baseURL });
  const admin = await adminContext.newPage();
  await admin.goto('/login');
  await admin.getByLabel('Mobile number').fill(DEMO.admin.mobile);
  await admin.getByLabel('Password').fill(DEMO.admin.password);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.getByRole('link', { name: 'Agents' }).click();
  await admin.getByLabel('Full name').fill(name);
  await admin.getByLabel('Mobile number (login)').fill(mobile);
  await admin.getByLabel('Eko user code').fill(ekoUserCode);
  await admin.getByLabel('First password').fill('meera-pass-1');
  await admin.getByRole('button', { name: 'Add agent' }).click();
  await expect(admin.getByText(`${name} can now sign in with ${mobile}.`)).toBeVisible();
  await expect(admin.getByTestId('agents-table')).toContainText(name);

  // The agent signs in on their own device, must first replace the admin's password with their
  // own, and then looks a sender up.
  const agentContext = await browser.newContext({ baseURL });
  const agent = await agentContext.newPage();
  await agent.goto('/senders?mobile=9000000001');
  await expect(agent).toHaveURL(/\/login\?next=/);
  await agent.getByLabel('Mobile number').fill(mobile);
  await agent.getByLabel('Password').fill('meera-pass-1');
  await agent.getByLabel('Password').press('Enter');
  await expect(agent).toHaveURL(/\/account\/password$/);
  await expect(agent.getByText('Your password was set by an administrator.')).toBeVisible();
  await agent.goto('/senders');
  await expect(agent).toHaveURL(/\/account\/password$/);
  await agent.getByLabel('Temporary password (from your administrator)').fill('meera-pass-1');
  await agent.getByLabel('New password', { exact: true }).fill('meera chooses her own');
  await agent.getByLabel('New password again').fill('meera chooses her own');
  await agent.getByRole('button', { name: 'Save new password' }).click();
  await expect(agent).toHaveURL(/\/senders$/);
  await agent.goto('/senders?mobile=9000000001');
  await expect(agent.getByTestId('kyc-badge')).toHaveText('KYC verified');
  await expect(agent.getByTestId('signed-in-as')).toContainText(name);
  // The card reads the sender's recipients from Eko too: an audited call of its own.
  await expect(agent.getByTestId('recipient').first()).toBeVisible();

  // The admin sees the lookup in the activity table, in the CSV, and in the metrics.
  await admin.goto('/admin/activity');
  await admin.getByLabel('Agent').selectOption({ label: `${name} (${mobile})` });
  await admin.getByRole('button', { name: 'Apply filters' }).click();
  // Newest first: the recipients and the lookup, the password change, the sign-in, and the admin creating the agent.
  await expect(admin.getByTestId('activity-count')).toContainText('5 events');
  const rows = admin.getByTestId('activity-table').getByRole('row');
  await expect(rows.nth(1)).toContainText('Recipients looked up');
  await expect(rows.nth(1)).toContainText('90000 00001');
  await expect(rows.nth(2)).toContainText(name);
  await expect(rows.nth(2)).toContainText('Sender lookup');
  await expect(rows.nth(2)).toContainText('90000 00001');
  await expect(rows.nth(2)).toContainText('KYC verified');
  await expect(rows.nth(3)).toContainText('Password change');
  await expect(rows.nth(3)).toContainText('Temporary password replaced');
  await expect(rows.nth(4)).toContainText('Sign-in');
  await expect(rows.nth(4)).toContainText('127.0.0.1');
  await expect(rows.nth(5)).toContainText('Agent created');
  await expect(rows.nth(5)).toContainText('Demo Admin');
  await expect(rows.nth(5)).toContainText(`${name} (`);

  const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: 'Download CSV' }).click()]);
  const csv = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString('utf8');
  expect(text.split('\r\n')[0]).toBe(
    'time,agent,agent_mobile,action,sender_mobile,target,target_mobile,client_address,outcome,detail,eko_status,eko_response_type_id,latency_ms,client_ref_id,aadhaar_last4',
  );
  expect(text).toContain(`${name},${mobile},sender.lookup,9000000001,,,,ok,kyc_verified,0,309`);
  expect(text).toContain(`Demo Admin,${DEMO.admin.mobile},admin.agent_create,,${name},${mobile},127.0.0.1,ok`);

  await admin.goto('/admin?days=7');
  expect(Number(await admin.getByTestId('kpi-lookups').textContent())).toBeGreaterThanOrEqual(1);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
  const todayRow = admin.getByTestId('lookups-per-day').getByRole('row', { name: new RegExp(today) });
  expect(Number(await todayRow.getByRole('cell').first().textContent())).toBeGreaterThanOrEqual(1);
  await expect(admin.getByTestId('daily-auth')).toContainText(name);

  // Deactivation takes effect on the agent's very next request.
  await admin.goto(`/admin/agents?q=${mobile}`);
  await admin.getByRole('button', { name: `Deactivate: ${name}` }).click();
  await expect(admin.getByTestId('agents-table')).toContainText('Deactivated');
  await agent.getByLabel('Sender mobile number').fill('9000000002');
  await agent.getByLabel('Sender mobile number').press('Enter');
  // The lookup's 403, shown in place, or the page's own redirect to sign-in (the search also
  // changes the URL): whichever the browser hears first, the agent is told at once.
  await expect(agent.getByTestId('api-error').or(agent.getByRole('alert')).filter({ hasText: 'This account has been deactivated' }).first()).toBeVisible();
  await agent.reload();
  await expect(agent).toHaveURL(/\/login\?.*reason=inactive/);
  await expect(agent.getByText('This account has been deactivated. Contact your administrator.')).toBeVisible();

  await adminContext.close();
  await agentContext.close();
});

test('a failed capture reported by the browser shows in the device-error view', async ({ page }) => {
  await signIn(page, DEMO.agent);
  expect((await page.request.post('/api/telemetry/device-errors', { data: { errCode: '710', stage: 'sender.ekyc' }, headers: SAME_ORIGIN })).status()).toBe(
    202,
  );
  await signIn(page, DEMO.admin);
  await page.goto('/admin');
  await expect(page.getByTestId('device-errors')).toContainText('710');
});

test('wrong passwords are refused and then rate limited with a clear message', async ({ page }) => {
  const mobile = `95${String(Date.now()).slice(-8)}`;
  await page.goto('/login');
  await page.getByLabel('Mobile number').fill(mobile);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Password').fill(`wrong-${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('api-error')).toContainText('not right');
  }
  await page.getByLabel('Password').fill('wrong-again');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('api-error')).toContainText(/Too many sign-in attempts for this account. Wait 15 minutes/);
});

test('opening /logout signs nobody out; its button ends this session only, the other ends every one', async ({ browser, baseURL, request }) => {
  // An agent of its own: "all devices" must not end other tests' sessions of the demo agent.
  const account = await createAgent(request);
  const tablet = await browser.newContext({ baseURL });
  const counter = await browser.newContext({ baseURL });
  const page = await tablet.newPage();
  await signIn(page, account);
  await signIn(counter.request, account);
  // A link (or a page elsewhere embedding it) to /logout only shows the buttons.
  await page.goto('/senders');
  await page.getByRole('link', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/logout$/);
  expect((await page.request.get('/api/aeps/status')).status()).toBe(200);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1$/);
  await expect(page.getByText('You have signed out.')).toBeVisible();
  await page.goto('/senders');
  await expect(page).toHaveURL(/\/login\?next=%2Fsenders/);
  expect((await page.request.get('/api/senders/9000000001')).status()).toBe(401);
  // The other device is still signed in, until "all devices".
  expect((await counter.request.get('/api/aeps/status')).status()).toBe(200);
  await signIn(page, account);
  await page.goto('/logout');
  await page.getByRole('button', { name: 'Sign out of all devices' }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1$/);
  expect((await counter.request.get('/api/aeps/status')).status()).toBe(401);
  await tablet.close();
  await counter.close();
});

test('a sign-in submitted before the page’s code has loaded keeps the password out of the URL', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Mobile number').fill(DEMO.agent.mobile);
  await page.getByLabel('Password').fill('typed-before-hydration');
  await Promise.all([page.waitForLoadState('load'), page.getByLabel('Password').press('Enter')]);
  await page.waitForTimeout(500);
  expect(page.url()).not.toContain('typed-before-hydration');
  expect(page.url()).not.toContain('password=');
  await context.close();
});
