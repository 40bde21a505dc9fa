import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page, test } from './fixtures';
import { en } from '../lib/i18n/en';
import { hi } from '../lib/i18n/hi';
import { DEMO, signIn } from './auth';
import { customer, customerAadhaar, customerFingerprint, dailyAuth, freshCustomerMobile, readyAgent } from './aeps-steps';
import { ekoSandbox, rdSandbox } from './sandbox';

// A customer's AePS transactions at the counter, as an agent does them: balance enquiry, mini
// statement and cash withdrawal, behind today's daily authentication, with their receipts.

/** The sandbox's customers (sandbox/eko/fixtures.ts AEPS_CUSTOMER_FIXTURES): a healthy account, and one whose finger never matches. */
const CUSTOMER_AADHAAR = '999999991101';
const MISMATCH_AADHAAR = '999999991015';
/** A 16-digit Virtual ID: refused in the form, never sealed or sent. */
const VID = '9999 8888 7777 6666';
/** Sandbox withdrawal amounts: 1050 is pending, then paid on the second inquiry; 1250 is paid but its answer never comes. */
const PENDING_THEN_PAID = 1050;
const PAID_ANSWER_LOST = 1250;

// Granting one permission makes Chromium deny the others; the scanner needs loopback access.
test.use({ geolocation: { latitude: 28.6139, longitude: 77.209 }, permissions: ['geolocation', 'local-network-access'] });

test.beforeEach(async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'viewport-independent; layout.spec.ts checks the sizes');
  await ekoSandbox.reset(request);
  await rdSandbox.reset(request);
});

async function withdrawalCalls(request: APIRequestContext, mobile: string) {
  return (await ekoSandbox.calls(request, mobile)).filter((c) => c.path.startsWith('/customer/collection/aeps-fingpay/cash-withdrawl/'));
}

test('balance enquiry: a Virtual ID is refused, then the balance and its slip, printable only at the time', async ({ page, request }) => {
  await readyAgent(page, request);
  await page.getByTestId('aeps-menu').getByRole('link', { name: 'Balance enquiry' }).click();
  await expect(page).toHaveURL(/\/aeps\/balance$/);
  const mobile = freshCustomerMobile();
  await customer(page, mobile);

  await customerAadhaar(page, VID);
  await expect(page.getByText('This is a 16-digit Virtual ID. It is not accepted here: enter the 12-digit Aadhaar number.')).toBeVisible();
  await expect(page.getByTestId('scanner-panel')).toHaveCount(0);
  expect(await ekoSandbox.calls(request, mobile)).toEqual([]);

  await customerAadhaar(page, CUSTOMER_AADHAAR);
  await expect(page.getByTestId('summary-aadhaar')).toHaveText('XXXX XXXX 1101');
  await customerFingerprint(page);
  await expect(page.getByTestId('aeps-balance')).toHaveText('Balance: ₹12,500');
  const receipt = page.getByTestId('receipt');
  await expect(receipt.getByRole('heading', { name: 'AePS balance enquiry slip' })).toBeVisible();
  await expect(receipt.getByTestId('receipt-balance')).toHaveText('₹12,500');
  await expect(receipt.getByTestId('receipt-aadhaar')).toHaveText('XXXX XXXX 1101');
  await expect(receipt.getByTestId('receipt-tid')).not.toHaveText('—');
  await expect(page.getByTestId('print-receipt')).toBeVisible();
  // The only capture of the customer was made without any wadh (an authentication, not an eKYC).
  expect((await rdSandbox.captures(request)).at(-1)?.wadh).toBeNull();

  // The history keeps the enquiry without its figures: its receipt cannot be printed again.
  await page.goto('/transactions');
  const row = page.getByTestId('history-row').filter({ hasText: 'AePS balance enquiry' });
  await expect(row).toContainText('XXXX XXXX 1101');
  await row.getByRole('link', { name: /Receipt/ }).click();
  await expect(page.getByTestId('enquiry-receipt-gone')).toBeVisible();
  await expect(page.getByText('₹12,500')).toHaveCount(0);
});

test('mini statement: the lines as a table on the customer’s slip', async ({ page, request }) => {
  await readyAgent(page, request);
  await page.goto('/aeps/statement');
  await customer(page, freshCustomerMobile());
  await customerAadhaar(page, CUSTOMER_AADHAAR);
  await customerFingerprint(page);
  const table = page.getByTestId('statement');
  await expect(table.getByRole('columnheader')).toHaveText(['Date', 'Details', 'Debit / credit', 'Amount']);
  await expect(table.getByTestId('statement-line')).toHaveCount(5);
  await expect(table.getByTestId('statement-line').filter({ hasText: 'PMKISAN/CR/INSTALMENT' })).toContainText(/Credit.*₹2,000/);
  await expect(page.getByTestId('receipt').getByRole('heading', { name: 'AePS mini statement' })).toBeVisible();
});

test('cash withdrawal: a poor finger is refused with no “use it anyway”, then paid out with its receipt, reprinted from the history', async ({
  page,
  request,
}) => {
  await readyAgent(page, request);
  await page.goto('/aeps/withdrawal');
  const mobile = freshCustomerMobile();
  await customer(page, mobile, 500);
  await customerAadhaar(page, CUSTOMER_AADHAAR);

  // Low quality (and too few minutiae): capture again, nothing sent.
  await rdSandbox.useScenario(request, 'low_quality');
  await customerFingerprint(page);
  await expect(page.getByTestId('capture-notice')).toContainText('too low for a withdrawal');
  await expect(page.getByRole('button', { name: 'Use this fingerprint' })).toHaveCount(0);
  expect(await withdrawalCalls(request, mobile)).toEqual([]);

  await rdSandbox.useScenario(request, 'ready');
  await customerFingerprint(page);
  await expect(page).toHaveURL(/\/transactions\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('aeps-paid')).toContainText('Success: pay ₹500 in cash to the customer now');
  await expect(page.getByTestId('tx-balance')).toHaveText('₹12,000');
  await page.getByRole('link', { name: 'Open the receipt' }).click();

  const receipt = page.getByTestId('receipt');
  await expect(receipt.getByRole('heading', { name: 'AePS cash withdrawal receipt' })).toBeVisible();
  await expect(receipt.getByTestId('receipt-paid-out')).toHaveText('₹500');
  await expect(receipt.getByTestId('receipt-balance')).toHaveText('₹12,000');
  await expect(receipt.getByTestId('receipt-rrn')).not.toHaveText('—');
  await expect(receipt.getByTestId('receipt-tid')).not.toHaveText('—');
  await page.evaluate(() => {
    window.print = () => {};
  });
  await page.getByTestId('print-receipt').click();
  await expect(page.getByTestId('receipt-issued')).toContainText('First printed or shared');

  await page.goto('/transactions');
  await page
    .getByTestId('history-row')
    .filter({ hasText: 'AePS cash withdrawal' })
    .getByRole('link', { name: /Receipt/ })
    .click();
  await expect(page.getByTestId('receipt-reprint')).toContainText('Reprint');
  await expect(page.getByTestId('receipt-paid-out')).toHaveText('₹500');
  expect(await withdrawalCalls(request, mobile)).toHaveLength(1);
});

test('the customer’s details are checked in the form: each wrong field named, the first one focused, and nothing goes on until they are right', async ({
  page,
  request,
}) => {
  await readyAgent(page, request);
  await page.goto('/aeps/withdrawal');
  const step = page.getByTestId('aeps-customer-step');
  const mobile = page.getByLabel('Customer’s mobile number');
  const amount = page.getByLabel('Amount to withdraw (₹)');
  await mobile.fill('12345');
  await amount.fill('75');
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(step.getByText(en['validation.mobile'])).toBeVisible();
  await expect(step.getByText(en['validation.bank'])).toBeVisible();
  await expect(mobile).toBeFocused();
  await expect(page.getByLabel('Customer’s Aadhaar number')).toHaveCount(0);

  // Corrected, a field's message goes; the next wrong field takes the focus.
  await mobile.fill(freshCustomerMobile());
  await expect(step.getByText(en['validation.mobile'])).toHaveCount(0);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  const bank = page.getByLabel('Customer’s bank');
  await expect(bank).toBeFocused();
  await expect(bank).toHaveAttribute('aria-invalid', 'true');
  await bank.selectOption('SBIN');
  await expect(step.getByText(en['validation.bank'])).toHaveCount(0);
  // The amount is then checked against the withdrawal rule.
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(step.getByText(/^Enter a whole amount from ₹/)).toBeVisible();
  await expect(amount).toBeFocused();
  await expect(page.getByLabel('Customer’s Aadhaar number')).toHaveCount(0);

  await amount.fill('500');
  await expect(page.getByTestId('collect-nothing')).toBeVisible();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.getByLabel('Customer’s Aadhaar number')).toBeVisible();
  await expect(page.getByTestId('summary-amount')).toHaveText('₹500');
});

test('a withdrawal the bank refuses: Eko’s words, the next step, and no cash', async ({ page, request }) => {
  await readyAgent(page, request);
  await page.goto('/aeps/withdrawal');
  await customer(page, freshCustomerMobile(), 300);
  await customerAadhaar(page, MISMATCH_AADHAAR);
  await customerFingerprint(page);
  const decline = page.getByTestId('aeps-decline');
  await expect(decline.getByTestId('aeps-decline-reason')).toHaveAttribute('data-reason', 'biometric_mismatch');
  await expect(decline.getByTestId('aeps-eko-reason')).toHaveText(
    'The bank said: “Biometric data did not match. Ask the customer to clean the finger and try again”',
  );
  await expect(decline).toContainText('Do not pay out any cash for this withdrawal.');
  await expect(decline).toContainText('If the customer’s account was debited, the bank reverses it by itself.');
  await expect(page.getByTestId('aeps-paid')).toHaveCount(0);
});

test('a pending withdrawal: “do not pay out yet”, checked until the bank confirms, sent once', async ({ page, request }) => {
  await readyAgent(page, request);
  await page.goto('/aeps/withdrawal');
  const mobile = freshCustomerMobile();
  await customer(page, mobile, PENDING_THEN_PAID);
  await customerAadhaar(page, CUSTOMER_AADHAAR);
  await customerFingerprint(page);
  await expect(page.getByTestId('do-not-pay-out')).toContainText('Do not pay out yet: we are checking');
  await expect(page.getByTestId('aeps-paid')).toHaveCount(0);

  // A second withdrawal for the same customer is refused while this one is open.
  const statusUrl = page.url();
  await page.goto('/aeps/withdrawal');
  await customer(page, mobile, 200);
  await customerAadhaar(page, CUSTOMER_AADHAAR);
  await customerFingerprint(page);
  await page.getByRole('link', { name: 'Open the pending withdrawal' }).click();
  await expect(page).toHaveURL(statusUrl);

  for (let i = 0; i < 3 && (await page.getByTestId('aeps-paid').count()) === 0; i += 1) {
    await page.getByTestId('check-again').click();
    await expect(page.getByTestId('check-again').or(page.getByTestId('aeps-paid')).first()).toBeEnabled();
  }
  await expect(page.getByTestId('aeps-paid')).toContainText(`pay ₹1,050 in cash`);
  await expect(page.getByTestId('do-not-pay-out')).toHaveCount(0);
  expect(await withdrawalCalls(request, mobile)).toHaveLength(1);

  // The admin finds it with the type filter, by the customer's mobile, settled.
  await signIn(page, DEMO.admin);
  await page.goto('/admin/transactions?kind=aeps_withdrawal');
  const row = page
    .getByTestId('admin-tx-table')
    .getByRole('row')
    .filter({ hasText: `${mobile.slice(0, 5)} ${mobile.slice(5)}` });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('AePS cash withdrawal');
  await expect(row).toContainText('₹1,050');
  await expect(row).toContainText('XXXX XXXX 1101');
  await expect(page.getByTestId('aeps-per-day')).toBeVisible();
});

test('a withdrawal paid at the bank whose answer never came: unknown, “do not pay out yet”, found paid by the inquiry, sent once', async ({
  page,
  request,
}) => {
  await readyAgent(page, request);
  await page.goto('/aeps/withdrawal');
  const mobile = freshCustomerMobile();
  await customer(page, mobile, PAID_ANSWER_LOST);
  await customerAadhaar(page, CUSTOMER_AADHAAR);
  await customerFingerprint(page);
  await expect(page.getByTestId('aeps-status')).toHaveAttribute('data-state', 'unknown');
  await expect(page.getByTestId('do-not-pay-out')).toContainText('If the customer’s account was debited, the bank reverses it by itself.');
  await page.getByTestId('check-again').click();
  await expect(page.getByTestId('aeps-paid')).toContainText('pay ₹1,250 in cash');
  expect(await withdrawalCalls(request, mobile)).toHaveLength(1);
});

test('the answer lost between the server and this tab: “do not start it again”, and the history has it', async ({ page, request }) => {
  await readyAgent(page, request);
  await page.goto('/aeps/withdrawal');
  const mobile = freshCustomerMobile();
  await customer(page, mobile, 450);
  await customerAadhaar(page, CUSTOMER_AADHAAR);
  // The request reaches the server (and the bank); the tab never hears back.
  await page.route('**/api/aeps/transactions/withdrawal', async (route) => {
    await route.fetch();
    await route.abort('connectionreset');
  });
  await customerFingerprint(page);
  await expect(page.getByTestId('do-not-pay-out')).toContainText('do not start it again');
  await expect(page.getByRole('button', { name: /Capture/ })).toHaveCount(0);
  await page.unroute('**/api/aeps/transactions/withdrawal');
  await page.getByRole('link', { name: 'Find it in the history' }).click();
  const row = page.getByTestId('history-row').filter({ hasText: 'AePS cash withdrawal' });
  await expect(row).toHaveAttribute('data-state', 'success');
  expect(await withdrawalCalls(request, mobile)).toHaveLength(1);
});

test('daily authentication due: the withdrawal leads to it and comes back after', async ({ page, request }) => {
  await readyAgent(page, request, { daily: false });
  await page.goto('/aeps/withdrawal');
  await expect(page).toHaveURL(/\/aeps\?next=%2Faeps%2Fwithdrawal$/);
  await expect(page.getByTestId('aeps-return-note')).toContainText('Then you go straight back to: Cash withdrawal.');
  await dailyAuth(page);
  await expect(page).toHaveURL(/\/aeps\/withdrawal$/);
  await customer(page, freshCustomerMobile(), 250);
  await customerAadhaar(page, CUSTOMER_AADHAAR);
  await customerFingerprint(page);
  await expect(page.getByTestId('aeps-paid')).toContainText('pay ₹250 in cash');
});

test('Eko asks for the daily authentication (1467) although it is done here: nothing paid, authenticate again, back to the withdrawal', async ({
  page,
  request,
}) => {
  const agent = await readyAgent(page, request);
  // The user code the app gave this agent (e2e/auth.ts freshAgentIds).
  await ekoSandbox.aepsAgent(request, `3${agent.mobile.slice(-7)}`, { daily_kyc_day: null });
  await page.goto('/aeps/withdrawal');
  const mobile = freshCustomerMobile();
  await customer(page, mobile, 350);
  await customerAadhaar(page, CUSTOMER_AADHAAR);
  await customerFingerprint(page);
  await expect(page).toHaveURL(/\/aeps\?next=%2Faeps%2Fwithdrawal&again=1$/);
  await expect(page.getByTestId('aeps-asked-again')).toBeVisible();
  await dailyAuth(page);
  await expect(page).toHaveURL(/\/aeps\/withdrawal$/);
  await customer(page, mobile, 350);
  await customerAadhaar(page, CUSTOMER_AADHAAR);
  await customerFingerprint(page);
  await expect(page.getByTestId('aeps-paid')).toContainText('pay ₹350 in cash');
  // The first was refused by Eko (declined, nothing paid); the second was paid.
  await page.goto('/transactions');
  await expect(page.getByTestId('history-row').filter({ hasText: 'AePS cash withdrawal' })).toHaveCount(2);
  await expect(page.getByTestId('history-row').filter({ hasText: 'AePS cash withdrawal' }).and(page.locator('[data-state=declined]'))).toHaveCount(1);
});

// ---- Accessibility and Hindi

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    label,
  ).toEqual([]);
}

const ENGLISH = (Object.keys(en) as (keyof typeof en)[])
  .filter((k) => en[k] !== hi[k] && !/\{/.test(en[k]) && en[k].trim().split(/\s+/).length >= 2)
  .map((k) => en[k]);

test('the AePS transaction pages pass axe in Hindi, with no English left', async ({ page, request, baseURL }) => {
  test.slow();
  await readyAgent(page, request);
  await page.context().addCookies([{ name: 'ad_lang', value: 'hi', url: baseURL! }]);
  const check = async (label: string) => {
    await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
    await expectNoViolations(page, label);
    const text = await page.locator('body').innerText();
    expect(
      ENGLISH.filter((s) => text.includes(s)),
      label,
    ).toEqual([]);
  };
  await page.goto('/aeps');
  await page.getByTestId('aeps-menu').waitFor();
  await check('AePS menu');

  await page.goto('/aeps/statement');
  await page.getByLabel('ग्राहक का मोबाइल नंबर').fill(freshCustomerMobile());
  await page.getByLabel('ग्राहक का बैंक').selectOption('SBIN');
  await page.getByRole('button', { name: 'आगे बढ़ें', exact: true }).click();
  await page.getByLabel('ग्राहक का आधार नंबर').fill(CUSTOMER_AADHAAR);
  await page.getByLabel('ग्राहक ने यह सुना और सहमत हैं').check();
  await page.getByTestId('location').getByRole('button').click();
  await expect(page.getByTestId('location')).toHaveAttribute('data-state', 'ok');
  await check('customer Aadhaar step');
  await page.getByRole('button', { name: 'फ़िंगरप्रिंट पर आगे बढ़ें' }).click();
  await expect(page.getByTestId('scanner-panel')).toHaveAttribute('data-state', 'ready');
  await check('customer fingerprint step');
  await page.getByRole('button', { name: 'फ़िंगरप्रिंट लें' }).click();
  await page.getByTestId('statement').waitFor();
  await check('mini statement and its slip');

  await page.goto('/aeps/withdrawal');
  await page.getByLabel('ग्राहक का मोबाइल नंबर').fill(freshCustomerMobile());
  await page.getByLabel('ग्राहक का बैंक').selectOption('SBIN');
  await page.getByLabel('निकालने की राशि (₹)').fill(String(PENDING_THEN_PAID));
  await page.getByTestId('collect-nothing').waitFor();
  await check('withdrawal amount');
  await page.getByRole('button', { name: 'आगे बढ़ें', exact: true }).click();
  await page.getByLabel('ग्राहक का आधार नंबर').fill(CUSTOMER_AADHAAR);
  await page.getByLabel('ग्राहक ने यह सुना और सहमत हैं').check();
  await page.getByTestId('location').getByRole('button').click();
  await expect(page.getByTestId('location')).toHaveAttribute('data-state', 'ok');
  await page.getByRole('button', { name: 'फ़िंगरप्रिंट पर आगे बढ़ें' }).click();
  await expect(page.getByTestId('scanner-panel')).toHaveAttribute('data-state', 'ready');
  await page.getByRole('button', { name: 'फ़िंगरप्रिंट लें' }).click();
  await page.getByTestId('do-not-pay-out').waitFor();
  await check('pending withdrawal');
  for (let i = 0; i < 3 && (await page.getByTestId('aeps-paid').count()) === 0; i += 1) {
    await page.getByTestId('check-again').click();
    await expect(page.getByTestId('check-again').or(page.getByTestId('aeps-paid')).first()).toBeVisible();
    await expect(page.getByTestId('check-again').or(page.getByTestId('aeps-paid')).first()).toBeEnabled();
  }
  await check('paid withdrawal');
  await page.getByTestId('aeps-paid').getByRole('link').first().click();
  await page.getByTestId('receipt').waitFor();
  await check('withdrawal receipt');
});
