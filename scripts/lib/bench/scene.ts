// What the page measurements need on a fresh app: a transfer that succeeded (its receipt page),
// made through the app's own API as the agent's browser would (OTP, then the transfer); and the
// agent's AePS set up for the day (the AePS transaction page opens on its form only then).
import { chromium, type Page } from '@playwright/test';

// Eko sandbox fixtures (sandbox/eko/fixtures.ts): a KYC-verified sender for the card, and a sender
// with a saved recipient to whom a small transfer succeeds.
export const CARD_SENDER = '9000000001';
export const TRANSFER_FIXTURE = { senderMobile: '9000000002', recipientId: '10020001', amount: 250 } as const;
export const SANDBOX_OTP = '123456';

export interface PageScene {
  receiptId: string;
}

async function postJson(origin: string, cookie: string, path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, cookie },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) throw new Error(`POST ${path}: HTTP ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export async function pageScene(origin: string, cookie: string): Promise<PageScene> {
  const { senderMobile, recipientId, amount } = TRANSFER_FIXTURE;
  const { otpRefId } = (await postJson(origin, cookie, '/api/transfers/otp', { senderMobile, recipientId, amount })) as { otpRefId: string };
  const { transaction } = (await postJson(origin, cookie, '/api/transfers', { senderMobile, recipientId, amount, otpRefId, otp: SANDBOX_OTP })) as {
    transaction: { id: string; state: string };
  };
  if (transaction.state !== 'success') throw new Error(`the scene's transfer ended ${transaction.state}, not success`);
  return { receiptId: transaction.id };
}

/** The agent's own Aadhaar in the Eko sandbox (sandbox/eko/fixtures.ts), its bank and a shop's place. */
const AGENT_AADHAAR = '999999990019';
const AGENT_BANK = 'SBIN';
const SHOP = { latitude: 28.6139, longitude: 77.209 };

async function agentIdentity(page: Page, submit: string) {
  await page.getByLabel('Your Aadhaar number').fill(AGENT_AADHAAR);
  await page.getByLabel('I agree').check();
  await page.getByRole('button', { name: 'Share my location' }).click();
  await page.locator('[data-testid="location"][data-state="ok"]').waitFor();
  await page.getByRole('button', { name: submit }).click();
}

async function agentFingerprint(page: Page) {
  await page.getByLabel('Your bank').selectOption(AGENT_BANK);
  await page.locator('[data-testid="scanner-panel"][data-state="ready"]').waitFor();
  await page.getByRole('button', { name: 'Capture fingerprint' }).click();
}

/**
 * The agent's one-time AePS eKYC and today's authentication, done as an agent does them: in
 * Chromium, the fingerprint from the RD sandbox (the stack's `rdSandbox`). Needs the sandbox.
 */
export async function aepsReady(origin: string, cookie: string, chromiumPath: string): Promise<void> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ geolocation: SHOP, permissions: ['geolocation', 'local-network-access'] });
    const [name, ...value] = cookie.split('=');
    await context.addCookies([{ name: name!, value: value.join('='), url: origin }]);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${origin}/aeps`);
    await agentIdentity(page, 'Send OTP to my mobile');
    await page.getByLabel('OTP on your mobile').fill(SANDBOX_OTP);
    await page.getByRole('button', { name: 'Verify OTP' }).click();
    await agentFingerprint(page);
    await page.locator('[data-testid="aeps-ekyc-status"]', { hasText: /^Done on / }).waitFor();
    await agentIdentity(page, 'Continue');
    await agentFingerprint(page);
    await page.locator('[data-testid="aeps-daily-status"]', { hasText: /^Done$/ }).waitFor();
  } finally {
    await browser.close();
  }
}
