import { expect, type Page, test } from './fixtures';
import { DEMO, signIn } from './auth';
import { customer, customerAadhaar, customerFingerprint, freshCustomerMobile, readyAgent } from './aeps-steps';
import { capture, enterAadhaar, openEkyc, scanner } from './ekyc-steps';
import { transferViaApi } from './money';
import { ekoSandbox, rdSandbox } from './sandbox';

// Tablet-first layout: no sideways scrolling at 360 px, in portrait and landscape; every control
// at least 44 × 44 px; numeric keypads where numbers are typed; the desktop uses its width.

test.use({ permissions: ['geolocation', 'local-network-access'], geolocation: { latitude: 28.6, longitude: 77.2 } });

const SIZES = [
  { name: 'phone portrait', width: 360, height: 740 },
  { name: 'phone landscape', width: 740, height: 360 },
  { name: 'tablet landscape', width: 1280, height: 800 },
];

/** Controls smaller than 44 px either way (a checkbox counts with its label, which takes the tap). */
function smallTargets(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      'button, a[href], input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex="0"]',
    );
    for (const el of controls) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || el.closest('[aria-hidden=true]')) continue;
      // The skip link is off-screen until focused.
      if (el.classList.contains('sr-only')) continue;
      const target = (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') && el.closest('label')) || el;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.width < 44 || box.height < 44) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.getAttribute('name') ?? '').trim().slice(0, 40);
        problems.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return problems;
  });
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function checkEverySize(page: Page, label: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await expect.poll(() => overflow(page), `${label} at ${size.name}: sideways scroll (px)`).toBeLessThanOrEqual(0);
    expect(await smallTargets(page), `${label} at ${size.name}: small touch targets`).toEqual([]);
  }
}

test.beforeEach(async ({ request }) => {
  await ekoSandbox.reset(request);
  await rdSandbox.reset(request);
});

test('login and the offline page', async ({ page }) => {
  await page.goto('/login');
  await page.locator('main form button[type=submit]').click();
  await page.locator('[aria-invalid=true]').first().waitFor();
  await checkEverySize(page, '/login with errors');
  await expect(page.getByLabel('Mobile number')).toHaveAttribute('inputmode', 'numeric');
  await page.goto('/~offline');
  await checkEverySize(page, '/~offline');
});

test('agent pages, sender card, onboarding and each eKYC step', async ({ page }) => {
  test.slow(); // many pages × three sizes
  await signIn(page, DEMO.agent);
  for (const [path, ready] of [
    ['/senders', '[data-testid=aeps-banner]'],
    ['/senders?mobile=9000000001', '[data-testid=sender-card]'],
    ['/senders?mobile=9000000005', '#onboard-title'],
    ['/aeps', '[data-testid=aeps-ekyc]'],
    ['/account/password', 'main form'],
    ['/logout', '[data-testid=sign-out]'],
  ] as const) {
    await page.goto(path);
    await page.locator(ready).waitFor();
    await checkEverySize(page, path);
  }
  await page.goto('/senders');
  await expect(page.getByLabel('Sender mobile number')).toHaveAttribute('inputmode', 'numeric');
  await page.goto('/aeps');
  await expect(page.getByLabel('Your Aadhaar number').first()).toHaveAttribute('inputmode', 'numeric');

  await openEkyc(page);
  await expect(page.getByLabel('Sender’s Aadhaar number')).toHaveAttribute('inputmode', 'numeric');
  await checkEverySize(page, 'eKYC: Aadhaar step');
  await enterAadhaar(page);
  await expect(scanner(page)).toHaveAttribute('data-state', 'ready');
  await checkEverySize(page, 'eKYC: fingerprint step');
  await capture(page);
  await expect(page.getByLabel('OTP from the sender')).toHaveAttribute('inputmode', 'numeric');
  await checkEverySize(page, 'eKYC: OTP step');
});

test('admin pages', async ({ page }) => {
  await signIn(page, DEMO.admin);
  for (const [path, ready] of [
    ['/admin', 'main h1'],
    ['/admin/agents', 'main table'],
    ['/admin/activity', 'main h1'],
  ] as const) {
    await page.goto(path);
    await page.locator(ready).first().waitFor();
    await checkEverySize(page, path);
  }
  // At laptop width every column of the activity table is in view, none behind a scroll bar.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/admin/activity');
  const table = page.getByTestId('activity-table');
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth), 'activity table at 1280 px: hidden columns (px)').toBeLessThanOrEqual(0);
});

test('the desktop layout uses the width', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/admin');
  const width = await page.locator('main').evaluate((el) => el.getBoundingClientRect().width);
  expect(width).toBeGreaterThan(1100);
});

test('money pages: the card with recipients, each send step, a status, a receipt, the history and the admin view', async ({ page }) => {
  test.slow(); // many pages × three sizes
  await signIn(page, DEMO.agent);
  const done = await transferViaApi(page.request, '9000000002', '10020001', 260);
  for (const [path, ready] of [
    ['/senders?mobile=9000000001', '[data-testid=recipient]'],
    ['/senders?mobile=9000000008', '[data-testid=add-recipient]'],
    [`/transactions/${done.id}`, '[data-testid=transfer-success]'],
    [`/receipts/${done.id}`, '[data-testid=receipt]'],
    ['/transactions', '[data-testid=history-row]'],
  ] as const) {
    await page.goto(path);
    await page.locator(ready).first().waitFor();
    await checkEverySize(page, path);
  }
  await page.goto('/senders?mobile=9000000008');
  await expect(page.getByLabel('Account number', { exact: true })).toHaveAttribute('inputmode', 'numeric');
  await expect(page.getByLabel('Recipient’s mobile number')).toHaveAttribute('inputmode', 'numeric');

  await page.goto('/senders/9000000001/send/10010002');
  await expect(page.getByLabel('Amount in rupees')).toHaveAttribute('inputmode', 'numeric');
  await page.getByLabel('Amount in rupees').fill('400');
  await page.getByTestId('fee-estimate').waitFor();
  await checkEverySize(page, 'send: amount and fee');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByTestId('confirm-step').waitFor();
  await checkEverySize(page, 'send: confirm');
  await page.getByRole('button', { name: 'Send OTP to the sender' }).click();
  await expect(page.getByLabel('OTP from the sender')).toHaveAttribute('inputmode', 'numeric');
  await checkEverySize(page, 'send: OTP');

  await signIn(page, DEMO.admin);
  await page.goto('/admin/transactions');
  await page.getByTestId('admin-tx-table').waitFor();
  await checkEverySize(page, '/admin/transactions');
});

test('the receipt prints on 58 and 80 mm thermal rolls with nothing past the paper’s edge', async ({ page }) => {
  await signIn(page, DEMO.agent);
  const done = await transferViaApi(page.request, '9000000002', '10020001', 270);
  await page.goto(`/receipts/${done.id}`);
  await page.getByTestId('receipt').waitFor();
  for (const mm of [58, 80]) {
    await page.getByLabel(`${mm} mm roll`).check();
    await expect(page.getByTestId('receipt')).toHaveAttribute('data-paper', String(mm));
    // The roll's width in CSS pixels (96 per inch), laid out as the printer gets it.
    await page.setViewportSize({ width: Math.floor((mm * 96) / 25.4), height: 900 });
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('receipt-actions')).toBeHidden();
    await expect.poll(() => overflow(page), `${mm} mm: sideways overflow (px)`).toBeLessThanOrEqual(0);
    const pastEdge = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll<HTMLElement>('[data-testid=receipt] *')]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5)
        .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`);
    });
    expect(pastEdge, `${mm} mm: past the edge`).toEqual([]);
    const pdf = await page.pdf({ width: `${mm}mm`, height: '297mm' });
    expect(pdf.subarray(0, 5).toString(), `${mm} mm: a PDF`).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});

test('AePS customer transactions: the menu, each step, a mini statement slip on thermal rolls, a withdrawal and its receipt', async ({ page, request }) => {
  test.slow(); // the agent's own eKYC and daily authentication first, then pages × three sizes
  await readyAgent(page, request);
  await page.getByTestId('aeps-menu').waitFor();
  await checkEverySize(page, '/aeps menu');

  await page.goto('/aeps/statement');
  await expect(page.getByLabel('Customer’s mobile number')).toHaveAttribute('inputmode', 'numeric');
  await checkEverySize(page, 'AePS: customer step');
  await customer(page, freshCustomerMobile());
  await expect(page.getByLabel('Customer’s Aadhaar number')).toHaveAttribute('inputmode', 'numeric');
  await checkEverySize(page, 'AePS: customer Aadhaar step');
  await customerAadhaar(page, '999999991101');
  await customerFingerprint(page);
  await page.getByTestId('statement').waitFor();
  await checkEverySize(page, 'AePS: mini statement');
  for (const mm of [58, 80]) {
    await page.getByLabel(`${mm} mm roll`).check();
    await page.setViewportSize({ width: Math.floor((mm * 96) / 25.4), height: 900 });
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => overflow(page), `statement ${mm} mm: sideways overflow (px)`).toBeLessThanOrEqual(0);
    const pastEdge = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll<HTMLElement>('[data-testid=receipt] *')]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5)
        .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`);
    });
    expect(pastEdge, `statement ${mm} mm: past the edge`).toEqual([]);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  await page.goto('/aeps/withdrawal');
  await customer(page, freshCustomerMobile(), 400);
  await customerAadhaar(page, '999999991101');
  await customerFingerprint(page);
  await page.getByTestId('aeps-paid').waitFor();
  await checkEverySize(page, 'AePS: withdrawal paid');
  await page.getByRole('link', { name: 'Open the receipt' }).click();
  await page.getByTestId('receipt').waitFor();
  await checkEverySize(page, 'AePS: withdrawal receipt');
});
