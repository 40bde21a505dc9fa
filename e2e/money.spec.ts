import { expect, type Page, test } from './fixtures';
import { DEMO, signIn } from './auth';
import { addRecipientViaApi, checkUntil, SANDBOX_OTP, startTransfer, transferButton, transferViaApi } from './money';
import { ekoMoney, ekoSandbox } from './sandbox';

// Send money as an agent does it, against the Eko sandbox's money fixtures (README "Money
// fixtures"): the amount picks the outcome. Each test uses its own sender and recipient: the
// sandbox and the app both allow one pending transfer per sender and recipient, and the app's
// database outlives the sandbox's reset.

test.beforeEach(async ({ page, request }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the flows do not depend on the viewport (layout.spec.ts sweeps the sizes)');
  await ekoSandbox.reset(request);
  await signIn(page, DEMO.agent);
});

const OTP_LABEL = 'OTP from the sender';
const statusUrl = /\/transactions\/[0-9a-f-]{36}$/;
const receiptUrl = /\/receipts\/[0-9a-f-]{36}$/;

async function typeOtpAndTransfer(page: Page, otp = SANDBOX_OTP) {
  await page.getByLabel(OTP_LABEL).fill(otp);
  await transferButton(page).click();
}

test('add a recipient (IFSC look-up, account twice, 342 shows the one there), send money and get the receipt', async ({ page, request }) => {
  await page.goto('/senders?mobile=9000000008');
  const recipients = page.getByTestId('recipients');
  await expect(recipients.getByTestId('recipients-empty')).toHaveText('No recipients yet. Add the first one below.');
  await expect(page.getByTestId('api-error')).toHaveCount(0); // "none yet" is not an error

  const form = page.getByTestId('add-recipient');
  const ifsc = form.getByLabel('IFSC of the recipient’s branch');
  // An IFSC of no bank Eko knows, then the real one, typed in lower case as agents do.
  await ifsc.pressSequentially('zzzz0123456');
  await expect(form.getByTestId('ifsc-lookup')).toHaveText('Eko does not know this IFSC. Check it on the cheque book or passbook.');
  await ifsc.fill('');
  await ifsc.pressSequentially('sbin0000691');
  await expect(ifsc).toHaveValue('SBIN0000691');
  await expect(form.getByTestId('ifsc-lookup')).toContainText('STATE BANK OF INDIA');
  await expect(form.getByTestId('ifsc-lookup')).toContainText('NEW DELHI MAIN BRANCH');

  await form.getByLabel('Recipient’s name').fill('Kiran Devi');
  await form.getByLabel('Recipient’s mobile number').fill('9876500011');
  await form.getByLabel('Account number', { exact: true }).fill('112233445566');
  await form.getByLabel('Account number again').fill('112233445567');
  await form.getByRole('button', { name: 'Add recipient' }).click();
  await expect(form.getByLabel('Account number again')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('The two account numbers are not the same.')).toBeVisible();
  expect(
    (await ekoSandbox.calls(request, '9000000008')).filter((c) => c.method === 'POST'),
    'refused in the form',
  ).toHaveLength(0);

  await form.getByLabel('Account number again').fill('112233445566');
  await form.getByRole('button', { name: 'Add recipient' }).click();
  await expect(page.getByTestId('recipient-added')).toHaveText('Kiran Devi was added as a recipient.');
  const kiran = recipients.getByTestId('recipient').filter({ hasText: 'Kiran Devi' });
  await expect(kiran).toContainText('STATE BANK OF INDIA');
  await expect(kiran).toContainText('SBIN0000691');
  await expect(kiran.getByTestId('recipient-verified')).toHaveText('Not verified');
  await expect(kiran.getByTestId('recipient-account')).toHaveText(/^X+5566$/);
  await expect(page.locator('body')).not.toContainText('112233445566');

  // The same account again: Eko's 342, and the recipient already there is the one shown.
  await recipients.getByRole('button', { name: 'Add recipient' }).click();
  await form.getByLabel('Recipient’s name').fill('Kiran Kumari');
  await form.getByLabel('Recipient’s mobile number').fill('9876500012');
  await form.getByLabel('IFSC of the recipient’s branch').fill('SBIN0000691');
  await form.getByLabel('Account number', { exact: true }).fill('112233445566');
  await form.getByLabel('Account number again').fill('112233445566');
  await form.getByRole('button', { name: 'Add recipient' }).click();
  await expect(page.getByTestId('recipient-added')).toContainText('This account is already a recipient of this sender');
  await expect(recipients.getByTestId('recipient')).toHaveCount(1);

  // Send ₹500: limits beside the field, the fee estimate and the total before confirming.
  await kiran.getByRole('link', { name: 'Send money to Kiran Devi' }).click();
  await expect(page).toHaveURL(/\/senders\/9000000008\/send\/\d+$/);
  await expect(page.getByTestId('limit-available')).toHaveText('₹5,000');
  await page.getByLabel('Amount in rupees').fill('500');
  await expect(page.getByTestId('fee-estimate-fee')).toHaveText('₹10');
  await expect(page.getByTestId('fee-estimate-total')).toHaveText('₹510');
  await expect(page.getByTestId('fee-estimate')).toContainText('Estimate; Eko’s fee shows on the receipt.');
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.getByTestId('transfer-summary');
  await expect(summary.getByTestId('summary-recipient')).toHaveText('Kiran Devi');
  await expect(summary).toContainText('STATE BANK OF INDIA');
  await expect(summary.getByTestId('summary-account')).toHaveText(/^X+5566$/);
  await expect(summary.getByTestId('summary-amount')).toHaveText('₹500');
  await page.getByRole('button', { name: 'Send OTP to the sender' }).click();
  await typeOtpAndTransfer(page);

  await expect(page).toHaveURL(receiptUrl);
  const receipt = page.getByTestId('receipt');
  await expect(receipt.getByTestId('receipt-status')).toHaveText('Success');
  await expect(receipt.getByTestId('receipt-amount')).toHaveText('₹500');
  await expect(receipt.getByTestId('receipt-fee')).toHaveText('₹10');
  await expect(receipt.getByTestId('receipt-collectable')).toHaveText('₹510');
  await expect(receipt.getByTestId('receipt-recipient')).toHaveText('Kiran Devi');
  await expect(receipt.getByTestId('receipt-account')).toHaveText(/^X+5566$/);
  await expect(receipt.getByTestId('receipt-tid')).not.toHaveText('—');
  await expect(receipt.getByTestId('receipt-utr')).not.toHaveText('—');
  await expect(receipt.getByTestId('receipt-number')).toHaveText(/^[A-Za-z0-9_-]{1,20}$/);
  await expect(receipt.getByTestId('receipt-training')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('112233445566');
  const [sent] = await ekoMoney.transactions(request, '9000000008');
  expect(sent?.client_ref_id).toBe(await receipt.getByTestId('receipt-number').textContent());

  // Printed once, every later copy says "Reprint" with its time, also after a reload.
  await page.evaluate(() => {
    window.print = () => {};
  });
  await page.getByTestId('print-receipt').click();
  await expect(page.getByTestId('receipt-issued')).toContainText('First printed or shared');
  await page.reload();
  await expect(page.getByTestId('print-receipt')).toHaveText('Print again (reprint)');
  await expect(receipt.getByTestId('receipt-reprint')).toContainText('Reprint');
});

test('awaited (1111): "do not pay again" on the status page, the card, the home and the history until the inquiry says success; one debit', async ({
  page,
  request,
}) => {
  const walletBefore = await ekoMoney.wallet(request);
  await startTransfer(page, '9000000001', 'Ravi Verma', 1111);
  await typeOtpAndTransfer(page);
  await expect(page).toHaveURL(statusUrl);
  const statusPage = page.url();
  await expect(page.getByTestId('do-not-pay-again')).toContainText('Do not pay again: we are checking with the bank');

  // Everywhere the agent might look, from the server (a fresh load, nothing kept in the browser).
  await page.goto('/senders');
  await expect(page.getByTestId('pending-transfers').getByTestId('pending-transfer')).toContainText('₹1,111');
  await expect(page.getByTestId('pending-transfers')).toContainText('Ravi Verma');
  await page.goto('/senders?mobile=9000000001');
  await expect(page.getByTestId('recipients').getByTestId('pending-transfer')).toContainText('₹1,111');
  await page.goto('/transactions');
  await expect(page.getByTestId('pending-transfers')).toContainText('₹1,111');
  // A second transfer to Ravi is not offered while this one is open.
  await page.goto('/senders/9000000001/send/10010001');
  await expect(page.getByTestId('send-blocked-pending')).toBeVisible();
  await expect(page.getByLabel('Amount in rupees')).toHaveCount(0);

  await page.goto(statusPage);
  await checkUntil(page, 'success');
  await expect(page.getByTestId('transfer-success')).toContainText('₹1,111 reached Ravi Verma.');
  await expect(page.getByTestId('do-not-pay-again')).toHaveCount(0);
  await page.getByRole('link', { name: 'Open the receipt' }).click();
  await expect(page.getByTestId('receipt').getByTestId('receipt-status')).toHaveText('Success');

  expect(await ekoMoney.initiateTransfers(request, '9000000001'), 'Initiate Transfer calls').toHaveLength(1);
  const sent = await ekoMoney.transactions(request, '9000000001');
  expect(sent.map((t) => t.tx_status)).toEqual(['0']);
  expect(walletBefore - (await ekoMoney.wallet(request)), 'debited once: amount + fee').toBeCloseTo(1111 + 11.11, 2);
  await page.goto('/senders');
  await expect(page.getByTestId('pending-transfers')).toHaveCount(0);
});

test('a timeout that succeeded (1221): "do not pay again", then reconciled to success with one debit', async ({ page, request }) => {
  test.slow(); // Eko "never answers": the server waits out its timeout
  const walletBefore = await ekoMoney.wallet(request);
  await startTransfer(page, '9000000001', 'Meena Kumari', 1221);
  await typeOtpAndTransfer(page);
  await expect(page).toHaveURL(statusUrl, { timeout: 20_000 });
  await expect(page.getByTestId('do-not-pay-again')).toBeVisible();
  await expect(page.getByTestId('transaction-status')).not.toHaveAttribute('data-state', 'failed');
  await checkUntil(page, 'success');
  await expect(page.getByTestId('tx-tid')).not.toHaveText('—');
  expect(await ekoMoney.initiateTransfers(request, '9000000001'), 'Initiate Transfer calls').toHaveLength(1);
  expect(walletBefore - (await ekoMoney.wallet(request)), 'debited once').toBeCloseTo(1221 + 12.21, 2);
});

test('a double click on Transfer sends one transfer', async ({ page, request }) => {
  await startTransfer(page, '9000000002', 'Suresh Kumar', 700);
  await page.getByLabel(OTP_LABEL).fill(SANDBOX_OTP);
  await transferButton(page).dblclick();
  await expect(page).toHaveURL(receiptUrl);
  expect(await ekoMoney.initiateTransfers(request, '9000000002'), 'Initiate Transfer calls').toHaveLength(1);
  expect(await ekoMoney.transactions(request, '9000000002')).toHaveLength(1);

  // The history: today's by default, then by status.
  await page.goto('/transactions');
  await expect(page.getByTestId('history-row').filter({ hasText: '₹700' })).toHaveCount(1);
  await page.getByLabel('Status', { exact: true }).selectOption('declined');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/state=declined/);
  await expect(page.getByTestId('history-row').filter({ hasText: '₹700' })).toHaveCount(0);
  await page.getByLabel('Status', { exact: true }).selectOption('success');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('history-row').filter({ hasText: '₹700' })).toHaveCount(1);
  for (const state of await page.getByTestId('history-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')))) expect(state).toBe('success');
});

test('sharing a receipt sends text only, with the account masked, and counts as its first issue', async ({ page }) => {
  const tx = await transferViaApi(page.request, '9000000002', '10020001', 275);
  await page.addInitScript(() => {
    const shared: { title?: string; text?: string; url?: string; files?: unknown }[] = [];
    (window as unknown as { __shared: typeof shared }).__shared = shared;
    Object.defineProperty(navigator, 'share', { configurable: true, value: async (data: (typeof shared)[number]) => void shared.push(data) });
  });
  await page.goto(`/receipts/${tx.id}`);
  await page.getByTestId('share-receipt').click();
  await expect(page.getByTestId('receipt-issued')).toContainText('First printed or shared');
  const [shared] = await page.evaluate(() => (window as unknown as { __shared: { title?: string; text?: string; url?: string; files?: unknown }[] }).__shared);
  expect(shared?.url).toBeUndefined();
  expect(shared?.files).toBeUndefined();
  expect(shared?.text).toContain('₹275');
  expect(shared?.text).toContain('Suresh Kumar');
  expect(shared?.text).toContain(tx.clientRefId);
  expect(shared?.text).toMatch(/Account: X+2345/);
  expect(shared?.text).not.toContain('1120001700012345');
});

test('a refresh in the middle of a transfer shows it pending, never an empty form', async ({ page, request }) => {
  test.slow();
  const recipientId = await addRecipientViaApi(page.request, '9000000008', {
    name: 'Lata Bai',
    mobile: '9876500021',
    ifsc: 'HDFC0000240',
    account: '50100099887766',
  });
  await startTransfer(page, '9000000008', 'Lata Bai', 1221);
  await page.getByLabel(OTP_LABEL).fill(SANDBOX_OTP);
  const posted = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/transfers');
  await transferButton(page).click();
  await posted;
  await page.waitForTimeout(500); // the server has recorded the transfer and is waiting for Eko
  await page.reload();
  await expect(page.getByTestId('send-blocked-pending')).toBeVisible();
  await expect(page.getByTestId('send-blocked-pending')).toContainText('Do not pay again: we are checking with the bank');
  await expect(page.getByTestId('send-blocked-pending')).toContainText('₹1,221');
  await expect(page.getByLabel('Amount in rupees')).toHaveCount(0);

  await page.getByTestId('send-blocked-pending').getByRole('link', { name: 'Open' }).click();
  await expect(page).toHaveURL(statusUrl);
  await checkUntil(page, 'success', 10);
  expect(await ekoMoney.initiateTransfers(request, '9000000008'), 'Initiate Transfer calls').toHaveLength(1);
  await page.goto(`/senders/9000000008/send/${recipientId}`);
  await expect(page.getByLabel('Amount in rupees')).toBeVisible(); // final: a new transfer may start
});

test('refund (1112): refund pending → refund with the sender’s OTP from the history → refunded, with its own receipt', async ({ page, request }) => {
  await startTransfer(page, '9000000002', 'Suresh Kumar', 1112);
  await typeOtpAndTransfer(page);
  await expect(page).toHaveURL(statusUrl);
  const statusPage = page.url();
  await checkUntil(page, 'refund_pending');
  await expect(page.getByTestId('refund-pending')).toContainText('The transfer of ₹1,112 failed at the bank');

  await page.goto('/transactions');
  const pendingRow = page.locator('[data-testid=history-row][data-state=refund_pending]');
  await expect(pendingRow).toHaveCount(1);
  // By its id from here: the row's state changes under the agent's hands.
  const row = page.locator(`[data-testid=history-row][data-tx="${await pendingRow.getAttribute('data-tx')}"]`);
  await row.getByRole('button', { name: 'Refund', exact: true }).click();
  const flow = row.getByTestId('refund-flow');
  await flow.getByRole('button', { name: 'Send refund OTP to the sender' }).click();
  await flow.getByLabel('Refund OTP from the sender').fill('111111');
  await flow.getByRole('button', { name: 'Refund', exact: true }).click();
  await expect(flow.getByLabel('Refund OTP from the sender')).toHaveAttribute('aria-invalid', 'true');
  await expect(flow.getByLabel('Refund OTP from the sender')).toHaveValue(''); // the OTP is never kept
  await flow.getByLabel('Refund OTP from the sender').fill(SANDBOX_OTP);
  await flow.getByRole('button', { name: 'Refund', exact: true }).click();
  await expect(row.getByTestId('refund-done')).toContainText('Refund done');
  await expect(row).toHaveAttribute('data-state', 'refunded');
  await expect(row.getByTestId('refund-done')).toContainText('Refunded: ₹1,123.12');
  await row.getByRole('link', { name: 'Open the refund receipt' }).click();

  const receipt = page.getByTestId('receipt');
  await expect(receipt.getByRole('heading', { name: 'Refund receipt' })).toBeVisible();
  await expect(receipt.getByTestId('receipt-refund-tid')).not.toHaveText('—');
  await expect(receipt.getByTestId('receipt-refunded')).toHaveText('₹1,123.12'); // amount + fee
  await expect(receipt.getByTestId('receipt-recipient')).toHaveText('Suresh Kumar');
  const [refunded] = await ekoMoney.transactions(request, '9000000002');
  expect(refunded?.tx_status).toBe('4');
  await expect(receipt.getByTestId('receipt-refund-tid')).toHaveText(refunded!.refund_tid!);

  await page.goto(statusPage);
  await expect(page.getByTestId('transaction-status')).toHaveAttribute('data-state', 'refunded');
});

test('declines: a wrong OTP is typed again for the same reference, 945 at Send OTP is explained, and an empty wallet says top up', async ({
  page,
  request,
}) => {
  const recipientId = await addRecipientViaApi(page.request, '9000000001', {
    name: 'Gopal Das',
    mobile: '9876500031',
    ifsc: 'PUNB0112000',
    account: '1120001700099999',
  });
  await startTransfer(page, '9000000001', 'Gopal Das', 300);
  await typeOtpAndTransfer(page, '999999');
  await expect(page.getByTestId('wrong-otp')).toContainText('The OTP is not right');
  await expect(page.getByLabel(OTP_LABEL)).toHaveValue('');
  await typeOtpAndTransfer(page); // the same OTP reference, no new OTP
  await expect(page).toHaveURL(receiptUrl);
  const otps = (await ekoSandbox.calls(request, '9000000001')).filter((c) => c.path === '/customer/payment/dmt-fino/otp');
  expect(otps, 'one OTP for both tries').toHaveLength(1);

  // Eko refuses the OTP itself (945: limit exhausted): explained, no OTP step.
  await page.goto(`/senders/9000000001/send/${recipientId}`);
  await page.getByLabel('Amount in rupees').fill('1442');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Send OTP to the sender' }).click();
  await expect(page.getByTestId('limit-exhausted')).toContainText('the monthly limit has no room for ₹1,442');
  await expect(page.getByTestId('otp-step')).toHaveCount(0);

  // Not enough in the agent's wallet: top up, with the balance after the last successful transfer.
  await page.getByRole('button', { name: 'Change the amount' }).click();
  await page.getByLabel('Amount in rupees').fill('1332');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Send OTP to the sender' }).click();
  await typeOtpAndTransfer(page);
  const decline = page.getByTestId('decline');
  await expect(decline.getByTestId('decline-reason')).toHaveAttribute('data-reason', 'insufficient_balance');
  await expect(decline).toContainText('Top up your Eko wallet');
  await expect(decline).toContainText(/Your Eko wallet (balance|had)/);
  await expect(decline).toContainText('No money moved.');
});

test('the receipt reads the amount and status aloud in the agent’s language, and hides the button without a voice for it', async ({ page, baseURL }) => {
  const tx = await transferViaApi(page.request, '9000000002', '10020001', 250);
  expect(tx.state).toBe('success');
  await page.addInitScript(
    (voices: { lang: string; name: string }[]) => {
      const spoken: { text: string; lang: string; voice: string | null; rate: number }[] = [];
      (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
      class Utterance {
        lang = '';
        voice: { name: string } | null = null;
        rate = 1;
        onend: (() => void) | null = null;
        onerror: (() => void) | null = null;
        constructor(public text: string) {}
      }
      const wanted = new URL(location.href).searchParams.get('voices');
      const list = voices
        .filter((v) => wanted === null || wanted.split(',').includes(v.lang))
        .map((v) => ({ ...v, voiceURI: v.name, default: false, localService: true }));
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
      Object.defineProperty(window, 'speechSynthesis', {
        configurable: true,
        value: {
          getVoices: () => list,
          speak: (u: Utterance) => spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null, rate: u.rate }),
          cancel: () => {},
          addEventListener: () => {},
          removeEventListener: () => {},
        },
      });
    },
    [
      { lang: 'en-IN', name: 'English India' },
      { lang: 'hi-IN', name: 'Hindi India' },
    ],
  );
  const spoken = () => page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string; voice: string | null }[] }).__spoken);

  await page.goto(`/receipts/${tx.id}`);
  await page.getByTestId('read-aloud').click();
  expect(await spoken()).toEqual([{ text: '₹250 sent to Suresh Kumar. Status: Success.', lang: 'en-IN', voice: 'English India', rate: 0.9 }]);

  await page.context().addCookies([{ name: 'ad_lang', value: 'hi', url: baseURL! }]);
  await page.goto(`/receipts/${tx.id}`);
  await page.getByTestId('read-aloud').click();
  expect(await spoken()).toEqual([{ text: 'Suresh Kumar को ₹250 भेजे गए। स्थिति: सफल।', lang: 'hi-IN', voice: 'Hindi India', rate: 0.9 }]);

  // No Hindi voice on this device: no button, rather than Hindi read by an English voice.
  await page.goto(`/receipts/${tx.id}?voices=en-IN`);
  await expect(page.getByTestId('receipt')).toBeVisible();
  await expect(page.getByTestId('read-aloud')).toHaveCount(0);
});

test('an admin sees the awaited queue, oldest first with its age, filters the transactions and downloads them as CSV', async ({ page, request }) => {
  // Two transfers Eko never settles (1119: tx_status 9 at every inquiry), on recipients of their own.
  const first = await addRecipientViaApi(page.request, '9000000002', { name: 'Asha Kale', mobile: '9876500041', ifsc: 'KKBK0000878', account: '878000111222' });
  const second = await addRecipientViaApi(page.request, '9000000002', { name: 'Babu Rao', mobile: '9876500042', ifsc: 'UTIB0000004', account: '004000333444' });
  const older = await transferViaApi(page.request, '9000000002', first, 1119);
  const newer = await transferViaApi(page.request, '9000000002', second, 1119);
  for (const tx of [older, newer]) expect(['unknown', 'awaited', 'hold', 'sending']).toContain(tx.state);
  expect(await ekoMoney.initiateTransfers(request, '9000000002')).toHaveLength(2);

  await signIn(page, DEMO.admin);
  await page.goto('/admin/transactions');
  const queue = page.getByTestId('awaited-queue-table');
  const rows = queue.getByRole('row');
  const texts = await rows.allInnerTexts();
  const olderAt = texts.findIndex((t) => t.includes(older.clientRefId));
  const newerAt = texts.findIndex((t) => t.includes(newer.clientRefId));
  expect(olderAt, 'the older one is listed').toBeGreaterThan(0);
  expect(newerAt, 'oldest first').toBeGreaterThan(olderAt);
  await expect(rows.nth(olderAt)).toContainText(/\d+ (seconds?|minutes?|hours?|days?)/);
  await expect(page.getByTestId('kpi-tx-awaited')).not.toHaveText('0');

  // Filters: an amount range and a state; the table is read from the API with them.
  await page.getByLabel('Amount from (₹)').fill('1119');
  await page.getByLabel('Amount up to (₹)').fill('1119');
  await page.getByLabel('Kind').selectOption('dmt_transfer');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/min=1119/);
  await expect(page.getByTestId('admin-tx-table')).toContainText(older.clientRefId);
  await expect(page.getByTestId('admin-tx-table')).toContainText(newer.clientRefId);

  const href = await page.getByTestId('admin-tx-csv').getAttribute('href');
  expect(href).toMatch(/^\/api\/admin\/transactions\/export\?.*min=1119/);
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toMatch(/text\/csv/);
  const body = await csv.text();
  expect(body).toContain(older.clientRefId);
  expect(body).toContain(newer.clientRefId);
  expect(body).not.toContain('878000111222'); // accounts only masked
});
