import { expect, type Page } from '@playwright/test';

// The sender eKYC steps as an agent takes them, shared by the specs that walk the flow.

export async function openEkyc(page: Page, mobile = '9000000002') {
  await page.goto(`/senders?mobile=${mobile}`);
  await page.getByRole('button', { name: 'Upgrade with Aadhaar eKYC' }).click();
  await expect(page.getByTestId('ekyc-flow')).toBeVisible();
}

export async function enterAadhaar(page: Page, aadhaar = '999999990019') {
  await page.getByLabel('Sender’s Aadhaar number').fill(aadhaar);
  await page.getByLabel('The sender heard this and agrees').check();
  await page.getByRole('button', { name: 'Continue to fingerprint' }).click();
}

export const scanner = (page: Page) => page.getByTestId('scanner-panel');
export const captureButton = (page: Page) => page.getByRole('button', { name: /Capture (fingerprint|again)/ });

export async function capture(page: Page) {
  await expect(scanner(page)).toHaveAttribute('data-state', 'ready');
  await captureButton(page).click();
}

export async function enterOtp(page: Page, otp: string) {
  await page.getByLabel('OTP from the sender').fill(otp);
  await page.getByRole('button', { name: 'Verify OTP' }).click();
}
