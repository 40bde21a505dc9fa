import { expect, type Page, test } from './fixtures';
import { createAgent, DEMO, signIn } from './auth';
import { ekoSandbox, rdSandbox } from './sandbox';

const EKYC_WADH = 'E0jzJ/P8UopUHAieZn8CKqS4WPMi5ZSYXgfnlfkWjrc=';

// Granting one permission makes Chromium deny the others; the scanner needs loopback access.
test.use({ geolocation: { latitude: 28.6139, longitude: 77.209 }, permissions: ['geolocation', 'local-network-access'] });

test.beforeEach(async ({ request }) => {
  await ekoSandbox.reset(request);
  await rdSandbox.reset(request);
});

async function identify(page: Page, submit: string) {
  await page.getByLabel('Your Aadhaar number').fill('999999990019');
  await page.getByLabel('I agree').check();
  await page.getByRole('button', { name: 'Share my location' }).click();
  await expect(page.getByTestId('location')).toHaveAttribute('data-state', 'ok');
  await page.getByRole('button', { name: submit }).click();
}

async function captureWithBank(page: Page) {
  await page.getByLabel('Your bank').selectOption('SBIN');
  await expect(page.getByTestId('scanner-panel')).toHaveAttribute('data-state', 'ready');
  await page.getByRole('button', { name: 'Capture fingerprint' }).click();
}

const indiaDay = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(date);

test('one-time AePS eKYC, then today’s daily authentication; done at home and for the admin; due again tomorrow', async ({ page, request }) => {
  const agent = await createAgent(request);
  await signIn(page, agent);
  await page.goto('/senders');
  await expect(page.getByTestId('aeps-banner')).toHaveAttribute('data-phase', 'ekyc');
  await page.getByRole('link', { name: 'Start AePS eKYC' }).click();
  await expect(page).toHaveURL(/\/aeps$/);
  await expect(page.getByTestId('aeps-ekyc-status')).toHaveText('Not done yet');

  // Send OTP → Verify OTP → bank + fingerprint (eKYC wadh).
  await identify(page, 'Send OTP to my mobile');
  await expect(page.getByText('An OTP was sent to your registered mobile.')).toBeVisible();
  await page.getByLabel('OTP on your mobile').fill('123456');
  await page.getByRole('button', { name: 'Verify OTP' }).click();
  await captureWithBank(page);
  await expect(page.getByTestId('aeps-ekyc-status')).toHaveText(/^Done on \d{4}-\d{2}-\d{2}$/);

  // Daily authentication (blank wadh).
  await expect(page.getByTestId('aeps-daily-status')).toHaveText('Due');
  await identify(page, 'Continue');
  await captureWithBank(page);
  await expect(page.getByTestId('aeps-daily-status')).toHaveText('Done');
  await expect(page.getByText('You are all set for today.')).toBeVisible();
  expect((await rdSandbox.captures(request)).map((c) => c.wadh)).toEqual([EKYC_WADH, '']);

  await page.goto('/senders');
  await expect(page.getByTestId('aeps-banner')).toHaveAttribute('data-phase', 'done');

  const admin = await page.context().browser()!.newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto('/admin');
  await expect(admin.getByTestId('daily-auth').getByRole('row', { name: new RegExp(agent.name) })).toContainText('Done');
  await admin.close();

  // The next calendar day in India, it is due again.
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
  await page.clock.setFixedTime(new Date(`${indiaDay(tomorrow)}T10:00:00+05:30`));
  await page.goto('/senders');
  await expect(page.getByTestId('aeps-banner')).toHaveAttribute('data-phase', 'due');
  await page.goto('/aeps');
  await expect(page.getByTestId('aeps-daily-status')).toHaveText('Due');
  await expect(page.getByTestId('aeps-daily')).toBeVisible();
});

test('a wrong OTP is refused with the next step', async ({ page, request }) => {
  await signIn(page, await createAgent(request));
  await page.goto('/aeps');
  await identify(page, 'Send OTP to my mobile');
  await page.getByLabel('OTP on your mobile').fill('999999');
  await page.getByRole('button', { name: 'Verify OTP' }).click();
  await expect(page.getByText('The OTP is wrong or has expired.')).toBeVisible();
});

test('a seal refused mid-way (its transport key retired after Send OTP) takes the agent back to the Aadhaar step', async ({ page, request }) => {
  await signIn(page, await createAgent(request));
  await page.goto('/aeps');
  await identify(page, 'Send OTP to my mobile');
  await expect(page.getByText('An OTP was sent to your registered mobile.')).toBeVisible();
  // Verify OTP carries the flow's one seal; here its kid is one the server no longer holds, as
  // after a rotation that dropped the previous key. The server's real answer drives the page.
  await page.route('**/api/aeps/ekyc/otp/verify', (route) => {
    const body = route.request().postDataJSON() as { aadhaar: string };
    return route.continue({ postData: JSON.stringify({ ...body, aadhaar: `retiredkid.${body.aadhaar.split('.')[1]}` }) });
  });
  await page.getByLabel('OTP on your mobile').fill('123456');
  await page.getByRole('button', { name: 'Verify OTP' }).click();
  await expect(page.getByLabel('Your Aadhaar number')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The app’s security key has changed. Enter the Aadhaar number again.')).toBeVisible();
  await expect(page.getByLabel('OTP on your mobile')).toHaveCount(0);

  await page.unroute('**/api/aeps/ekyc/otp/verify');
  await identify(page, 'Send OTP to my mobile');
  await expect(page.getByText('An OTP was sent to your registered mobile.')).toBeVisible();
  await page.getByLabel('OTP on your mobile').fill('123456');
  await page.getByRole('button', { name: 'Verify OTP' }).click();
  await expect(page.getByLabel('Your bank')).toBeVisible();
});

test('an agent whose AePS is not activated is told so', async ({ page, request }) => {
  await signIn(page, await createAgent(request, { notActivated: true }));
  await page.goto('/aeps');
  await identify(page, 'Send OTP to my mobile');
  await expect(page.getByTestId('api-error')).toContainText('AePS (Fingpay) service is not activated');
});

test.describe('location refused', () => {
  test.use({ permissions: ['local-network-access'] });
  test('the agent is told how to allow it, and cannot continue without it', async ({ page, request, context }) => {
    await context.clearPermissions();
    await signIn(page, await createAgent(request));
    await page.goto('/aeps');
    await page.getByLabel('Your Aadhaar number').fill('999999990019');
    await page.getByRole('button', { name: 'Share my location' }).click();
    await expect(page.getByTestId('location')).toHaveAttribute('data-state', /denied|timeout|unavailable/);
    await expect(page.getByTestId('location')).toContainText(/allow Location|taking too long|cannot tell/);
    await expect(page.getByRole('button', { name: 'Send OTP to my mobile' })).toBeDisabled();
  });
});
