import { expect, type Page, test } from './fixtures';
import { en } from '../lib/i18n/en';
import { hi } from '../lib/i18n/hi';
import { DEMO, signIn } from './auth';
import { ekoSandbox } from './sandbox';

// English sentences (two words or more) that Hindi says differently: none may remain on a page.
const ENGLISH = (Object.keys(en) as (keyof typeof en)[])
  .filter((k) => en[k] !== hi[k] && !/\{/.test(en[k]) && en[k].trim().split(/\s+/).length >= 2)
  .map((k) => en[k]);

async function englishLeftOn(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return ENGLISH.filter((s) => text.includes(s));
}

async function chooseHindi(page: Page) {
  await page.getByTestId('language-switch').getByRole('button', { name: 'हिन्दी' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
  await expect(page.getByTestId('language-switch').getByRole('button', { name: 'हिन्दी' })).toHaveAttribute('aria-pressed', 'true');
}

test.use({ permissions: ['geolocation', 'local-network-access'], geolocation: { latitude: 28.6, longitude: 77.2 } });

test('switching to Hindi is remembered and leaves no English on the agent pages', async ({ page, request }) => {
  await ekoSandbox.reset(request);
  await page.goto('/login');
  await chooseHindi(page);
  expect(await englishLeftOn(page)).toEqual([]);

  await signIn(page, DEMO.agent);
  for (const path of ['/senders', '/senders?mobile=9000000002', '/senders?mobile=9000000005', '/aeps', '/account/password', '/logout']) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
    await page.waitForLoadState('networkidle');
    expect(await englishLeftOn(page), path).toEqual([]);
  }
  // Figures keep the Indian format in Hindi too.
  await page.goto('/senders?mobile=9000000002');
  await expect(page.getByTestId('limit-monthly')).toHaveText('₹5,000');

  // The API's errors follow the language too.
  const res = await page.request.get('/api/senders/123');
  expect((await res.json()).error.fields.mobile).toBe(hi['validation.mobile']);

  // The change-password page's errors, and an admin's lockout view, in Hindi too.
  await page.goto('/account/password');
  await page.locator('main form button[type=submit]').click();
  await expect(page.locator('[aria-invalid=true]').first()).toBeVisible();
  expect(await englishLeftOn(page), 'change password with errors').toEqual([]);
  await signIn(page, DEMO.admin);
  await page.goto('/admin/agents');
  await expect(page.getByTestId('lockouts')).toBeVisible();
  expect(await englishLeftOn(page), '/admin/agents').toEqual([]);
  await signIn(page, DEMO.agent);

  // And back.
  await page.getByTestId('language-switch').getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Find a sender' })).toBeVisible();
});
