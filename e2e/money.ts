import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { SAME_ORIGIN } from './auth';

// Money-transfer steps shared by the specs: through the API (to set a scene up) and as an agent
// walks them on the page.

export const SANDBOX_OTP = '123456';

export interface TxView {
  id: string;
  clientRefId: string;
  state: string;
  amountPaise: number;
  ekoTid: string | null;
  refund: { id: string } | null;
}

/** A new recipient through the API: the id Eko gave it. */
export async function addRecipientViaApi(
  request: APIRequestContext,
  sender: string,
  recipient: { name: string; mobile: string; ifsc: string; account: string },
) {
  const res = await request.post(`/api/senders/${sender}/recipients`, { data: recipient, headers: SAME_ORIGIN });
  expect([200, 201], 'add recipient').toContain(res.status());
  const { outcome } = await res.json();
  expect(outcome.recipient, 'the added recipient').toBeTruthy();
  return outcome.recipient.id as string;
}

/** A whole transfer through the API, OTP and all: its transaction as the server answers it. */
export async function transferViaApi(request: APIRequestContext, senderMobile: string, recipientId: string, amount: number): Promise<TxView> {
  const otp = await request.post('/api/transfers/otp', { data: { senderMobile, recipientId, amount }, headers: SAME_ORIGIN });
  expect(otp.status(), 'transfer OTP').toBe(200);
  const { otpRefId } = await otp.json();
  const res = await request.post('/api/transfers', { data: { senderMobile, recipientId, amount, otpRefId, otp: SANDBOX_OTP }, headers: SAME_ORIGIN });
  expect(res.status(), 'transfer').toBe(200);
  return (await res.json()).transaction;
}

/** From the sender card to the OTP step: amount, confirm, Send OTP. */
export async function startTransfer(page: Page, sender: string, recipientName: string, amount: number) {
  await page.goto(`/senders?mobile=${sender}`);
  await page.getByRole('link', { name: `Send money to ${recipientName}` }).click();
  await expect(page).toHaveURL(new RegExp(`/senders/${sender}/send/\\d+$`));
  await page.getByLabel('Amount in rupees').fill(String(amount));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('confirm-step')).toBeVisible();
  await page.getByRole('button', { name: 'Send OTP to the sender' }).click();
  await expect(page.getByTestId('otp-step')).toBeVisible();
}

export const transferButton = (page: Page) => page.getByTestId('otp-submit');

/** Presses "Check status again" until the status page shows `state` (each press is one inquiry). */
export async function checkUntil(page: Page, state: string, presses = 6) {
  const status = page.getByTestId('transaction-status');
  for (let i = 0; i < presses; i++) {
    if ((await status.getAttribute('data-state')) === state) return;
    // While the send itself is out there is nothing to ask Eko (no button): its answer, or its
    // timeout (EKO_TIMEOUT_MS, 3 s here), comes first.
    if (state !== 'sending') await expect(status).not.toHaveAttribute('data-state', 'sending', { timeout: 15_000 });
    const button = page.getByTestId('check-again');
    if (await button.isVisible()) {
      await button.click();
      // Until the answer: the button is busy, then enabled again, or gone with a final state.
      await expect
        .poll(() =>
          page.evaluate(() => {
            const b = document.querySelector<HTMLButtonElement>('[data-testid=check-again]');
            return !b || !b.disabled;
          }),
        )
        .toBe(true);
    }
    await page.waitForTimeout(300);
  }
  await expect(status).toHaveAttribute('data-state', state);
}

/** Asks the server to check a pending transfer until it is final (each check is one inquiry). */
export async function settleViaApi(request: APIRequestContext, id: string, tries = 6): Promise<TxView> {
  let tx: TxView | null = null;
  for (let i = 0; i < tries; i++) {
    const res = await request.post(`/api/transfers/${id}/check`, { data: {}, headers: SAME_ORIGIN });
    expect(res.status(), 'check').toBe(200);
    tx = (await res.json()).transaction as TxView;
    if (!['sending', 'unknown', 'awaited', 'hold'].includes(tx.state)) return tx;
  }
  throw new Error(`transfer ${id} still ${tx?.state} after ${tries} checks`);
}
