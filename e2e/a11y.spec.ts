import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from './fixtures';
import { DEMO, SAME_ORIGIN, signIn } from './auth';
import { ekoSandbox, rdSandbox } from './sandbox';

// axe-core (WCAG 2.1 A/AA) on every page and key state, in English and Hindi, in the tablet and
// desktop projects.

test.use({ permissions: ['geolocation', 'local-network-access'], geolocation: { latitude: 28.6, longitude: 77.2 } });

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, label).toEqual([]);
}

for (const lang of ['en', 'hi'] as const) {
  test.describe(`accessibility (${lang})`, () => {
    test.beforeEach(async ({ page, request, baseURL }) => {
      await ekoSandbox.reset(request);
      await rdSandbox.reset(request);
      await page.context().addCookies([{ name: 'ad_lang', value: lang, url: baseURL! }]);
    });

    test('login, with errors shown', async ({ page }) => {
      await page.goto('/login');
      await expectNoViolations(page, 'login');
      await page.locator('main form button[type=submit]').click();
      await page.locator('[aria-invalid=true]').first().waitFor();
      await expectNoViolations(page, 'login with errors');
      await page.goto('/~offline');
      await expectNoViolations(page, 'offline page');
    });

    test('agent pages and states', async ({ page }) => {
      test.slow(); // seven pages, each analysed
      await signIn(page, DEMO.agent);
      // Each page with the element that shows its data has arrived.
      const pages: [string, string][] = [
        ['/senders', '[data-testid=aeps-banner]'],
        ['/senders?mobile=9000000001', '[data-testid=sender-card]'],
        ['/senders?mobile=9000000002', '[data-testid=sender-card]'],
        ['/senders?mobile=9000000005', '#onboard-title'],
        ['/senders?mobile=9000000094', '[data-testid=api-error]'],
        ['/aeps', '[data-testid=aeps-ekyc-status]'],
        ['/logout', '[data-testid=sign-out]'],
        ['/account/password', 'main form'],
      ];
      for (const [path, ready] of pages) {
        await page.goto(path);
        await page.locator(ready).waitFor();
        await expectNoViolations(page, path);
      }
      // The change-password form with its errors.
      await page.goto('/account/password');
      await page.locator('main form button[type=submit]').click();
      await page.locator('[aria-invalid=true]').first().waitFor();
      await expectNoViolations(page, 'change password with errors');
    });

    test('the eKYC flow with its dialogs and errors', async ({ page }) => {
      await signIn(page, DEMO.agent);
      await page.goto('/senders?mobile=9000000002');
      await page.getByTestId('sender-card').waitFor();
      await page.locator('button', { hasText: /eKYC/ }).first().click();
      await page.getByTestId('ekyc-flow').locator('form button[type=submit]').click(); // empty: errors shown
      await expectNoViolations(page, 'aadhaar step with errors');
      await page.getByTestId('ekyc-flow').locator('input[inputmode=numeric]').fill('999999990019');
      await page.getByTestId('ekyc-flow').locator('input[type=checkbox]').check();
      await page.getByTestId('ekyc-flow').locator('form button[type=submit]').click();
      await expect(page.getByTestId('scanner-panel')).toHaveAttribute('data-state', 'ready');
      await page.getByTestId('scanner-panel').locator('summary').click(); // help open
      await expectNoViolations(page, 'capture step');
    });

    test('admin pages', async ({ page, request }) => {
      // A lockout, so the agents page shows one in its lockout table.
      const mobile = `93${String(Date.now()).slice(-8)}`;
      for (let i = 0; i < 6; i++) await request.post('/api/auth/login', { data: { mobile, password: `wrong-${i}` }, headers: SAME_ORIGIN });
      await signIn(page, DEMO.admin);
      for (const path of ['/admin', '/admin/agents', '/admin/activity', '/admin/activity?from=2026-12-01&to=2026-11-01']) {
        await page.goto(path);
        await expectNoViolations(page, path);
      }
    });
  });
}

test('the check itself catches a problem (an unlabelled input)', async ({ page }) => {
  // A static page: injecting into the app's DOM would race React's hydration.
  await page.setContent('<!doctype html><html lang="en"><head><title>t</title></head><body><main><input type="text"></main></body></html>');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a']).analyze();
  expect(results.violations.map((v) => v.id)).toContain('label');
});
