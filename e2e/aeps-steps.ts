import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { createAgent, signIn } from './auth';

// The AePS steps as an agent takes them (their own eKYC and daily authentication, then a
// customer's transaction), shared by the specs that walk them.

let customerCounter = 0;
/** A customer mobile of this run's own (the sandbox keys its records by it). */
export function freshCustomerMobile(): string {
  customerCounter += 1;
  return `98${String(Date.now()).slice(-6)}${String(customerCounter).padStart(2, '0')}`;
}

async function identifyAgent(page: Page, submit: string) {
  await page.getByLabel('Your Aadhaar number').fill('999999990019');
  await page.getByLabel('I agree').check();
  await page.getByRole('button', { name: 'Share my location' }).click();
  await expect(page.getByTestId('location')).toHaveAttribute('data-state', 'ok');
  await page.getByRole('button', { name: submit }).click();
}

async function agentFingerprint(page: Page) {
  await page.getByLabel('Your bank').selectOption('SBIN');
  await expect(page.getByTestId('scanner-panel')).toHaveAttribute('data-state', 'ready');
  await page.getByRole('button', { name: 'Capture fingerprint' }).click();
}

export async function dailyAuth(page: Page) {
  await identifyAgent(page, 'Continue');
  await agentFingerprint(page);
}

/** A new agent with the one-time AePS eKYC done and (unless `daily: false`) today's authentication. */
export async function readyAgent(page: Page, request: APIRequestContext, { daily = true } = {}) {
  const agent = await createAgent(request);
  await signIn(page, agent);
  await page.goto('/aeps');
  await identifyAgent(page, 'Send OTP to my mobile');
  await page.getByLabel('OTP on your mobile').fill('123456');
  await page.getByRole('button', { name: 'Verify OTP' }).click();
  await agentFingerprint(page);
  await expect(page.getByTestId('aeps-ekyc-status')).toHaveText(/^Done on /);
  if (daily) {
    await dailyAuth(page);
    await expect(page.getByTestId('aeps-daily-status')).toHaveText('Done');
  }
  return agent;
}

export async function customer(page: Page, mobile: string, amount?: number) {
  await page.getByLabel('Customer’s mobile number').fill(mobile);
  await page.getByLabel('Customer’s bank').selectOption('SBIN');
  if (amount !== undefined) {
    await page.getByLabel('Amount to withdraw (₹)').fill(String(amount));
    await expect(page.getByTestId('collect-nothing')).toHaveText(
      `Collect nothing from the customer. Pay out ₹${amount.toLocaleString('en-IN')} in cash after the bank confirms.`,
    );
  }
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
}

export async function customerAadhaar(page: Page, aadhaar: string) {
  await page.getByLabel('Customer’s Aadhaar number').fill(aadhaar);
  await page.getByLabel('The customer heard this and agrees').check();
  if ((await page.getByTestId('location').getAttribute('data-state')) !== 'ok') {
    await page.getByRole('button', { name: 'Share my location' }).click();
    await expect(page.getByTestId('location')).toHaveAttribute('data-state', 'ok');
  }
  await page.getByRole('button', { name: 'Continue to fingerprint' }).click();
}

export async function customerFingerprint(page: Page) {
  await expect(page.getByTestId('scanner-panel')).toHaveAttribute('data-state', 'ready');
  await page.getByRole('button', { name: /Capture (fingerprint|again)/ }).click();
}
