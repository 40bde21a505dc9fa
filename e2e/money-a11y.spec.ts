import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from './fixtures';
import { en } from '../lib/i18n/en';
import { hi } from '../lib/i18n/hi';
import { DEMO, signIn } from './auth';
import { addRecipientViaApi, SANDBOX_OTP, settleViaApi, transferViaApi } from './money';
import { ekoMoney, ekoSandbox } from './sandbox';

// The money pages for everyone: axe-core (WCAG 2.1 A/AA) in English and Hindi, no English left
// when Hindi is chosen, and a whole transfer with the keyboard alone (the patterns of a11y.spec.ts,
// language.spec.ts and keyboard.spec.ts).

test.beforeEach(async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'viewport-independent; layout.spec.ts checks the sizes');
  await ekoSandbox.reset(request);
});

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, label).toEqual([]);
}

const ENGLISH = (Object.keys(en) as (keyof typeof en)[])
  .filter((k) => en[k] !== hi[k] && !/\{/.test(en[k]) && en[k].trim().split(/\s+/).length >= 2)
  .map((k) => en[k]);
async function englishLeftOn(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return ENGLISH.filter((s) => text.includes(s));
}

/**
 * Every money page and state worth checking, with the element that shows its data has arrived:
 * the card with recipients, the add form with its errors, each send step, a pending and a final
 * transfer's status, a receipt, the history, and (for admins) the transactions dashboard.
 */
async function visitMoneyPages(page: Page, check: (label: string) => Promise<void>) {
  const done = await transferViaApi(page.request, '9000000002', '10020001', 250);
  const pendingRecipient = await addRecipientViaApi(page.request, '9000000001', {
    name: 'Hari Om',
    mobile: '9876500051',
    ifsc: 'SBIN0000691',
    account: '30009988776',
  });
  const pending = await transferViaApi(page.request, '9000000001', pendingRecipient, 1111);

  await page.goto('/senders?mobile=9000000001');
  await page.getByTestId('recipient').first().waitFor();
  await check('sender card with recipients and a pending transfer');
  await page.goto('/senders?mobile=9000000008');
  await page.getByTestId('add-recipient').waitFor();
  await page.getByTestId('add-recipient').locator('button[type=submit]').click();
  await page.locator('[aria-invalid=true]').first().waitFor();
  await check('add recipient with errors');

  await page.goto('/senders/9000000001/send/10010002');
  const amount = page.locator('input[name=amount]');
  await amount.fill('400');
  await page.getByTestId('fee-estimate').waitFor();
  await check('send: amount and fee');
  await page.locator('form button[type=submit]').click();
  await page.getByTestId('confirm-step').waitFor();
  await check('send: confirm');
  await page.getByTestId('confirm-step').locator('button').first().click();
  await page.getByTestId('otp-step').waitFor();
  await check('send: OTP');

  await page.goto(`/transactions/${pending.id}`);
  await page.getByTestId('do-not-pay-again').waitFor();
  await check('status: pending');
  await page.goto(`/transactions/${done.id}`);
  await page.getByTestId('transfer-success').waitFor();
  await check('status: success');
  await page.goto(`/receipts/${done.id}`);
  await page.getByTestId('receipt').waitFor();
  await check('receipt');
  await page.goto('/transactions');
  await page.getByTestId('history-row').first().waitFor();
  await check('history');
  await page.goto('/transactions?from=2026-12-02&to=2026-12-01');
  await page.locator('[aria-invalid=true]').first().waitFor();
  await check('history with a reversed range');

  await signIn(page, DEMO.admin);
  await page.goto('/admin/transactions');
  await page.getByTestId('admin-tx-table').waitFor();
  await check('admin transactions');
  await signIn(page, DEMO.agent);
  // Final again, so the next pass (after the sandbox's reset) may send to this recipient afresh.
  await settleViaApi(page.request, pending.id);
}

for (const lang of ['en', 'hi'] as const) {
  test(`the money pages pass axe (${lang})`, async ({ page, baseURL }) => {
    test.slow();
    await page.context().addCookies([{ name: 'ad_lang', value: lang, url: baseURL! }]);
    await signIn(page, DEMO.agent);
    await visitMoneyPages(page, (label) => expectNoViolations(page, label));
  });
}

test('in Hindi no English is left on the money pages', async ({ page, baseURL }) => {
  test.slow();
  await page.context().addCookies([{ name: 'ad_lang', value: 'hi', url: baseURL! }]);
  await signIn(page, DEMO.agent);
  await visitMoneyPages(page, async (label) => {
    await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
    expect(await englishLeftOn(page), label).toEqual([]);
  });
});

/** The focused element, and whether it draws a focus indicator. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    return { visible, what: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"` };
  });

async function tabTo(page: Page, target: Locator, maxPresses = 60) {
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

test('a whole transfer with the keyboard alone, the focus visible at every stop', async ({ page, request }) => {
  await signIn(page, DEMO.agent);
  await addRecipientViaApi(page.request, '9000000001', { name: 'Indu Bala', mobile: '9876500061', ifsc: 'BARB0VARANA', account: '12340000567890' });
  await page.goto('/senders?mobile=9000000001');
  await page.getByTestId('recipient').filter({ hasText: 'Indu Bala' }).waitFor();
  await tabTo(page, page.getByRole('link', { name: 'Send money to Indu Bala' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Amount in rupees'));
  await page.keyboard.type('350');
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Send OTP to the sender' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('OTP from the sender'));
  await page.keyboard.type(SANDBOX_OTP);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/receipts\/[0-9a-f-]{36}$/);
  await tabTo(page, page.getByTestId('print-receipt'));
  expect(await ekoMoney.initiateTransfers(request, '9000000001')).toHaveLength(1);
});
