// What the page measurements need on a fresh app: a transfer that succeeded (its receipt page),
// made through the app's own API as the agent's browser would (OTP, then the transfer).

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
