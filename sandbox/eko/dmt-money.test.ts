import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../lib/config/schema';
import { BANKS } from './banks';
import { DEFAULT_WALLET, OTP_EXPIRED, SANDBOX_OTP } from './fixtures';
import type { EkoSandbox } from './server';
import { callSandbox, type SandboxCallOptions, sandboxControl, startTestSandbox } from './test-helpers';

// The sandbox's DMT money endpoints over real HTTP, signed as the app signs them.

let sandbox: EkoSandbox;
let baseUrl = '';
beforeAll(async () => {
  const started = await startTestSandbox();
  sandbox = started.sandbox;
  baseUrl = started.config.baseUrl;
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const call = (method: 'GET' | 'POST', path: string, body: Record<string, unknown> = {}, options: SandboxCallOptions = {}) =>
  callSandbox(baseUrl, method, path, body, options);
const control = (method: 'GET' | 'PUT' | 'POST', action: string, body?: unknown) => sandboxControl(baseUrl, method, action, body);

let refs = 0;
const newRef = () => `T${Date.now().toString(36).toUpperCase()}${(refs++).toString(36)}`.slice(0, 20);

const ASHA = '9000000001';
const ASHA_RAVI = 10010001;
const AGENT = SANDBOX_CREDENTIALS.userCode;

const recipients = (mobile: string) => call('GET', `/customer/payment/dmt-fino/sender/${mobile}/recipients`);
const addRecipient = (mobile: string, fields: Record<string, unknown>) => call('POST', `/customer/payment/dmt-fino/sender/${mobile}/recipient`, fields);
const sendOtp = (mobile: string, recipientId: number, amount: number | string, options?: SandboxCallOptions) =>
  call('POST', '/customer/payment/dmt-fino/otp', { customer_id: mobile, recipient_id: recipientId, amount }, options);

async function otpRef(mobile: string, recipientId: number, amount: number, options?: SandboxCallOptions): Promise<string> {
  const r = await sendOtp(mobile, recipientId, amount, options);
  expect(r.json).toMatchObject({ status: 0, response_type_id: 2133 });
  return r.json.data.otp_ref_id as string;
}

interface TransferInput {
  mobile?: string;
  recipientId?: number;
  amount: number;
  otpRefId: string;
  otp?: string;
  clientRefId?: string;
}
const transfer = (t: TransferInput, options?: SandboxCallOptions) =>
  call(
    'POST',
    '/customer/payment/dmt-fino',
    {
      customer_id: t.mobile ?? ASHA,
      recipient_id: t.recipientId ?? ASHA_RAVI,
      amount: t.amount,
      otp: t.otp ?? SANDBOX_OTP,
      otp_ref_id: t.otpRefId,
      client_ref_id: t.clientRefId ?? newRef(),
    },
    options,
  );

/** OTP then transfer, for the common case. */
async function send(amount: number, extra: Partial<TransferInput> = {}, options?: SandboxCallOptions) {
  const otpRefId = await otpRef(extra.mobile ?? ASHA, extra.recipientId ?? ASHA_RAVI, amount, options);
  const clientRefId = extra.clientRefId ?? newRef();
  return { clientRefId, otpRefId, answer: await transfer({ amount, otpRefId, clientRefId, ...extra }, options) };
}

const inquire = (reference: string) => call('GET', `/tools/reference/transaction/${reference}`);
const wallet = async (userCode = AGENT) => (await control('GET', `wallet?user_code=${userCode}`)).json.balance as number;
const senderLimits = async (mobile: string) => {
  const r = await call('GET', `/customer/payment/dmt-fino/sender/${mobile}`);
  return { available: r.json.data.next_allowed_limit as string, used: r.json.data.customer_profile.chart[0].data.used as number };
};

describe('Get Recipients', () => {
  it('lists a fixture sender’s recipients in the current reference shape', async () => {
    const r = await recipients(ASHA);
    expect(r.httpStatus).toBe(200);
    expect(r.json).toMatchObject({ status: 0, response_status_id: 0, response_type_id: 23 });
    expect(r.json.data).toMatchObject({ pan_required: 2, remaining_limit_before_pan_required: 42_500 });
    expect(r.json.data.recipient_list).toHaveLength(2);
    expect(r.json.data.recipient_list[0]).toEqual({
      recipient_id: ASHA_RAVI,
      beneficiary_id: ASHA_RAVI,
      bank_recipient_id: ASHA_RAVI,
      recipient_name: 'Ravi Verma',
      recipient_mobile: '9811100001',
      bank: 'STATE BANK OF INDIA',
      ifsc: 'SBIN0000691',
      account: '30001234567',
      account_type: 'Bank Account',
      ifsc_status: 1,
      is_verified: 1,
      is_otp_required: '0',
      pipes: { '3': { pipe: 3, status: 1 } },
    });
    expect((await recipients('9000000002')).json.data.recipient_list).toHaveLength(1);
  });

  it('answers rt 22 for a sender without recipients and pan_required 1 for the PAN fixture', async () => {
    expect((await recipients('9000000008')).json).toEqual({ status: 0, response_status_id: -1, response_type_id: 22, message: 'No recepients found' });
    expect((await recipients('9000000009')).json.data).toMatchObject({ pan_required: 1, remaining_limit_before_pan_required: 0 });
  });

  it('answers 463 for a sender who is not in the system or not through eKYC, invalid_params for a bad mobile', async () => {
    for (const mobile of ['9000000005', '9876543210', '9000000003', '9000000004']) {
      expect((await recipients(mobile)).json).toMatchObject({
        status: 463,
        response_type_id: -1,
        invalid_params: { customer_id: 'Customer does not exist in System' },
      });
    }
    expect((await recipients('12345')).json).toMatchObject({ response_type_id: -1, invalid_params: { customer_id: expect.any(String) } });
  });
});

describe('Add Recipient', () => {
  const meena = { recipient_name: 'Geeta Rani', recipient_mobile: '9811100099', ifsc: 'KKBK0000878', account: '123456789012' };

  it('adds a recipient (rt 43, numeric recipient_id) that the list then shows; a second add is 342', async () => {
    const r = await addRecipient('9000000008', meena);
    expect(r.json).toMatchObject({
      status: 0,
      response_status_id: 0,
      response_type_id: 43,
      data: { recipient_id: 10500001, customer_id: '9000000008', recipient_mobile: '9811100099' },
    });
    const list = (await recipients('9000000008')).json.data.recipient_list;
    expect(list).toEqual([expect.objectContaining({ recipient_id: 10500001, recipient_name: 'Geeta Rani', bank: 'KOTAK MAHINDRA BANK', is_verified: 0 })]);
    expect((await addRecipient('9000000008', { ...meena, recipient_name: 'Geeta R' })).json).toEqual({
      status: 342,
      response_status_id: 1,
      response_type_id: -1,
      message: 'Recipient already registered',
      data: {},
    });
    // Same account at another branch is another recipient.
    expect((await addRecipient('9000000008', { ...meena, ifsc: 'KKBK0000999' })).json.data.recipient_id).toBe(10500002);
  });

  it('names each bad field the way Eko’s status table does', async () => {
    const bad = (fields: Record<string, unknown>) => addRecipient(ASHA, { ...meena, ...fields }).then((r) => r.json);
    expect(await bad({ recipient_name: 'R4vi' })).toMatchObject({ status: 131, response_type_id: -1, invalid_params: { recipient_name: expect.any(String) } });
    expect(await bad({ recipient_name: '' })).toMatchObject({ status: 122 });
    expect(await bad({ recipient_mobile: '98111' })).toMatchObject({ status: 140, invalid_params: { recipient_mobile: expect.any(String) } });
    expect(await bad({ recipient_mobile: '98111abcde' })).toMatchObject({ status: 145 });
    expect(await bad({ ifsc: 'kkbk0000878' })).toMatchObject({ status: 136, invalid_params: { ifsc: 'Please provide valid IFSC format' } });
    expect(await bad({ ifsc: 'KKBK1000878' })).toMatchObject({ status: 136 });
    expect(await bad({ account: '12345678' })).toMatchObject({ status: 102, invalid_params: { account: expect.any(String) } });
    expect(await bad({ account: '1234567890123456789' })).toMatchObject({ status: 102 });
    const several = await bad({ recipient_name: '1', ifsc: 'X', account: 'abc' });
    expect(Object.keys(several.invalid_params).sort()).toEqual(['account', 'ifsc', 'recipient_name']);
    expect(await bad({ ifsc: 'ABCD0123456' })).toMatchObject({ status: 521, invalid_params: { ifsc: 'IFSC not found out in the system' } });
    expect((await addRecipient('9000000005', meena)).json).toMatchObject({ status: 463 });
  });
});

describe('bank look-ups', () => {
  it('finds an IFSC fixture (rt 414), resolves a listed bank’s IFSC, refuses unknown and malformed ones', async () => {
    const r = await call('GET', '/tools/reference/banks/ifsc/IOBA0002248');
    expect(r.json).toMatchObject({
      status: 0,
      response_status_id: -1,
      response_type_id: 414,
      data: { bank: 'INDIAN OVERSEAS BANK', branch: 'SANGLI', bank_id: 10, ifsc: 'IOBA0002248' },
    });
    expect((await call('GET', '/tools/reference/banks/ifsc/UTIB0999999')).json.data).toMatchObject({
      bank: 'AXIS BANK',
      branch: 'SANDBOX BRANCH',
      bank_id: 106,
    });
    expect((await call('GET', '/tools/reference/banks/ifsc/ZZZZ0123456')).json).toMatchObject({
      status: 521,
      response_type_id: -1,
      invalid_params: { ifsc: expect.any(String) },
    });
    expect((await call('GET', '/tools/reference/banks/ifsc/SBIN123')).json).toMatchObject({ status: 136, invalid_params: { ifsc: expect.any(String) } });
  });

  it('lists banks at the top level, or under data on the switch', async () => {
    const top = await call('GET', '/tools/reference/banks');
    expect(top.json.status).toBe(0);
    const list = top.json.param_attributes.list_elements as { value: string; label: string }[];
    expect(list.length).toBeGreaterThanOrEqual(40);
    for (const code of [
      'SBIN',
      'HDFC',
      'ICIC',
      'PUNB',
      'BARB',
      'UTIB',
      'KKBK',
      'CNRB',
      'UBIN',
      'BKID',
      'IDIB',
      'IOBA',
      'UCBA',
      'MAHB',
      'YESB',
      'IDFB',
      'INDB',
      'FDRL',
      'AIRP',
      'PYTM',
      'IPOS',
    ]) {
      expect(list).toContainEqual({ value: code, label: BANKS.find((b) => b.code === code)!.name });
    }
    expect((await control('PUT', 'config', { bankListShape: 'data' })).json).toMatchObject({ bankListShape: 'data', shape: 'current' });
    const nested = await call('GET', '/tools/reference/banks');
    expect(nested.json.param_attributes).toBeUndefined();
    expect(nested.json.data.param_attributes.list_elements).toEqual(list);
    expect((await control('PUT', 'config', { bankListShape: 'sideways' })).httpStatus).toBe(400);
    sandbox.reset();
    expect((await call('GET', '/tools/reference/banks')).json.param_attributes.list_elements).toHaveLength(list.length);
  });
});

describe('Send Transaction OTP', () => {
  it('answers rt 2133 with a numeric otp_ref_id', async () => {
    const r = await sendOtp(ASHA, ASHA_RAVI, 500);
    expect(r.json).toEqual({
      status: 0,
      response_status_id: 0,
      response_type_id: 2133,
      message: 'Send OTP',
      data: { otp_ref_id: expect.stringMatching(/^\d{9}$/) },
    });
    expect((await sendOtp(ASHA, ASHA_RAVI, '500')).json.response_type_id).toBe(2133);
  });

  it('refuses bad amounts and recipients with invalid_params, and not-enrolled senders with 463', async () => {
    for (const amount of [99, 5001, 100.5, 'abc', '100.00', 0]) {
      expect((await sendOtp(ASHA, ASHA_RAVI, amount)).json).toMatchObject({ response_type_id: -1, invalid_params: { amount: expect.any(String) } });
    }
    expect((await sendOtp(ASHA, 10020001, 500)).json).toMatchObject({ status: 313, invalid_params: { recipient_id: 'Recipient registration not done' } });
    expect((await sendOtp('9000000006', ASHA_RAVI, 500)).json).toMatchObject({ status: 463 });
  });

  it('answers 36 when the amount is over the sender’s available limit or by fixture, 945 by fixture', async () => {
    const limit36 = { status: 36, response_type_id: 36, response_status_id: 1, message: 'Sender/beneficiary monthly limit exhausted', data: {} };
    expect((await sendOtp('9000000007', 10070001, 100)).json).toEqual(limit36); // ₹0 available
    expect((await sendOtp('9000000002', 10020001, 3801)).json).toEqual(limit36); // ₹3,800 available
    expect((await sendOtp('9000000002', 10020001, 3800)).json.response_type_id).toBe(2133);
    expect((await sendOtp(ASHA, ASHA_RAVI, 1441)).json).toEqual(limit36);
    expect((await sendOtp(ASHA, ASHA_RAVI, 1442)).json).toMatchObject({ status: 945, response_type_id: 945, message: 'Beneficiary monthly limit exhausted' });
  });
});

describe('Initiate Transfer', () => {
  it('succeeds with rt 325, Eko’s pricing, a wallet debit and the sender’s limit taken', async () => {
    const { clientRefId, answer } = await send(500);
    expect(answer.json).toMatchObject({ status: 0, response_status_id: 0, response_type_id: 325, message: 'Transaction successful' });
    expect(answer.json.data).toEqual({
      tx_status: '0',
      txstatus_desc: 'Success',
      tid: expect.stringMatching(/^\d{10}$/),
      amount: '500.00',
      fee: '10.0',
      collectable_amount: '510.0',
      service_tax: '1.53',
      tds: '0.06',
      commission: '2.87',
      sender_name: 'Asha Verma',
      recipient_name: 'Ravi Verma',
      recipient_id: ASHA_RAVI,
      bank: 'STATE BANK OF INDIA',
      account: '30001234567',
      channel_desc: 'IMPS',
      bank_ref_num: expect.stringMatching(/^\d{12}$/),
      balance: '49490.0',
      client_ref_id: clientRefId,
      currency: 'INR',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(await wallet()).toBe(DEFAULT_WALLET - 510);
    expect(await senderLimits(ASHA)).toEqual({ available: '17000.0', used: 8000 });
    // 1% above ₹1,000: exact to the paisa, nothing rounded.
    expect((await send(1234)).answer.json.data).toMatchObject({ fee: '12.34', collectable_amount: '1246.34', service_tax: '1.88' });

    const byTid = await inquire(answer.json.data.tid);
    expect(byTid.json).toMatchObject({ status: 0, response_status_id: 0, response_type_id: 1472 });
    expect(byTid.json.data).toMatchObject({
      tx_status: '0',
      txstatus_desc: 'Success',
      tid: answer.json.data.tid,
      client_ref_id: clientRefId,
      amount: '500.0',
      fee: '10.0',
      bank_ref_num: answer.json.data.bank_ref_num,
      recipient_name: 'Ravi Verma',
    });
    expect((await inquire(`client_ref_id:${clientRefId}`)).json.data.tid).toBe(answer.json.data.tid);
  });

  it('refuses bad fields and requests that differ from their OTP with invalid_params, moving nothing', async () => {
    const otpRefId = await otpRef(ASHA, ASHA_RAVI, 500);
    const refused = async (t: Partial<TransferInput>, field: string) => {
      const r = await transfer({ amount: 500, otpRefId, ...t });
      expect(r.json).toMatchObject({ response_type_id: -1, invalid_params: { [field]: expect.any(String) } });
      expect(r.json.data?.tx_status).toBeUndefined();
    };
    await refused({ clientRefId: '' }, 'client_ref_id');
    await refused({ clientRefId: 'A'.repeat(21) }, 'client_ref_id');
    await refused({ clientRefId: 'has space' }, 'client_ref_id');
    await refused({ amount: 600 }, 'amount');
    await refused({ recipientId: 10010002 }, 'recipient_id');
    await refused({ otpRefId: '999' }, 'otp_ref_id');
    await refused({ otp: '12' }, 'otp');
    await refused({ mobile: '9000000009', recipientId: ASHA_RAVI }, 'customer_id');
    expect(await wallet()).toBe(DEFAULT_WALLET);
    expect((await control('GET', 'transactions')).json.transactions).toEqual([]);
    // The OTP is still good.
    expect((await transfer({ amount: 500, otpRefId })).json.response_type_id).toBe(325);
  });

  it('declines a wrong OTP and keeps the ref usable; three wrong OTPs exhaust it', async () => {
    const otpRefId = await otpRef(ASHA, ASHA_RAVI, 700);
    const wrong = await transfer({ amount: 700, otpRefId, otp: '654321' });
    expect(wrong.json).toEqual({
      status: 55,
      response_status_id: 1,
      response_type_id: 55,
      message: 'Transaction declined. Please try after sometime.',
      data: { tx_status: '1', txstatus_desc: 'Failed', reason: 'Wrong OTP' },
    });
    expect((await transfer({ amount: 700, otpRefId })).json.data.tx_status).toBe('0');

    const other = await otpRef(ASHA, ASHA_RAVI, 800);
    for (let i = 0; i < 3; i++) expect((await transfer({ amount: 800, otpRefId: other, otp: '111111' })).json.data.reason).toBe('Wrong OTP');
    expect((await transfer({ amount: 800, otpRefId: other })).json.data.reason).toBe('OTP attempts exhausted. Please try again after 15 min.');
    expect(await wallet()).toBe(DEFAULT_WALLET - 710);
  });

  it('declines a consumed OTP with a tid (recorded as failed) and debits once', async () => {
    const { otpRefId } = await send(900);
    const again = await transfer({ amount: 900, otpRefId });
    expect(again.json).toMatchObject({
      status: 55,
      response_type_id: 55,
      data: { tx_status: '1', reason: 'OTP already Consumed', tid: expect.any(String), amount: '900.00', balance: '49090.0' },
    });
    expect((await inquire(again.json.data.tid)).json.data).toMatchObject({ tx_status: '1', txstatus_desc: 'Failed' });
    expect(await wallet()).toBe(DEFAULT_WALLET - 910);
  });

  it('declines an expired OTP (the OTP 000000, or one older than 10 minutes)', async () => {
    const otpRefId = await otpRef(ASHA, ASHA_RAVI, 600);
    expect((await transfer({ amount: 600, otpRefId, otp: OTP_EXPIRED })).json.data).toEqual({ tx_status: '1', txstatus_desc: 'Failed', reason: 'OTP expired' });
    expect((await transfer({ amount: 600, otpRefId })).json.data.reason).toBe('OTP expired');
    const old = await otpRef(ASHA, ASHA_RAVI, 600);
    sandbox.state.money.txnOtps.get(old)!.issuedAt -= 11 * 60 * 1000;
    expect((await transfer({ amount: 600, otpRefId: old })).json.data.reason).toBe('OTP expired');
  });

  it('refuses a reused client_ref_id without touching the first transfer', async () => {
    const { clientRefId, answer } = await send(1000);
    const otpRefId = await otpRef(ASHA, ASHA_RAVI, 1000);
    const dup = await transfer({ amount: 1000, otpRefId, clientRefId });
    expect(dup.json).toEqual({
      status: 1,
      response_status_id: 1,
      response_type_id: -1,
      message: 'Invalid parameters',
      invalid_params: { client_ref_id: 'Duplicate client_ref_id' },
    });
    expect((await inquire(`client_ref_id:${clientRefId}`)).json.data).toMatchObject({ tid: answer.json.data.tid, tx_status: '0' });
    expect(await wallet()).toBe(DEFAULT_WALLET - 1010);
    // A declined attempt also uses its client_ref_id up.
    const wrongRef = newRef();
    await transfer({ amount: 1000, otpRefId, otp: '999999', clientRefId: wrongRef });
    expect((await transfer({ amount: 1000, otpRefId, clientRefId: wrongRef })).json.invalid_params).toEqual({ client_ref_id: 'Duplicate client_ref_id' });
  });

  it('declines "Insufficient balance" by the agent wallet (status 347, or 55 on the switch) without a debit', async () => {
    await control('PUT', 'wallet', { user_code: AGENT, balance: 300 });
    const r = (await send(500)).answer;
    expect(r.json).toMatchObject({ status: 347, response_status_id: 1, response_type_id: 55, data: { tx_status: '1', reason: 'Insufficient balance' } });
    await control('PUT', 'config', { insufficientBalanceStatus: 55 });
    expect((await send(500)).answer.json).toMatchObject({ status: 55, data: { reason: 'Insufficient balance' } });
    expect(await wallet()).toBe(300);
    expect((await control('PUT', 'wallet', { user_code: AGENT, balance: -1 })).httpStatus).toBe(400);
    // The nearly empty wallet fixture: ₹490 + ₹10 fee fits in ₹500, ₹491 does not.
    const lowAgent = { userCode: '20810555' };
    expect((await send(491, {}, lowAgent)).answer.json.data.reason).toBe('Insufficient balance');
    expect((await send(490, {}, lowAgent)).answer.json.data).toMatchObject({ tx_status: '0', balance: '0.0' });
  });

  it('declines by fixture amount: limit (1331), balance (1332), bank not available (1334, with a tid)', async () => {
    expect((await send(1331)).answer.json.data).toEqual({ tx_status: '1', txstatus_desc: 'Failed', reason: 'Sender/beneficiary monthly limit exhausted' });
    expect((await send(1332)).answer.json).toMatchObject({ status: 347, data: { reason: 'Insufficient balance' } });
    const bank = (await send(1334)).answer.json;
    expect(bank).toMatchObject({ status: 55, data: { reason: 'Transaction not processed. Bank is not available now', tid: expect.any(String) } });
    expect((await inquire(bank.data.tid)).json.data.tx_status).toBe('1');
    expect(await wallet()).toBe(DEFAULT_WALLET);
    expect(await senderLimits(ASHA)).toEqual({ available: '17500.0', used: 7500 });
  });

  it('declines the second of two OTPs that together pass the sender’s limit', async () => {
    const ramesh = { mobile: '9000000002', recipientId: 10020001 };
    const first = await otpRef(ramesh.mobile, ramesh.recipientId, 2000);
    const second = await otpRef(ramesh.mobile, ramesh.recipientId, 2000);
    expect((await transfer({ ...ramesh, amount: 2000, otpRefId: first })).json.data.tx_status).toBe('0');
    expect((await transfer({ ...ramesh, amount: 2000, otpRefId: second })).json.data.reason).toBe('Sender/beneficiary monthly limit exhausted');
    expect(await senderLimits(ramesh.mobile)).toEqual({ available: '1800.0', used: 3200 });
  });
});

describe('awaited transfers and inquiry', () => {
  it('1111: awaited (no rt), then success on the second inquiry', async () => {
    const { clientRefId, answer } = await send(1111);
    expect(answer.json).toMatchObject({ status: 0, response_status_id: 0, message: 'Transaction in progress' });
    expect(answer.json.response_type_id).toBeUndefined();
    expect(answer.json.data).toMatchObject({ tx_status: '2', txstatus_desc: 'Awaited', bank_ref_num: '', balance: '48877.89' });
    expect(await senderLimits(ASHA)).toEqual({ available: '16389.0', used: 8611 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await inquire(`client_ref_id:${clientRefId}`)).json.data.tx_status);
    expect(statuses).toEqual(['2', '0', '0']);
    expect((await inquire(answer.json.data.tid)).json.data.bank_ref_num).toMatch(/^\d{12}$/);
  });

  it('1115 hold and 1116 response-awaited end in success; 1119 stays an unknown tx_status 9', async () => {
    for (const [amount, first] of [
      [1115, '5'],
      [1116, '6'],
    ] as const) {
      const { answer } = await send(amount);
      expect(answer.json.data).toMatchObject({ tx_status: first });
      const seen = [(await inquire(answer.json.data.tid)).json.data.tx_status, (await inquire(answer.json.data.tid)).json.data.tx_status];
      expect(seen).toEqual([first, '0']);
    }
    const odd = (await send(1119)).answer.json.data;
    expect(odd).toMatchObject({ tx_status: '9', txstatus_desc: 'Processing' });
    for (let i = 0; i < 3; i++) expect((await inquire(odd.tid)).json.data.tx_status).toBe('9');
  });

  it('1113: awaited, then failed; the wallet and the sender’s limit come back', async () => {
    const { answer } = await send(1113);
    expect(await wallet()).toBeCloseTo(DEFAULT_WALLET - 1124.13, 2);
    await inquire(answer.json.data.tid);
    const failed = await inquire(answer.json.data.tid);
    expect(failed.json.data).toMatchObject({ tx_status: '1', txstatus_desc: 'Failed', reason: 'Transaction failed at beneficiary bank' });
    expect(await wallet()).toBe(DEFAULT_WALLET);
    expect(await senderLimits(ASHA)).toEqual({ available: '17500.0', used: 7500 });
  });

  it('answers not found (status 1, rsid 463) for an unknown tid or client_ref_id', async () => {
    const nf = { status: 1, response_status_id: 463, message: 'Transaction not found.', data: {} };
    expect((await inquire('1234567890')).json).toEqual(nf);
    expect((await inquire('client_ref_id:NOPE123')).json).toEqual(nf);
    expect((await inquire('client_ref_id:%E0%A4')).json).toEqual(nf); // a malformed escape is not a 500
    expect((await call('GET', '/tools/reference/banks/ifsc/%E0%A4')).json.status).toBe(136);
  });
});

describe('refunds', () => {
  const refundOtp = (tid: string) => call('POST', `/customer/payment/refund/${tid}/otp`);
  const refund = (tid: string, otpRefId: string, otp = SANDBOX_OTP, options?: SandboxCallOptions) =>
    call('POST', `/customer/payment/refund/${tid}`, { otp, otp_ref_id: otpRefId, state: 1, service_code: 80 }, options);

  async function refundPending(amount: number) {
    const { answer } = await send(amount);
    const tid = answer.json.data.tid as string;
    await inquire(tid);
    expect((await inquire(tid)).json.data).toMatchObject({
      tx_status: '3',
      txstatus_desc: 'Refund Pending',
      reason: expect.stringContaining('refund pending'),
    });
    return tid;
  }

  it('1112: awaited → refund pending → refund OTP (status 2133) → refunded (rt 74) → inquiry says 4', async () => {
    const tid = await refundPending(1112);
    expect(await wallet()).toBeCloseTo(DEFAULT_WALLET - 1123.12, 2); // held until the refund
    const otp = await refundOtp(tid);
    expect(otp.json).toEqual({ status: 2133, response_status_id: 1, response_type_id: 2133, message: 'Send OTP', data: { otp_ref_id: expect.any(String) } });
    const otpRefId = otp.json.data.otp_ref_id as string;
    expect((await refund(tid, otpRefId, '000111')).json).toMatchObject({ status: 302, response_type_id: 302, message: 'Wrong OTP' });
    expect((await refund(tid, 'not-a-ref')).json).toMatchObject({ invalid_params: { otp_ref_id: expect.any(String) } });
    expect((await call('POST', `/customer/payment/refund/${tid}`, { otp: SANDBOX_OTP, otp_ref_id: otpRefId, state: 2 })).json.invalid_params).toHaveProperty(
      'state',
    );

    const done = await refund(tid, otpRefId);
    expect(done.json).toMatchObject({ status: 0, response_status_id: 0, response_type_id: 74, message: 'Refund done' });
    expect(done.json.data).toMatchObject({
      refund_tid: expect.stringMatching(/^\d{10}$/),
      refunded_amount: '1123.12',
      amount: '1112.00',
      fee: '11.12',
      tid,
      balance: '50000.0',
    });
    const after = await inquire(tid);
    expect(after.json.data).toMatchObject({ tx_status: '4', txstatus_desc: 'Refunded', refund_tid: done.json.data.refund_tid, refunded_amount: '1123.12' });
    expect(await senderLimits(ASHA)).toEqual({ available: '17500.0', used: 7500 });
    expect((await refund(tid, otpRefId)).json).toMatchObject({ status: 1, invalid_params: { tid: 'Refund is not allowed for this transaction' } });
  });

  it('refuses refunds of transactions that are not refund-pending, unknown tids, and an expired refund OTP', async () => {
    const ok = (await send(500)).answer.json.data.tid as string;
    expect((await refundOtp(ok)).json).toMatchObject({
      status: 1,
      response_type_id: -1,
      invalid_params: { tid: 'Refund is not allowed for this transaction' },
    });
    expect((await refundOtp('1')).json).toMatchObject({ status: 168, invalid_params: { tid: 'TID does not exist' } });
    const tid = await refundPending(1112);
    const otpRefId = (await refundOtp(tid)).json.data.otp_ref_id as string;
    expect((await refund(tid, otpRefId, OTP_EXPIRED)).json).toMatchObject({ status: 303, message: 'OTP expired' });
    expect((await refund(tid, otpRefId)).json.invalid_params).toHaveProperty('otp_ref_id'); // that ref is gone
    const fresh = (await refundOtp(tid)).json.data.otp_ref_id as string;
    expect((await refund(tid, fresh)).json.response_type_id).toBe(74);
  });

  it('1117: the refund call never answers, but the refund was done', async () => {
    const tid = await refundPending(1117);
    const otpRefId = (await refundOtp(tid)).json.data.otp_ref_id as string;
    expect((await refund(tid, otpRefId, SANDBOX_OTP, { timeoutMs: 400 })).httpStatus).toBe(0);
    expect((await inquire(tid)).json.data.tx_status).toBe('4');
    expect(await wallet()).toBe(DEFAULT_WALLET);
  });
});

describe('lost answers', () => {
  it('1221: the transfer succeeds but never answers; inquiry by client_ref_id finds it; a resend is "OTP already Consumed"', async () => {
    const otpRefId = await otpRef(ASHA, ASHA_RAVI, 1221);
    const clientRefId = newRef();
    const lost = await transfer({ amount: 1221, otpRefId, clientRefId }, { timeoutMs: 400 });
    expect(lost.httpStatus).toBe(0);
    const found = await inquire(`client_ref_id:${clientRefId}`);
    expect(found.json.data).toMatchObject({ tx_status: '0', client_ref_id: clientRefId, amount: '1221.0', bank_ref_num: expect.stringMatching(/^\d{12}$/) });
    expect(await wallet()).toBeCloseTo(DEFAULT_WALLET - 1233.21, 2);
    const resend = await transfer({ amount: 1221, otpRefId });
    expect(resend.json.data.reason).toBe('OTP already Consumed');
    expect(await wallet()).toBeCloseTo(DEFAULT_WALLET - 1233.21, 2);
    expect(sandbox.state.calls.find((c) => c.clientRefId === clientRefId && c.path === '/customer/payment/dmt-fino')).toMatchObject({
      httpStatus: 0,
      customerId: ASHA,
    });
  });

  it('1222: the transfer succeeds but the answer is a gateway’s 502', async () => {
    const { clientRefId, answer } = await send(1222);
    expect(answer.httpStatus).toBe(502);
    expect(answer.json).toBeNull();
    expect(answer.text).toContain('502 Bad Gateway');
    expect((await inquire(`client_ref_id:${clientRefId}`)).json.data.tx_status).toBe('0');
  });

  it('1223: the request is lost before Eko records anything; inquiry says not found and nothing moved', async () => {
    const otpRefId = await otpRef(ASHA, ASHA_RAVI, 1223);
    const clientRefId = newRef();
    expect((await transfer({ amount: 1223, otpRefId, clientRefId }, { timeoutMs: 400 })).httpStatus).toBe(0);
    expect((await inquire(`client_ref_id:${clientRefId}`)).json).toMatchObject({ status: 1, response_status_id: 463 });
    expect(await wallet()).toBe(DEFAULT_WALLET);
    expect(sandbox.state.money.txnOtps.get(otpRefId)).toMatchObject({ consumed: false });
  });
});

describe('fault fixtures and controls on the money endpoints', () => {
  it('applies the sender-mobile faults to the path and body forms of customer_id', async () => {
    expect((await call('GET', '/customer/payment/dmt-fino/sender/9000000090/recipients', {}, { timeoutMs: 300 })).httpStatus).toBe(0);
    const otp502 = await call('POST', '/customer/payment/dmt-fino/otp', { customer_id: '9000000091', recipient_id: 1, amount: 500 });
    expect(otp502.httpStatus).toBe(502);
    const transfer403 = await call('POST', '/customer/payment/dmt-fino', {
      customer_id: '9000000094',
      recipient_id: 1,
      amount: 500,
      otp: '123456',
      otp_ref_id: '1',
      client_ref_id: newRef(),
    });
    expect(transfer403.httpStatus).toBe(403);
    expect((await call('POST', '/customer/payment/dmt-fino/sender/9000000096/recipient', {})).json).toEqual({ message: 'No key for Response' });
    expect((await call('POST', '/customer/payment/dmt-fino/otp', { customer_id: 9000000093, recipient_id: 1, amount: 500 })).json).toBeNull();
    expect(sandbox.state.calls.map((c) => c.customerId)).toEqual(['9000000090', '9000000091', '9000000094', '9000000096', '9000000093']);
    expect((await control('GET', 'transactions')).json.transactions).toEqual([]);
  });

  it('lists transactions without OTPs and forgets everything on reset', async () => {
    const { clientRefId } = await send(1111);
    await addRecipient('9000000008', { recipient_name: 'Geeta Rani', recipient_mobile: '9811100099', ifsc: 'KKBK0000878', account: '123456789012' });
    const [txn] = (await control('GET', 'transactions')).json.transactions as Record<string, unknown>[];
    expect(Object.keys(txn!).sort()).toEqual([
      'amount',
      'bank_ref_num',
      'client_ref_id',
      'created_at',
      'customer_id',
      'fee',
      'inquiries',
      'kind',
      'moves_left',
      'refund_tid',
      'tid',
      'tx_status',
      'user_code',
    ]);
    expect(txn).toMatchObject({
      client_ref_id: clientRefId,
      kind: 'dmt',
      amount: 1111,
      fee: 11.11,
      tx_status: '2',
      moves_left: 2,
      customer_id: ASHA,
      user_code: AGENT,
    });
    expect(sandbox.state.calls.every((c) => !JSON.stringify(c).includes(SANDBOX_OTP))).toBe(true);
    await control('POST', 'reset');
    expect((await control('GET', 'transactions')).json.transactions).toEqual([]);
    expect(await wallet()).toBe(DEFAULT_WALLET);
    expect((await recipients('9000000008')).json.response_type_id).toBe(22);
    expect(await senderLimits(ASHA)).toEqual({ available: '17500.0', used: 7500 });
  });
});

describe('odd input', () => {
  it('never answers 500 whatever type a field has', async () => {
    const odd: unknown[] = [null, {}, [], 0, -1, 1.5, true, '', 'x', '9'.repeat(30)];
    const endpoints: [string, string[]][] = [
      [`/customer/payment/dmt-fino/sender/${ASHA}/recipient`, ['recipient_name', 'recipient_mobile', 'ifsc', 'account']],
      ['/customer/payment/dmt-fino/otp', ['customer_id', 'recipient_id', 'amount']],
      ['/customer/payment/dmt-fino', ['customer_id', 'recipient_id', 'amount', 'otp', 'otp_ref_id', 'client_ref_id']],
      ['/customer/payment/refund/3570400001/otp', []],
      ['/customer/payment/refund/3570400001', ['otp', 'otp_ref_id', 'state', 'service_code']],
      ['/customer/collection/aeps-fingpay/cash-withdrawl/9123456780', ['customer_id', 'bank_code', 'aadhar', 'latlong', 'piddata', 'amount', 'client_ref_id']],
    ];
    const valid = { customer_id: ASHA, recipient_id: ASHA_RAVI, amount: 500, otp: SANDBOX_OTP, otp_ref_id: '666900001', client_ref_id: 'ODD1', state: 1 };
    const statuses = new Set<number>();
    for (const [path, fields] of endpoints) {
      for (const field of fields) {
        for (const value of odd) {
          const r = await call('POST', path, { ...valid, [field]: value, client_ref_id: field === 'client_ref_id' ? value : newRef() });
          statuses.add(r.httpStatus);
        }
      }
    }
    expect([...statuses].sort()).toEqual([200]);
  });
});
