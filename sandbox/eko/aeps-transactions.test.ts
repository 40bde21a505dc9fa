import { constants, createHmac, createPublicKey, publicEncrypt } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isValidAadhaar } from '../../lib/aadhaar/verhoeff';
import { SANDBOX_AADHAAR_PUBLIC_KEY, SANDBOX_CREDENTIALS } from '../../lib/config/schema';
import { todayInIndia } from '../../lib/dates';
import { requestHash } from '../../lib/eko/sign';
import { EKYC_WADH } from '../../lib/rd/pid-options';
import { syntheticPidData } from '../rd/pid';
import { expectedRequestHash } from './aeps-transactions';
import { AADHAAR_FIXTURES, AEPS_CUSTOMER_FIXTURES, AEPS_NOT_ACTIVATED_USER_CODE, DEFAULT_WALLET, SANDBOX_OTP } from './fixtures';
import type { EkoSandbox } from './server';
import { callSandbox, type SandboxCallOptions, sandboxControl, startTestSandbox } from './test-helpers';

// AePS-Fingpay transactions of the sandbox over real HTTP: request_hash, the daily 2FA gate, the
// customer's PID without wadh, and each outcome fixture.

let sandbox: EkoSandbox;
let baseUrl = '';
beforeAll(async () => {
  const started = await startTestSandbox();
  sandbox = started.sandbox;
  baseUrl = started.config.baseUrl;
});
afterAll(() => sandbox.close());

const AGENT = SANDBOX_CREDENTIALS.userCode;
const ACCESS_KEY = SANDBOX_CREDENTIALS.accessKey;
const CUSTOMER = '9123456780';
const HEALTHY = AADHAAR_FIXTURES.success;
const LATLONG = '26.846700,80.946200';

const control = (method: 'GET' | 'PUT' | 'POST', action: string, body?: unknown) => sandboxControl(baseUrl, method, action, body);
beforeEach(async () => {
  sandbox.reset();
  await control('PUT', 'aeps-agent', { user_code: AGENT, ekyc_done: true, daily_kyc_day: 'today' });
});

const key = createPublicKey({ key: Buffer.from(SANDBOX_AADHAAR_PUBLIC_KEY, 'base64'), format: 'der', type: 'spki' });
const encrypt = (aadhaar: string, padding = constants.RSA_PKCS1_PADDING) => publicEncrypt({ key, padding }, Buffer.from(aadhaar, 'utf8')).toString('base64');
const customerPid = () => syntheticPidData({ wadh: null, qScore: 72, nmPoints: 40, fType: '2' });

type Kind = 'cash-withdrawl' | 'balance-enquiry' | 'mini-statement';
interface AepsInput {
  aadhaar?: string;
  amount?: number | string;
  mobile?: string;
  pid?: string;
  hash?: 'ok' | 'missing' | 'wrong' | 'misnamed';
  hashAmount?: string;
  userCode?: string;
  clientRefId?: string;
  bankCode?: string;
  aadhar?: string;
  timeoutMs?: number;
}

function aeps(kind: Kind, i: AepsInput = {}) {
  const aadhaar = i.aadhaar ?? HEALTHY;
  const userCode = i.userCode ?? AGENT;
  const amount = kind === 'cash-withdrawl' ? (i.amount ?? 1000) : undefined;
  const hashAmount = i.hashAmount ?? (amount === undefined ? '0' : String(amount));
  const options: SandboxCallOptions = {
    userCode,
    timeoutMs: i.timeoutMs,
    headers: (ts): Record<string, string> => {
      const hash = requestHash(ACCESS_KEY, ts, [aadhaar, hashAmount, userCode]);
      switch (i.hash ?? 'ok') {
        case 'missing':
          return {};
        case 'misnamed':
          return { 'request-hash': hash };
        case 'wrong':
          return { request_hash: requestHash(ACCESS_KEY, ts, [aadhaar, '1', userCode]) };
        default:
          return { request_hash: hash };
      }
    },
  };
  const body: Record<string, unknown> = {
    customer_id: i.mobile ?? CUSTOMER,
    bank_code: i.bankCode ?? 'SBIN',
    aadhar: i.aadhar ?? encrypt(aadhaar),
    latlong: LATLONG,
    piddata: i.pid ?? customerPid(),
    ...(amount === undefined ? {} : { amount }),
    ...(i.clientRefId ? { client_ref_id: i.clientRefId } : {}),
  };
  return callSandbox(baseUrl, 'POST', `/customer/collection/aeps-fingpay/${kind}/${CUSTOMER}`, body, options);
}

const inquire = (reference: string) => callSandbox(baseUrl, 'GET', `/tools/reference/transaction/${reference}`);
const wallet = async () => (await control('GET', `wallet?user_code=${AGENT}`)).json.balance as number;

describe('request_hash', () => {
  it('matches a known answer computed with node:crypto from fixed inputs (the app’s requestHash agrees)', () => {
    // key = base64(access_key) as a string; message = ts + plain Aadhaar + amount + user_code.
    const ts = '1700000000000';
    const KAT = 'iB4V1cnvcBkJYnTA42WKyPfct64d6myZ7OhiKxW0kFY=';
    const byHand = createHmac('sha256', Buffer.from(ACCESS_KEY).toString('base64')).update(`${ts}999999990019100020810200`).digest('base64');
    expect(byHand).toBe(KAT);
    expect(expectedRequestHash(ACCESS_KEY, ts, '999999990019', '1000', '20810200')).toBe(KAT);
    expect(requestHash(ACCESS_KEY, ts, ['999999990019', '1000', '20810200'])).toBe(KAT);
    // Balance enquiry and mini statement hash amount "0".
    expect(expectedRequestHash(ACCESS_KEY, ts, '999999990019', '0', '20810200')).toBe('brj3eoQP9spgyR0StA6Rp11uaGlKNrlZNjE6AB7ZWcM=');
    // The raw (not base64-encoded) key is the classic mistake.
    expect(createHmac('sha256', ACCESS_KEY).update(`${ts}999999990019100020810200`).digest('base64')).toBe('0rneCJZnELSzhKK569Z9aiG+xNWlpE/RKmQ8izq/fDQ=');
  });

  it('refuses a missing, misnamed or wrong request_hash with 403 and records nothing', async () => {
    for (const hash of ['missing', 'misnamed', 'wrong'] as const) {
      const r = await aeps('cash-withdrawl', { hash });
      expect(r.httpStatus).toBe(403);
      expect(r.json.message).toMatch(/request_hash/);
    }
    expect((await aeps('balance-enquiry', { hashAmount: '1000' })).httpStatus).toBe(403);
    expect((await aeps('cash-withdrawl', { amount: 1000, hashAmount: '1000.00' })).httpStatus).toBe(403);
    expect((await control('GET', 'transactions')).json.transactions).toEqual([]);
  });
});

describe('cash withdrawal, balance enquiry, mini statement', () => {
  it('withdraws (rt 1463), credits the agent wallet, and the balance and statement show it', async () => {
    const cw = await aeps('cash-withdrawl', { amount: 1000, clientRefId: 'AEPSCW0001' });
    expect(cw.json).toMatchObject({ status: 0, response_status_id: 0, response_type_id: 1463, message: 'Transaction Successful' });
    expect(cw.json.data).toMatchObject({
      tx_status: '0',
      tid: expect.stringMatching(/^\d{10}$/),
      amount: '1000.00',
      bank: 'State Bank of India',
      bank_ref_num: expect.stringMatching(/^\d{12}$/),
      balance: '11500.00',
      customer_balance: '11500.00',
      aadhar: 'XXXX XXXX 0019',
      user_code: AGENT,
      commission: '4.0',
      tds: '0.08',
      comment: 'Request Completed',
      client_ref_id: 'AEPSCW0001',
      transaction_date: expect.stringMatching(/^\d\d-\d\d-\d\d \d\d:\d\d:\d\d$/),
    });
    expect(JSON.stringify(cw.json)).not.toContain(HEALTHY);
    expect(await wallet()).toBe(DEFAULT_WALLET + 1000);
    expect((await inquire('client_ref_id:AEPSCW0001')).json.data).toMatchObject({ tx_status: '0', tid: cw.json.data.tid, amount: '1000.0', bank_code: 'SBIN' });

    const be = await aeps('balance-enquiry');
    expect(be.json).toMatchObject({ status: 0, response_type_id: 1466, data: { customer_balance: '11500.00', amount: '0.00', tid: expect.any(String) } });
    expect(be.json.data.balance).toBeUndefined();

    const ms = await aeps('mini-statement');
    expect(ms.json).toMatchObject({ status: 0, response_type_id: 1527, data: { customer_balance: '11500.00', commission: '0.75' } });
    const list = ms.json.data.mini_statement_list as { date: string; amount: string; narration: string; txnType: string }[];
    expect(list[0]).toEqual({ date: expect.stringMatching(/^\d\d\/\d\d$/), amount: '1000.00', narration: expect.stringMatching(/^AEPS\/W\//), txnType: 'Dr' });
    expect(list.length).toBeGreaterThanOrEqual(5);
    expect(new Set(list.map((e) => e.txnType))).toEqual(new Set(['Dr', 'Cr']));
    // Another bank is another account.
    expect((await aeps('balance-enquiry', { bankCode: 'PUNB' })).json.data.customer_balance).toBe('12500.00');
  });

  it('refuses bad fields with invalid_params before anything else', async () => {
    const field = async (i: AepsInput, kind: Kind = 'cash-withdrawl') => Object.keys((await aeps(kind, i)).json.invalid_params ?? {});
    for (const amount of [125, 50, 10_050, '1000.50', 0]) expect(await field({ amount })).toEqual(['amount']);
    expect(await field({ bankCode: 'XXXX' })).toEqual(['bank_code']);
    expect(await field({ mobile: '9000000001' })).toEqual(['customer_id']);
    expect(await field({ pid: '' }, 'balance-enquiry')).toEqual(['piddata']);
    expect(await field({ clientRefId: 'x'.repeat(21) }, 'mini-statement')).toEqual(['client_ref_id']);
    await aeps('balance-enquiry', { clientRefId: 'AEPSDUP1' });
    expect(await field({ clientRefId: 'AEPSDUP1' })).toEqual(['client_ref_id']);
  });

  it('keeps the activation rule (346) and refuses OAEP or plain Aadhaar with 97', async () => {
    expect((await aeps('cash-withdrawl', { userCode: AEPS_NOT_ACTIVATED_USER_CODE })).json).toMatchObject({ status: 346, response_type_id: 346 });
    expect((await aeps('balance-enquiry', { aadhar: encrypt(HEALTHY, constants.RSA_PKCS1_OAEP_PADDING) })).json).toMatchObject({
      status: 97,
      invalid_params: { aadhar: expect.any(String) },
    });
    expect((await aeps('mini-statement', { aadhar: HEALTHY })).json).toMatchObject({ status: 97 });
  });

  it('fails by customer fixture: biometric mismatch, Aadhaar not linked, bank down, insufficient funds (1464 / 1528)', async () => {
    for (const a of Object.values(AEPS_CUSTOMER_FIXTURES)) expect(isValidAadhaar(a)).toBe(true);
    const comment = async (aadhaar: string, kind: Kind = 'cash-withdrawl', amount?: number) => {
      const r = await aeps(kind, { aadhaar, amount });
      const rt = kind === 'mini-statement' ? 1528 : 1464;
      expect(r.json).toMatchObject({
        status: rt,
        response_status_id: 1,
        response_type_id: rt,
        message: 'Transaction Fail',
        data: { tx_status: '1', tid: expect.any(String) },
      });
      expect(r.json.data.reason).toBe(r.json.data.comment);
      expect((await inquire(r.json.data.tid)).json.data.tx_status).toBe('1');
      return r.json.data.comment as string;
    };
    expect(await comment(AEPS_CUSTOMER_FIXTURES.biometricMismatch)).toMatch(/^Biometric data did not match/);
    expect(await comment(AEPS_CUSTOMER_FIXTURES.notLinkedToBank, 'balance-enquiry')).toBe('Aadhaar number is not linked to the selected bank');
    expect(await comment(AEPS_CUSTOMER_FIXTURES.bankDown, 'mini-statement')).toMatch(/^Issuer bank is not available/);
    expect((await aeps('balance-enquiry', { aadhaar: AEPS_CUSTOMER_FIXTURES.lowBalance })).json.data.customer_balance).toBe('40.00');
    expect(await comment(AEPS_CUSTOMER_FIXTURES.lowBalance, 'cash-withdrawl', 100)).toBe('Insufficient funds in customer account');
    expect(await wallet()).toBe(DEFAULT_WALLET);
  });

  it('1050: pending (rt 1465, rsid 2) → success on the second inquiry; 1150 → failed, nothing moves', async () => {
    const pending = await aeps('cash-withdrawl', { amount: 1050 });
    expect(pending.json).toMatchObject({
      status: 0,
      response_status_id: 2,
      response_type_id: 1465,
      message: 'Transaction Pending',
      data: { tx_status: '2', bank_ref_num: '' },
    });
    expect(await wallet()).toBe(DEFAULT_WALLET);
    const tid = pending.json.data.tid as string;
    expect((await inquire(tid)).json.data.tx_status).toBe('2');
    expect((await inquire(tid)).json.data).toMatchObject({ tx_status: '0', bank_ref_num: expect.stringMatching(/^\d{12}$/) });
    expect(await wallet()).toBe(DEFAULT_WALLET + 1050);
    expect((await aeps('balance-enquiry')).json.data.customer_balance).toBe('11450.00');

    const failing = (await aeps('cash-withdrawl', { amount: 1150, clientRefId: 'AEPSFAIL1' })).json.data.tid as string;
    await inquire(failing);
    expect((await inquire('client_ref_id:AEPSFAIL1')).json.data).toMatchObject({ tx_status: '1', reason: expect.any(String) });
    expect(await wallet()).toBe(DEFAULT_WALLET + 1050);
  });

  it('1250: the withdrawal pays out but never answers; inquiry by client_ref_id finds it successful', async () => {
    const lost = await aeps('cash-withdrawl', { amount: 1250, clientRefId: 'AEPSLOST1', timeoutMs: 400 });
    expect(lost.httpStatus).toBe(0);
    expect((await inquire('client_ref_id:AEPSLOST1')).json.data).toMatchObject({ tx_status: '0', amount: '1250.0' });
    expect(await wallet()).toBe(DEFAULT_WALLET + 1250);
    expect(sandbox.state.calls.at(-2)).toMatchObject({ customerId: CUSTOMER, clientRefId: 'AEPSLOST1', httpStatus: 0 });
  });
});

describe('the customer’s PID', () => {
  it('refuses a capture made with a wadh attribute (blank or eKYC), a reused one and a foreign one', async () => {
    const bio = 'Authentication Failed. Invalid Biometric data.';
    const withBlank = syntheticPidData({ wadh: '', qScore: 72, nmPoints: 40, fType: '2' });
    expect((await aeps('cash-withdrawl', { pid: withBlank })).json).toMatchObject({ response_type_id: 1464, data: { comment: bio } });
    const withEkyc = syntheticPidData({ wadh: EKYC_WADH, qScore: 72, nmPoints: 40, fType: '2' });
    expect((await aeps('mini-statement', { pid: withEkyc })).json).toMatchObject({ response_type_id: 1528, data: { comment: bio } });
    const once = customerPid();
    expect((await aeps('balance-enquiry', { pid: once })).json.response_type_id).toBe(1466);
    expect((await aeps('balance-enquiry', { pid: once })).json).toMatchObject({ response_type_id: 1464, data: { comment: bio } });
    expect((await aeps('balance-enquiry', { pid: '<PidData><Data type="X">bm90LXNhbmRib3g=</Data></PidData>' })).json.data.comment).toBe(bio);
    expect(await wallet()).toBe(DEFAULT_WALLET);
  });
});

describe('the daily 2FA gate', () => {
  it('answers 1467 (1528 for mini statement) without today’s Daily KYC', async () => {
    const twoFa = 'Please do 2fa before initiating transaction';
    await control('PUT', 'aeps-agent', { user_code: AGENT, daily_kyc_day: null });
    expect((await aeps('cash-withdrawl')).json).toMatchObject({ status: 1467, response_status_id: 1, response_type_id: 1467, message: twoFa });
    expect((await aeps('balance-enquiry')).json).toMatchObject({ status: 1467, response_type_id: 1467 });
    expect((await aeps('mini-statement')).json).toMatchObject({ status: 1528, response_type_id: 1528, message: twoFa, data: { reason: twoFa } });
    const yesterday = todayInIndia(new Date(Date.now() - 86_400_000));
    expect((await control('PUT', 'aeps-agent', { user_code: AGENT, daily_kyc_day: yesterday })).json).toMatchObject({ daily_kyc_day: yesterday });
    expect((await aeps('cash-withdrawl')).json.response_type_id).toBe(1467);
    expect(await wallet()).toBe(DEFAULT_WALLET);
  });

  it('opens after the agent’s real eKYC and Daily KYC on the sandbox', async () => {
    sandbox.reset();
    const agentMobile = '9988776655';
    const agentBody = { customer_id: agentMobile, aadhar: encrypt('999999990019'), latlong: LATLONG };
    const kyc = (method: 'POST' | 'PUT', path: string, body: Record<string, unknown>) =>
      callSandbox(baseUrl, method, `/user/collection/aeps-fingpay/kyc${path}`, { ...agentBody, ...body });
    expect((await aeps('balance-enquiry')).json.response_type_id).toBe(1467);
    const sent = (await kyc('POST', '/otp', {})).json.data;
    const verified = (await kyc('PUT', '/otp/verify', { otp: SANDBOX_OTP, otp_ref_id: sent.otp_ref_id, reference_tid: sent.reference_tid })).json.data;
    const ekycPid = syntheticPidData({ wadh: EKYC_WADH, qScore: 72, nmPoints: 40, fType: '2' });
    expect((await kyc('PUT', '/biometric', { ...verified, piddata: ekycPid, bank_code: 'SBIN' })).json.response_type_id).toBe(1605);
    expect((await aeps('balance-enquiry')).json.response_type_id).toBe(1467); // eKYC is not that day's 2FA
    const dailyPid = syntheticPidData({ wadh: '', qScore: 72, nmPoints: 40, fType: '2' });
    expect((await kyc('PUT', '/biometric/daily', { piddata: dailyPid, bank_code: 'SBIN' })).json.response_type_id).toBe(1713);
    expect(sandbox.state.aeps.get(AGENT)?.dailyKycDay).toBe(todayInIndia());
    expect((await aeps('balance-enquiry')).json.response_type_id).toBe(1466);
  });
});

describe('fault fixtures on AePS transactions', () => {
  it('applies to the customer mobile in the path', async () => {
    const path = (mobile: string) => `/customer/collection/aeps-fingpay/balance-enquiry/${mobile}`;
    expect((await callSandbox(baseUrl, 'POST', path('9000000090'), { customer_id: '9000000090' }, { timeoutMs: 300 })).httpStatus).toBe(0);
    expect((await callSandbox(baseUrl, 'POST', path('9000000091'), {})).httpStatus).toBe(502);
    expect((await callSandbox(baseUrl, 'POST', path('9000000092'), {})).text).toContain('<!DOCTYPE html>');
    expect(sandbox.state.calls.map((c) => c.customerId)).toEqual(['9000000090', '9000000091', '9000000092']);
  });
});
