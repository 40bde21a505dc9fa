import { expect, test } from './fixtures';
import { FAKE_ANDROID_BRIDGE } from './android-bridge';
import { DEMO, signIn } from './auth';
import { capture, captureButton, enterAadhaar, enterOtp, openEkyc, scanner } from './ekyc-steps';
import { ekoSandbox, rdSandbox } from './sandbox';

const EKYC_WADH = 'E0jzJ/P8UopUHAieZn8CKqS4WPMi5ZSYXgfnlfkWjrc=';
const AADHAAR = { ok: '999999990019', bank: '999999990026', k100: '999999990035' };
// A second not-KYC sender for the error paths: each eKYC submission spends from one sender's
// budget (lib/rate-limit/rules.ts), and both projects run every test against one database.
const OTHER_NOT_KYC = '9000000008';

test.beforeEach(async ({ page, request }) => {
  await ekoSandbox.reset(request);
  await rdSandbox.reset(request);
  await signIn(page, DEMO.agent);
});

test('the full sender eKYC raises the monthly limit to ₹25,000', async ({ page, request }) => {
  await openEkyc(page);
  await expect(page.getByTestId('limit-monthly')).toHaveText('₹5,000');
  await expect(page.getByTestId('consent-text')).toContainText('My fingerprint is not stored');
  await enterAadhaar(page);
  await expect(page.getByTestId('masked-aadhaar')).toHaveText(/XXXX XXXX 0019/);
  await expect(page.getByText('999999990019')).toHaveCount(0);
  await expect(scanner(page)).toContainText('Scanner ready: Agent Desk Sandbox RD Service');
  await expect(scanner(page)).toContainText('Model SANDBOX-FP L1');
  // Where it answered, for a support call.
  await scanner(page).getByText('Set up my scanner').click();
  await expect(page.getByTestId('scanner-endpoint')).toHaveText('This scanner answered on port 11100 over http.');
  await capture(page);
  await expect(page.getByText('UIDAI sent an OTP')).toBeVisible();
  await enterOtp(page, '123456');
  await expect(page.getByTestId('ekyc-done')).toContainText('The monthly limit is now ₹25,000');
  await expect(page.getByTestId('kyc-badge')).toHaveText('KYC verified');
  await expect(page.getByTestId('limit-monthly')).toHaveText('₹25,000');
  await expect(page.getByTestId('limit-used')).toHaveText('₹1,200');

  // The capture was made with the eKYC wadh, once; Sender eKYC and the OTP were each sent once.
  expect((await rdSandbox.captures(request)).map((c) => c.wadh)).toEqual([EKYC_WADH]);
  const calls = (await ekoSandbox.calls(request, '9000000002')) as { method: string; path: string }[];
  expect(calls.filter((c) => c.method === 'PUT').map((c) => c.path.split('/').slice(-2).join('/'))).toEqual(['9000000002/otp', 'otp/verify']);
});

test('a KYC-pending (newly enrolled) sender completes eKYC too', async ({ page }) => {
  await openEkyc(page, '9000000003');
  await enterAadhaar(page);
  await capture(page);
  await enterOtp(page, '123456');
  await expect(page.getByTestId('kyc-badge')).toHaveText('KYC verified');
  await expect(page.getByTestId('limit-monthly')).toHaveText('₹25,000');
});

test('scanner not ready, then reconnected', async ({ page, request }) => {
  await rdSandbox.useScenario(request, 'not_ready');
  await openEkyc(page);
  await enterAadhaar(page);
  await expect(scanner(page)).toHaveAttribute('data-state', 'not_ready');
  await expect(scanner(page)).toContainText('not ready (unplugged or not registered)');
  await expect(captureButton(page)).toBeDisabled();
  await rdSandbox.useScenario(request, 'ready');
  await page.getByRole('button', { name: 'Check the scanner again' }).click();
  await expect(scanner(page)).toHaveAttribute('data-state', 'ready');
});

test('scanner in use by another application', async ({ page, request }) => {
  await rdSandbox.useScenario(request, 'in_use');
  await openEkyc(page);
  await enterAadhaar(page);
  await expect(scanner(page)).toHaveAttribute('data-state', 'in_use');
  await expect(scanner(page)).toContainText('Another application or browser tab is using the scanner');
  await expect(scanner(page).getByRole('button', { name: 'Check the scanner again' })).toBeVisible();
});

test('a capture timeout says what to do, and is reported to the admin view', async ({ page, request }) => {
  await openEkyc(page);
  await enterAadhaar(page);
  await rdSandbox.useScenario(request, 'timeout');
  await capture(page);
  await expect(page.getByTestId('capture-notice')).toContainText('No finger was placed in time');
  await rdSandbox.useScenario(request, 'ready');
  await captureButton(page).click();
  await expect(page.getByText('UIDAI sent an OTP')).toBeVisible();

  await signIn(page, DEMO.admin);
  await page.goto('/admin');
  await expect(page.getByTestId('device-errors')).toContainText('700');
});

test('low quality asks for a recapture; a good recapture goes through', async ({ page, request }) => {
  await openEkyc(page);
  await enterAadhaar(page);
  await rdSandbox.useScenario(request, 'poor_quality');
  await capture(page);
  await expect(page.getByTestId('capture-notice')).toContainText('too faint (quality 18 of 100)');
  await expect(page.getByRole('button', { name: 'Use this fingerprint' })).toHaveCount(0);

  await rdSandbox.useScenario(request, 'low_quality');
  await captureButton(page).click();
  await expect(page.getByTestId('capture-notice')).toContainText('quality is low (38 of 100)');
  await expect(page.getByRole('button', { name: 'Use this fingerprint' })).toBeVisible();

  await rdSandbox.useScenario(request, 'ready');
  await page.getByRole('button', { name: 'Capture again' }).click();
  await expect(page.getByText('UIDAI sent an OTP')).toBeVisible();
  // Only the good capture went to Eko.
  expect(((await ekoSandbox.calls(request, '9000000002')) as { method: string }[]).filter((c) => c.method === 'PUT')).toHaveLength(1);
});

test('a wrong OTP, then the right one', async ({ page }) => {
  await openEkyc(page, OTHER_NOT_KYC);
  await enterAadhaar(page);
  await capture(page);
  await enterOtp(page, '111111');
  await expect(page.getByText('That OTP is not correct.')).toBeVisible();
  await expect(page.getByLabel('OTP from the sender')).toHaveAttribute('aria-invalid', 'true');
  await enterOtp(page, '123456');
  await expect(page.getByTestId('ekyc-done')).toBeVisible();
});

test('an expired OTP leads back to a fresh capture for a new OTP', async ({ page }) => {
  await openEkyc(page, OTHER_NOT_KYC);
  await enterAadhaar(page);
  await capture(page);
  await enterOtp(page, '000000');
  await expect(page.getByTestId('api-error')).toContainText('The OTP has expired');
  await capture(page);
  await enterOtp(page, '123456');
  await expect(page.getByTestId('ekyc-done')).toBeVisible();
});

test('K-100 verification failure asks for a recapture', async ({ page }) => {
  await openEkyc(page, OTHER_NOT_KYC);
  await enterAadhaar(page, AADHAAR.k100);
  await capture(page);
  await expect(page.getByTestId('api-error')).toContainText('Aadhaar verification failed (K-100)');
  await expect(captureButton(page)).toBeEnabled();
});

test('an existing bank relationship ends the flow with the reason', async ({ page }) => {
  await openEkyc(page, OTHER_NOT_KYC);
  await enterAadhaar(page, AADHAAR.bank);
  await capture(page);
  await expect(page.getByTestId('api-error')).toContainText('already has a relationship with the partner bank');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('ekyc-flow')).toHaveCount(0);
  await expect(page.getByTestId('kyc-badge')).toHaveText('Not KYC');
});

test('an Aadhaar number that fails the check digit, or no consent, is stopped in the form', async ({ page }) => {
  await openEkyc(page);
  await page.getByLabel('Sender’s Aadhaar number').fill('123456789012');
  await page.getByRole('button', { name: 'Continue to fingerprint' }).click();
  await expect(page.getByText('This is not a valid Aadhaar number')).toBeVisible();
  await expect(page.getByText('The sender’s consent is needed')).toBeVisible();
  await expect(scanner(page)).toHaveCount(0);
});

test('a seal the server refuses takes the agent back to the Aadhaar step with the reason; entered again, the eKYC goes on', async ({ page, request }) => {
  // The page's nonce is altered on its way from the key endpoint, as a forged or stale one would
  // be: the server's real answer to the submission is what the page must act on.
  await page.route('**/api/keys/aadhaar-transport', async (route) => {
    const res = await route.fetch();
    const offer = (await res.json()) as { jwk: unknown; nonce: string };
    const flipped = `${offer.nonce.slice(0, -1)}${offer.nonce.endsWith('A') ? 'B' : 'A'}`;
    await route.fulfill({ response: res, json: { ...offer, nonce: flipped } });
  });
  await openEkyc(page);
  await enterAadhaar(page);
  await capture(page);
  const field = page.getByLabel('Sender’s Aadhaar number');
  await expect(field).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The encrypted Aadhaar number failed its security check. Reload the page and enter the Aadhaar number again.')).toBeVisible();
  await expect(page.getByTestId('masked-aadhaar')).toHaveCount(0);
  expect(((await ekoSandbox.calls(request, '9000000002')) as { method: string }[]).filter((c) => c.method === 'PUT')).toHaveLength(0);

  await page.unroute('**/api/keys/aadhaar-transport');
  await enterAadhaar(page);
  await capture(page);
  await expect(page.getByText('UIDAI sent an OTP')).toBeVisible();
});

test('the device found on another port, with the host inside its paths', async ({ page, request }) => {
  await rdSandbox.useScenario(request, 'other_port');
  await openEkyc(page, OTHER_NOT_KYC);
  await enterAadhaar(page);
  await expect(scanner(page)).toHaveAttribute('data-state', 'ready');
  await scanner(page).getByText('Set up my scanner').click();
  await expect(page.getByTestId('scanner-endpoint')).toHaveText('This scanner answered on port 11107 over http.');
  await capture(page);
  await expect(page.getByText('UIDAI sent an OTP')).toBeVisible();
});

test('a driver that writes its paths messily still captures: host, port and stray spaces in them, "://" without a scheme, odd attribute order and quotes', async ({
  page,
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'reading the reply does not depend on the viewport');
  await rdSandbox.useScenario(request, 'messy_paths');
  await openEkyc(page);
  await enterAadhaar(page);
  await expect(scanner(page)).toHaveAttribute('data-state', 'ready');
  // The sandbox serves DEVICEINFO and CAPTURE only at the paths its reply names (/getDeviceInfo,
  // /capture), never at the /rd/info and /rd/capture the client falls back to.
  await expect(scanner(page)).toContainText('Model SANDBOX-FP L1');
  await capture(page);
  await expect(page.getByText('UIDAI sent an OTP')).toBeVisible();
  expect((await rdSandbox.captures(request)).map((c) => c.wadh)).toEqual([EKYC_WADH]);
});

test('no scanner answering: the panel says which ports were tried', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the panel text does not depend on the viewport');
  await page.route(/^https?:\/\/127\.0\.0\.1:111\d\d\//, (route) => route.abort('connectionrefused'));
  await openEkyc(page);
  await enterAadhaar(page);
  await expect(scanner(page)).toHaveAttribute('data-state', 'none');
  await scanner(page).getByText('Set up my scanner').click();
  await expect(page.getByTestId('scanner-endpoint')).toHaveText('No scanner answered on this computer (127.0.0.1, ports 11100–11120, over http and https).');
});

test.describe('browser blocks loopback (Local Network Access denied)', () => {
  // Granting only another permission leaves local-network-access denied in this context.
  test.use({ permissions: ['geolocation'] });
  test('the panel says the browser is blocking, not that the driver is missing', async ({ page }) => {
    await openEkyc(page);
    await enterAadhaar(page);
    await expect(scanner(page)).toHaveAttribute('data-state', 'blocked');
    await expect(scanner(page)).toContainText('Your browser is blocking this page from reaching the scanner');
    await expect(scanner(page)).toContainText('Local network access');
  });
});

test.describe('Android tablets', () => {
  test('capture goes through the native bridge, never to loopback HTTP', async ({ page }) => {
    await page.addInitScript(FAKE_ANDROID_BRIDGE);
    let loopbackCalls = 0;
    await page.route(/^https?:\/\/127\.0\.0\.1:111\d\d\//, (route) => {
      loopbackCalls += 1;
      return route.abort();
    });
    await openEkyc(page);
    await enterAadhaar(page);
    await expect(scanner(page)).toContainText('Fake Android RD Service (test)');
    await expect(scanner(page)).toContainText('Using the tablet’s RD Service app.');
    await capture(page);
    await enterOtp(page, '123456');
    await expect(page.getByTestId('ekyc-done')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __bridgeLog: string[] }).__bridgeLog)).toEqual(['discover', 'deviceInfo', 'capture']);
    expect(loopbackCalls).toBe(0);
  });
});
