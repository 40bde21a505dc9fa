import { expect, type Locator, type Page, test } from './fixtures';
import { createAgent, DEMO, SAME_ORIGIN, signIn } from './auth';
import { ekoSandbox, rdSandbox } from './sandbox';

// The three paths an agent must be able to walk with the keyboard alone, each control reached by
// Tab and showing where the focus is.

test.use({ permissions: ['local-network-access'] });

test.beforeEach(async ({ request }) => {
  await ekoSandbox.reset(request);
  await rdSandbox.reset(request);
});

/** The focused element, and whether it draws a focus indicator (an outline or a ring). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    // Past the last control the focus goes to the browser's own UI.
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    return { visible, what: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"` };
  });

/** Presses Tab until `target` has the focus, checking the focus is visible at every stop. */
async function tabTo(page: Page, target: Locator, maxPresses = 40) {
  const hasFocus = () => target.evaluate((el) => el === document.activeElement);
  if (await hasFocus()) return;
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now) expect(now.visible, `focus visible on ${now.what}`).toBe(true);
    if (await hasFocus()) return;
  }
  throw new Error(`not reached by Tab: ${target}`);
}

test('sign in with the keyboard', async ({ page }) => {
  await page.goto('/login');
  await tabTo(page, page.getByLabel('Mobile number'));
  await page.keyboard.type(DEMO.agent.mobile);
  await tabTo(page, page.getByLabel('Password'));
  await page.keyboard.type(DEMO.agent.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/senders$/);
});

test('search a sender and open the eKYC, capture and verify the OTP with the keyboard', async ({ page }) => {
  await signIn(page, DEMO.agent);
  await page.goto('/senders');
  await tabTo(page, page.getByLabel('Sender mobile number'));
  await page.keyboard.type('9000000002');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sender-card')).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'Upgrade with Aadhaar eKYC' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Sender’s Aadhaar number'));
  await page.keyboard.type('999999990019');
  await tabTo(page, page.getByLabel('The sender heard this and agrees'));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Continue to fingerprint' }));
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('scanner-panel')).toHaveAttribute('data-state', 'ready');
  await tabTo(page, page.getByRole('button', { name: /Capture fingerprint/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('UIDAI sent an OTP')).toBeVisible();
  await tabTo(page, page.getByLabel('OTP from the sender'));
  await page.keyboard.type('123456');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ekyc-done')).toContainText('The monthly limit is now ₹25,000');
});

test('change the password and sign out with the keyboard', async ({ page, request }) => {
  const account = await createAgent(request);
  await signIn(page, account);
  await page.goto('/senders');
  await tabTo(page, page.getByRole('link', { name: 'Change password' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/account\/password$/);
  await tabTo(page, page.getByLabel('Current password'));
  await page.keyboard.type(account.password);
  await tabTo(page, page.getByLabel('New password', { exact: true }));
  await page.keyboard.type('typed with keys only');
  await tabTo(page, page.getByLabel('New password again'));
  await page.keyboard.type('typed with keys only');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('password-changed')).toBeVisible();

  await tabTo(page, page.getByRole('link', { name: 'Sign out' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/logout$/);
  await tabTo(page, page.getByRole('button', { name: 'Sign out', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/login\?signedOut=1$/);
});

test('an admin lifts a sign-in lockout with the keyboard', async ({ page, request }) => {
  const account = await createAgent(request);
  for (let i = 0; i < 6; i++) await request.post('/api/auth/login', { data: { mobile: account.mobile, password: `wrong-${i}` }, headers: SAME_ORIGIN });
  await signIn(page, DEMO.admin);
  await page.goto('/admin/agents');
  const lift = page.getByRole('button', { name: `Lift lockout: ${account.name}` });
  // Tabbing starts where the pointer last was: at the lockouts, past the list of every agent.
  await page.getByRole('heading', { name: 'Sign-in lockouts' }).click();
  await tabTo(page, lift);
  await page.keyboard.press('Enter');
  await expect(lift).toHaveCount(0);
  expect((await request.post('/api/auth/login', { data: account, headers: SAME_ORIGIN })).status()).toBe(200);
});
