import { constants, createPublicKey, generateKeyPairSync, publicEncrypt } from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { encryptAadhaarForEko } from '@/lib/aadhaar/eko-encrypt';
import { type AgentSealPurpose, SEAL_MAX_AGE_MS, type SealUse } from '@/lib/aadhaar/seal';
import { sealWithOffer, type TransportKeyOffer } from '@/lib/aadhaar/transport-client';

import { SANDBOX_AADHAAR_PUBLIC_KEY } from '@/lib/config/schema';
import { findUserById } from '@/lib/db/queries/users';
import { cookieFor, createTestUser, useTestDatabase } from '@/test/db';
import { EKYC_WADH } from '@/lib/rd/pid-options';
import { todayInIndia } from '@/lib/schemas/sender';
import { decryptPkcs1 } from '@/sandbox/eko/aadhaar-key';
import { AEPS_DAILY_FAILS_AADHAAR, AEPS_NOT_ACTIVATED_USER_CODE, SANDBOX_OTP } from '@/sandbox/eko/fixtures';
import type { EkoSandbox } from '@/sandbox/eko/server';
import { useEkoSandbox } from '@/sandbox/eko/test-helpers';
import { syntheticPidData } from '@/sandbox/rd/pid';
import { GET as keyEndpoint } from '../keys/aadhaar-transport/route';
import { POST as startSenderEkyc } from '../senders/[mobile]/ekyc/route';
import { POST as dailyAuth } from './daily-auth/route';
import { POST as biometric } from './ekyc/biometric/route';
import { POST as sendOtp } from './ekyc/otp/route';
import { POST as verifyOtp } from './ekyc/otp/verify/route';
import { GET as status } from './status/route';
import { forget } from '@/lib/process-state';

describe('Aadhaar for Eko: RSA PKCS#1 v1.5 with the configured key', () => {
  it('encrypts with the configured (sandbox) key; the matching private key decrypts', () => {
    const cipher = encryptAadhaarForEko('999999990019');
    expect(cipher).toHaveLength(172);
    expect(Buffer.from(cipher, 'base64')).toHaveLength(128);
    expect(decryptPkcs1(cipher)).toBe('999999990019');
    expect(encryptAadhaarForEko('999999990019')).not.toBe(cipher); // random padding
  });

  it('the sandbox cannot read OAEP, plain or other-key ciphertexts', () => {
    const key = createPublicKey({ key: Buffer.from(SANDBOX_AADHAAR_PUBLIC_KEY, 'base64'), format: 'der', type: 'spki' });
    const oaep = publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING }, Buffer.from('999999990019')).toString('base64');
    expect(decryptPkcs1(oaep)).toBeNull();
    expect(decryptPkcs1('999999990019')).toBeNull();
    const other = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    expect(decryptPkcs1(encryptAadhaarForEko('999999990019', other))).toBeNull();
  });
});

let sandbox: EkoSandbox;
let cookie = '';
let agentId = '';
const database = useTestDatabase();
const eko = useEkoSandbox();
const LATLONG = '28.613900,77.209000';

beforeAll(() => forget('transportKey'));
beforeEach(async () => {
  sandbox = eko.sandbox();
  await forget('ekoAadhaarKey');
  const agent = await createTestUser('agent');
  agentId = agent.id;
  cookie = await cookieFor(agent);
});

const call = async (handler: typeof sendOtp, path: string, body: unknown, as = cookie) => {
  const res = await handler(
    new Request(`http://localhost/api/aeps/${path}`, {
      method: 'POST',
      headers: { cookie: as, 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
  return { status: res.status, body: await res.json() };
};
/** As the page seals: a fresh nonce from the key endpoint for the signed-in agent, then Web Crypto. */
const seal = async (aadhaar: string, use: SealUse, as = cookie) => {
  const res = await keyEndpoint(new Request('http://localhost/api/keys/aadhaar-transport', { headers: { cookie: as } }), { params: Promise.resolve({}) });
  return sealWithOffer(aadhaar, use, (await res.json()) as TransportKeyOffer);
};
/** The eKYC's identity by default; the daily authentication seals for its own purpose. */
const identity = async (aadhaar = '999999990019', purpose: AgentSealPurpose = 'aeps_ekyc') => ({ aadhaar: await seal(aadhaar, { purpose }), latlong: LATLONG });
const dailyIdentity = (aadhaar?: string) => identity(aadhaar, 'aeps_daily_auth');
const pid = (wadh: string | null) => syntheticPidData({ wadh, qScore: 80, nmPoints: 40, fType: '2' });

async function completeEkyc() {
  const id = await identity();
  const sent = await call(sendOtp, 'ekyc/otp', id);
  expect(sent).toMatchObject({ status: 200, body: { otpRefId: expect.any(String), referenceTid: expect.any(String) } });
  const verified = await call(verifyOtp, 'ekyc/otp/verify', { ...id, otp: SANDBOX_OTP, otpRefId: sent.body.otpRefId, referenceTid: sent.body.referenceTid });
  expect(verified.status).toBe(200);
  // Verify OTP issues new references, and the biometric step must carry those.
  expect(verified.body.otpRefId).not.toBe(sent.body.otpRefId);
  return { id, verified: verified.body };
}

describe('AePS one-time eKYC and daily authentication', () => {
  it('completes Send OTP → Verify OTP → Biometric, then today’s daily authentication; dates are recorded', async () => {
    const { id, verified } = await completeEkyc();
    const done = await call(biometric, 'ekyc/biometric', { ...id, ...verified, piddata: pid(EKYC_WADH), bankCode: 'SBIN' });
    expect(done).toEqual({ status: 200, body: { ekycCompletedOn: todayInIndia() } });
    const daily = await call(dailyAuth, 'daily-auth', { ...(await dailyIdentity()), piddata: pid(''), bankCode: 'SBIN' });
    expect(daily).toEqual({ status: 200, body: { lastDailyAuthOn: todayInIndia() } });
    expect(await findUserById(database.db(), agentId)).toMatchObject({ aepsEkycCompletedOn: todayInIndia(), aepsDailyAuthOn: todayInIndia() });
    const res = await status(new Request('http://localhost/api/aeps/status', { headers: { cookie } }), { params: Promise.resolve({}) });
    expect(await res.json()).toEqual({ ekycCompletedOn: todayInIndia(), lastDailyAuthOn: todayInIndia(), today: todayInIndia() });
    // The body Eko received carried the agent's mobile as customer_id and RSA, not the number.
    const aepsCalls = sandbox.state.calls.filter((c) => c.path.startsWith('/user/collection/aeps-fingpay'));
    expect(aepsCalls.map((c) => c.method)).toEqual(['POST', 'PUT', 'PUT', 'PUT']);
    expect(aepsCalls.find((c) => c.path.endsWith('/daily'))?.clientRefId).toBeNull(); // Daily KYC: no client_ref_id
  });

  it('346: the agent’s AePS is not activated', async () => {
    cookie = await cookieFor(await createTestUser('agent', { ekoUserCode: AEPS_NOT_ACTIVATED_USER_CODE }));
    const res = await call(sendOtp, 'ekyc/otp', await identity());
    expect(res).toMatchObject({ status: 422, body: { error: { code: 'aeps_not_activated' } } });
  });

  it('97 with invalid_params.aadhar: an Aadhaar Eko cannot decrypt (wrong key configured) is named on the field', async () => {
    const wrongKey = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    process.env.EKO_AADHAAR_PUBLIC_KEY = wrongKey;
    await forget('config');
    await forget('ekoAadhaarKey');
    try {
      const res = await call(sendOtp, 'ekyc/otp', await identity());
      expect(res.status).toBe(400);
      expect(res.body.error.fields.aadhaar).toMatch(/could not read the Aadhaar/);
    } finally {
      delete process.env.EKO_AADHAAR_PUBLIC_KEY;
      await forget('config');
      await forget('ekoAadhaarKey');
    }
  });

  it('461: a wrong or expired OTP', async () => {
    const id = await identity();
    const sent = await call(sendOtp, 'ekyc/otp', id);
    const res = await call(verifyOtp, 'ekyc/otp/verify', { ...id, otp: '999999', otpRefId: sent.body.otpRefId, referenceTid: sent.body.referenceTid });
    expect(res).toMatchObject({ status: 422, body: { error: { code: 'aeps_otp_invalid' } } });
  });

  it('461 "Merchant is Inactive or Invalid Details": the biometric step without the OTP steps', async () => {
    const res = await call(biometric, 'ekyc/biometric', {
      ...(await identity()),
      otpRefId: 'X1',
      referenceTid: 'T1',
      piddata: pid(EKYC_WADH),
      bankCode: 'SBIN',
    });
    expect(res).toMatchObject({ status: 422, body: { error: { code: 'aeps_ekyc_restart' } } });
  });

  it('a biometric eKYC captured without the eKYC wadh is refused as invalid biometric data', async () => {
    const { id, verified } = await completeEkyc();
    const res = await call(biometric, 'ekyc/biometric', { ...id, ...verified, piddata: pid(''), bankCode: 'SBIN' });
    expect(res).toMatchObject({ status: 422, body: { error: { code: 'aeps_biometric_invalid' } } });
  });

  it('1714 and its reasons: eKYC not done; invalid biometric (eKYC wadh on a daily capture); a blank reason', async () => {
    expect(await call(dailyAuth, 'daily-auth', { ...(await dailyIdentity()), piddata: pid(''), bankCode: 'SBIN' })).toMatchObject({
      status: 422,
      body: { error: { code: 'aeps_ekyc_required' } },
    });
    const { id, verified } = await completeEkyc();
    await call(biometric, 'ekyc/biometric', { ...id, ...verified, piddata: pid(EKYC_WADH), bankCode: 'SBIN' });
    expect(await call(dailyAuth, 'daily-auth', { ...(await dailyIdentity()), piddata: pid(EKYC_WADH), bankCode: 'SBIN' })).toMatchObject({
      status: 422,
      body: { error: { code: 'aeps_biometric_invalid' } },
    });
    expect(await call(dailyAuth, 'daily-auth', { ...(await dailyIdentity(AEPS_DAILY_FAILS_AADHAAR)), piddata: pid(''), bankCode: 'SBIN' })).toMatchObject({
      status: 422,
      body: { error: { code: 'aeps_daily_failed' } },
    });
    expect((await findUserById(database.db(), agentId))?.aepsDailyAuthOn).toBeNull();
  });

  it('refuses bad input by field: no location, unknown bank, plain Aadhaar', async () => {
    const res = await call(dailyAuth, 'daily-auth', { aadhaar: '999999990019', latlong: '', piddata: pid(''), bankCode: 'sb in' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['aadhaar', 'bankCode', 'latlong']);
    expect(sandbox.state.calls).toHaveLength(0);
  });

  it("refuses a well-formed bank code that is not on Eko's list, before the fingerprint is sent", async () => {
    const res = await call(dailyAuth, 'daily-auth', { ...(await identity(undefined, 'aeps_daily_auth')), piddata: pid(''), bankCode: 'ZZZZ' });
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_input', fields: { bankCode: expect.any(String) } } } });
    expect(sandbox.state.calls.map((c) => c.path)).toEqual(['/tools/reference/banks']);
  });
});

// Security issue 11 on the agent's own flows: the seal is bound to the agent (the nonce) and the
// purpose; it is reusable within its 10 minutes, since one eKYC sends it to three calls.
describe('the agent’s sealed Aadhaar is good for its own flow only', () => {
  afterEach(() => vi.useRealTimers());
  const aepsCalls = () => sandbox.state.calls.filter((c) => c.path.startsWith('/user/collection/aeps-fingpay')).length;
  const refusedSeal = (status: number, code: string, message: RegExp) => ({
    status,
    body: { error: { code, fields: { aadhaar: expect.stringMatching(message) } } },
  });

  it('one seal drives Send OTP, Verify OTP and the biometric eKYC, the last one 9 minutes later', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const id = await identity();
    const sent = await call(sendOtp, 'ekyc/otp', id);
    expect(sent.status).toBe(200);
    vi.setSystemTime(start + 4 * 60_000);
    const verified = await call(verifyOtp, 'ekyc/otp/verify', { ...id, otp: SANDBOX_OTP, otpRefId: sent.body.otpRefId, referenceTid: sent.body.referenceTid });
    expect(verified.status).toBe(200);
    vi.setSystemTime(start + SEAL_MAX_AGE_MS - 60_000);
    expect(await call(biometric, 'ekyc/biometric', { ...id, ...verified.body, piddata: pid(EKYC_WADH), bankCode: 'SBIN' })).toEqual({
      status: 200,
      body: { ekycCompletedOn: todayInIndia() },
    });
  });

  it('past 10 minutes the flow’s seal is refused mid-way, with the step to take', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const id = await identity();
    const sent = await call(sendOtp, 'ekyc/otp', id);
    vi.setSystemTime(start + SEAL_MAX_AGE_MS + 1);
    const late = await call(verifyOtp, 'ekyc/otp/verify', { ...id, otp: SANDBOX_OTP, otpRefId: sent.body.otpRefId, referenceTid: sent.body.referenceTid });
    expect(late).toMatchObject(refusedSeal(422, 'aadhaar_seal_expired', /More than 10 minutes.*enter the Aadhaar number again/));
    expect(aepsCalls()).toBe(1);
  });

  it('another agent cannot replay the seal', async () => {
    const id = await identity();
    expect((await call(sendOtp, 'ekyc/otp', id)).status).toBe(200);
    const other = await cookieFor(await createTestUser('agent'));
    expect(await call(sendOtp, 'ekyc/otp', id, other)).toMatchObject(refusedSeal(403, 'aadhaar_seal_other_agent', /another agent was signed in/));
    expect(await call(dailyAuth, 'daily-auth', { ...(await dailyIdentity()), piddata: pid(''), bankCode: 'SBIN' }, other)).toMatchObject(
      refusedSeal(403, 'aadhaar_seal_other_agent', /another agent/),
    );
    expect(aepsCalls()).toBe(1);
  });

  it('a seal made for another purpose is refused: a sender’s eKYC seal at the daily authentication, and eKYC ↔ daily', async () => {
    // The sender's eKYC accepts it (so it is a good seal)…
    const senderSealed = await seal('999999990019', { purpose: 'sender_ekyc', mobile: '9000000002' });
    const senderRes = await startSenderEkyc(
      new Request('http://localhost/api/senders/9000000002/ekyc', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost' },
        body: JSON.stringify({ aadhaar: senderSealed, piddata: pid(EKYC_WADH), consent: true }),
      }),
      { params: Promise.resolve({ mobile: '9000000002' }) },
    );
    expect(senderRes.status).toBe(200);
    // …but not the agent's own daily authentication or eKYC.
    const other = refusedSeal(422, 'aadhaar_seal_other_purpose', /for a different task/);
    expect(await call(dailyAuth, 'daily-auth', { aadhaar: senderSealed, latlong: LATLONG, piddata: pid(''), bankCode: 'SBIN' })).toMatchObject(other);
    expect(await call(sendOtp, 'ekyc/otp', { aadhaar: senderSealed, latlong: LATLONG })).toMatchObject(other);
    expect(await call(dailyAuth, 'daily-auth', { ...(await identity()), piddata: pid(''), bankCode: 'SBIN' })).toMatchObject(other);
    expect(await call(sendOtp, 'ekyc/otp', await dailyIdentity())).toMatchObject(other);
    expect(aepsCalls()).toBe(0);
  });
});
