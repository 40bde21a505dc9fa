import { expect, test } from './fixtures';
import { DEMO, SAME_ORIGIN, signIn } from './auth';

test('an admin creates an agent, the agent signs in and searches, and the admin sees it', async ({ browser, baseURL }) => {
  const mobile = `96${String(Date.now()).slice(-8)}`;
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
  await admin.getByLabel('Eko user code').fill('20810200');
  await admin.getByLabel('First password').fill('meera-pass-1');
  await admin.getByRole('button', { name: 'Add agent' }).click();
  await expect(admin.getByText(`${name} can now sign in with ${mobile}.`)).toBeVisible();
  await expect(admin.getByTestId('agents-table')).toContainText(name);

  // The agent signs in on their own device and looks a sender up.
  const agentContext = await browser.newContext({ baseURL });
  const agent = await agentContext.newPage();
  await agent.goto('/senders?mobile=9000000001');
  await expect(agent).toHaveURL(/\/login\?next=/);
  await agent.getByLabel('Mobile number').fill(mobile);
  await agent.getByLabel('Password').fill('meera-pass-1');
  await agent.getByLabel('Password').press('Enter');
  await expect(agent).toHaveURL(/\/senders\?mobile=9000000001/);
  await expect(agent.getByTestId('kyc-badge')).toHaveText('KYC verified');
  await expect(agent.getByTestId('signed-in-as')).toContainText(name);

  // The admin sees the lookup in the activity table, in the CSV, and in the metrics.
  await admin.goto('/admin/activity');
  await admin.getByLabel('Agent').selectOption({ label: `${name} (${mobile})` });
  await admin.getByRole('button', { name: 'Apply filters' }).click();
  await expect(admin.getByTestId('activity-count')).toContainText('1 events');
  const row = admin.getByTestId('activity-table').getByRole('row').nth(1);
  await expect(row).toContainText(name);
  await expect(row).toContainText('Sender lookup');
  await expect(row).toContainText('90000 00001');
  await expect(row).toContainText('KYC verified');

  const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: 'Download CSV' }).click()]);
  const csv = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString('utf8');
  expect(text.split('\r\n')[0]).toBe('time,agent,agent_mobile,action,sender_mobile,outcome,detail,eko_status,eko_response_type_id,latency_ms,client_ref_id,aadhaar_last4');
  expect(text).toContain(`${name},${mobile},sender.lookup,9000000001,ok,kyc_verified,0,309`);

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
  await expect(agent.getByTestId('api-error')).toContainText('This account has been deactivated');
  await agent.reload();
  await expect(agent).toHaveURL(/\/login\?.*reason=inactive/);
  await expect(agent.getByText('This account has been deactivated. Contact your administrator.')).toBeVisible();

  await adminContext.close();
  await agentContext.close();
});

test('a failed capture reported by the browser shows in the device-error view', async ({ page }) => {
  await signIn(page, DEMO.agent);
  expect((await page.request.post('/api/telemetry/device-errors', { data: { errCode: '710', stage: 'sender.ekyc' }, headers: SAME_ORIGIN })).status()).toBe(202);
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
  await expect(page.getByTestId('api-error')).toContainText(/Too many attempts. Wait \d+ minutes/);
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, DEMO.agent);
  await page.goto('/senders');
  await page.getByRole('link', { name: 'Sign out' }).click();
  await expect(page.getByText('You have signed out.')).toBeVisible();
  await page.goto('/senders');
  await expect(page).toHaveURL(/\/login\?next=%2Fsenders/);
  expect((await page.request.get('/api/senders/9000000001')).status()).toBe(401);
});
