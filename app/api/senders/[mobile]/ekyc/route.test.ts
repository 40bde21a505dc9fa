import { constants, createPublicKey, generateKeyPairSync, publicEncrypt } from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEAL_MAX_AGE_MS, SEAL_NONCE_PATTERN, type SealUse } from '@/lib/aadhaar/seal';
import { sealWithOffer, type TransportKeyOffer } from '@/lib/aadhaar/transport-client';
import { transportKey } from '@/lib/aadhaar/transport-server';
import { auditEvents } from '@/lib/db/schema';
import { cookieFor, createTestUser, useTestDatabase } from '@/test/db';
import { EKYC_WADH } from '@/lib/rd/pid-options';
import { AADHAAR_FIXTURES, OTP_EXPIRED, SANDBOX_OTP } from '@/sandbox/eko/fixtures';
import type { EkoSandbox } from '@/sandbox/eko/server';
import { useEkoSandbox } from '@/sandbox/eko/test-helpers';
import { syntheticPidData } from '@/sandbox/rd/pid';
import { GET as keyEndpoint } from '../../../keys/aadhaar-transport/route';
import { GET as lookup } from '../route';
import { POST as submitOtp } from './otp/route';
import { POST as submitEkyc } from './route';
import { forget } from '@/lib/process-state';

// Sender eKYC and OTP validation through the route handlers, against the Eko sandbox over HTTP.

let sandbox: EkoSandbox;
let cookie = '';
const database = useTestDatabase();
const eko = useEkoSandbox();

beforeAll(() => forget('transportKey'));
beforeEach(async () => {
  sandbox = eko.sandbox();
  cookie = await cookieFor(await createTestUser('agent'));
});

const ctx = (mobile: string) => ({ params: Promise.resolve({ mobile }) });
const post = (handler: typeof submitEkyc, url: string, mobile: string, body: unknown, as = cookie) =>
  handler(
    new Request(`http://localhost${url}`, {
      method: 'POST',
      headers: { cookie: as, 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify(body),
    }),
    ctx(mobile),
  );

const pid = (wadh: string | null = EKYC_WADH) => syntheticPidData({ wadh, qScore: 72, nmPoints: 38, fType: '2' });
/** What the page does: the key endpoint (as the signed-in agent), then Web Crypto. */
const offer = async (as = cookie): Promise<TransportKeyOffer> => {
  const res = await keyEndpoint(new Request('http://localhost/api/keys/aadhaar-transport', { headers: { cookie: as } }), { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  return res.json();
};
const forSender = (mobile: string): SealUse => ({ purpose: 'sender_ekyc', mobile });
const seal = async (aadhaar: string, use: SealUse = forSender('9000000002'), as = cookie) => sealWithOffer(aadhaar, use, await offer(as));
const submitSealed = (mobile: string, sealed: string, as = cookie) =>
  post(submitEkyc, `/api/senders/${mobile}/ekyc`, mobile, { aadhaar: sealed, piddata: pid(), consent: true }, as);
const ekyc = async (mobile: string, aadhaar: string, piddata = pid()) =>
  post(submitEkyc, `/api/senders/${mobile}/ekyc`, mobile, { aadhaar: await seal(aadhaar, forSender(mobile)), piddata, consent: true });
const otp = (mobile: string, refs: { otpRefId: string; kycRequestId: string }, code: string) =>
  post(submitOtp, `/api/senders/${mobile}/ekyc/otp`, mobile, { otp: code, ...refs });

describe('sender eKYC', () => {
  it('completes: OTP sent, OTP validated, the lookup shows ₹25,000; audit keeps only the last four digits', async () => {
    const started = await ekyc('9000000002', AADHAAR_FIXTURES.success);
    expect(started.status).toBe(200);
    const refs = await started.json();
    expect(refs).toEqual({ kycRequestId: expect.stringMatching(/^KYC/), otpRefId: expect.stringMatching(/^OTPREF/), maskedMobile: null });
    expect((await otp('9000000002', refs, SANDBOX_OTP)).status).toBe(200);
    const card = await (await lookup(new Request('http://localhost/api/senders/9000000002', { headers: { cookie } }), ctx('9000000002'))).json();
    expect(card.sender).toMatchObject({ state: 'kyc_verified', limits: { monthly: 25000, used: 1200, available: 23800 } });

    const rows = await database.db().select().from(auditEvents);
    expect(rows.map((r) => [r.action, r.outcome, r.detail])).toEqual([
      ['sender.ekyc', 'ok', 'otp_sent'],
      ['sender.ekyc_otp', 'ok', 'kyc_completed'],
      ['sender.lookup', 'ok', 'kyc_verified'],
    ]);
    expect(rows[0]).toMatchObject({ aadhaarLast4: '0019' });
    // No hash of the number either (security round 2, item 7): nothing a backup could reverse.
    expect(Object.keys(rows[0]!)).not.toContain('aadhaarHash');
    expect(JSON.stringify(rows)).not.toMatch(/[0-9a-f]{64}/);
    expect(JSON.stringify(rows)).not.toContain(AADHAAR_FIXTURES.success);
    expect(JSON.stringify(rows)).not.toContain('PidData');
  });

  it('shows the masked mobile when Eko answers in the seed shape', async () => {
    sandbox.state.shape = 'seed';
    expect((await (await ekyc('9000000002', AADHAAR_FIXTURES.success)).json()).maskedMobile).toBe('XXXXXX0002');
  });

  it.each([
    [AADHAAR_FIXTURES.verificationFailed, 'ekyc_verification_failed', /K-100/],
    [AADHAAR_FIXTURES.bankRelationship, 'ekyc_bank_relationship', /relationship with the partner bank/],
  ])('Aadhaar %s → %s', async (aadhaar, code, message) => {
    const res = await ekyc('9000000002', aadhaar);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(message);
  });

  it('a capture made with the wrong wadh (or reused) fails verification, as the real service does', async () => {
    expect((await (await ekyc('9000000002', AADHAAR_FIXTURES.success, pid(''))).json()).error.code).toBe('ekyc_verification_failed');
    expect((await (await ekyc('9000000002', AADHAAR_FIXTURES.success, pid(null))).json()).error.code).toBe('ekyc_verification_failed');
    const once = pid();
    expect((await ekyc('9000000002', AADHAAR_FIXTURES.success, once)).status).toBe(200);
    sandbox.reset();
    sandbox.state.usedPidNonces.add(/"nonce":"([^"]+)"/.exec(Buffer.from(/<Data type="X">([^<]+)</.exec(once)![1]!, 'base64').toString())![1]!);
    expect((await (await ekyc('9000000002', AADHAAR_FIXTURES.success, once)).json()).error.code).toBe('ekyc_verification_failed');
  });

  it('already verified and not enrolled senders get their own answers', async () => {
    expect((await (await ekyc('9000000001', AADHAAR_FIXTURES.success)).json()).error.code).toBe('ekyc_already_verified');
    expect((await (await ekyc('9000000005', AADHAAR_FIXTURES.success)).json()).error.code).toBe('sender_not_enrolled');
  });

  it('wrong OTP (302) can be retried; expired OTP (303) needs a new capture', async () => {
    const refs = await (await ekyc('9000000002', AADHAAR_FIXTURES.success)).json();
    const wrong = await otp('9000000002', refs, '111111');
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).error.code).toBe('otp_wrong');
    expect((await (await otp('9000000002', refs, OTP_EXPIRED)).json()).error.code).toBe('otp_expired');
    expect((await (await otp('9000000002', refs, SANDBOX_OTP)).json()).error.code).toBe('otp_expired');
  });

  it('refuses bad input by field, before anything reaches Eko', async () => {
    const cases: [unknown, string[]][] = [
      [{ aadhaar: '999999990019', piddata: pid(), consent: true }, ['aadhaar']], // plain number: not transport-encrypted
      [{ aadhaar: await seal(AADHAAR_FIXTURES.success), piddata: '<html/>', consent: true }, ['piddata']],
      [{ aadhaar: await seal(AADHAAR_FIXTURES.success), piddata: pid(), consent: false }, ['consent']],
      [{}, ['aadhaar', 'consent', 'piddata']],
    ];
    for (const [body, fields] of cases) {
      const res = await post(submitEkyc, '/api/senders/9000000002/ekyc', '9000000002', body);
      expect(res.status).toBe(400);
      expect(Object.keys((await res.json()).error.fields).sort()).toEqual(fields);
    }
    const invalidNumber = await ekyc('9000000002', '123456789012');
    expect(invalidNumber.status).toBe(400);
    expect((await invalidNumber.json()).error.fields.aadhaar).toMatch(/not a valid Aadhaar/);
    expect(sandbox.state.calls).toHaveLength(0);
  });

  it('a page holding an unknown transport key is sent back to the Aadhaar step', async () => {
    const sealed = await seal(AADHAAR_FIXTURES.success);
    const res = await post(submitEkyc, '/api/senders/9000000002/ekyc', '9000000002', {
      aadhaar: `oldkid.${sealed.split('.')[1]}`,
      piddata: pid(),
      consent: true,
    });
    await expectSealRefused(res, 409, 'aadhaar_key_changed', /security key has changed\. Enter the Aadhaar number again/);
  });

  // Faults on Sender eKYC and OTP validation (never retried): app/api/eko-faults.test.ts.
});

/** Refused by field before anything reaches Eko, and nothing of the number in the answer. */
async function expectSealRefused(res: Response, status: number, code: string, message: RegExp) {
  const body = await res.json();
  expect({ status: res.status, code: body.error.code }).toEqual({ status, code });
  expect(body.error.fields.aadhaar).toMatch(message);
  expect(JSON.stringify(body)).not.toMatch(/9999\s?9999\s?00/);
}

// Security issue 11: one sealed blob used to be accepted from two agents for two senders, and
// never expired. Each attack below succeeded before the seal was bound to its use.
describe('a sealed Aadhaar is good for one use only', () => {
  afterEach(() => vi.useRealTimers());
  const ekycCalls = () => sandbox.state.calls.filter((c) => c.method === 'PUT' && /\/sender\/\d{10}\/otp$/.test(c.path)).length;

  it('the key endpoint hands out the current key and a fresh nonce each time, never cached', async () => {
    const res = await keyEndpoint(new Request('http://localhost/api/keys/aadhaar-transport', { headers: { cookie } }), { params: Promise.resolve({}) });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const first = (await res.json()) as TransportKeyOffer;
    expect(first.jwk).toEqual(transportKey().jwk);
    expect(first.nonce).toMatch(SEAL_NONCE_PATTERN);
    expect((await offer()).nonce).not.toBe(first.nonce);
  });

  it('a second agent cannot replay a seal made by the first', async () => {
    const sealed = await seal(AADHAAR_FIXTURES.success);
    expect((await submitSealed('9000000002', sealed)).status).toBe(200);
    const other = await cookieFor(await createTestUser('agent'));
    const before = ekycCalls();
    await expectSealRefused(await submitSealed('9000000002', sealed, other), 403, 'aadhaar_seal_other_agent', /another agent was signed in/);
    expect(ekycCalls()).toBe(before);
  });

  it('a seal made for one sender is refused for another', async () => {
    const sealed = await seal(AADHAAR_FIXTURES.success, forSender('9000000002'));
    expect((await submitSealed('9000000002', sealed)).status).toBe(200);
    await expectSealRefused(await submitSealed('9000000008', sealed), 422, 'aadhaar_seal_other_mobile', /entered for another customer/);
    expect(ekycCalls()).toBe(1);
  });

  it('a seal made for the agent’s own AePS flows is refused for a sender', async () => {
    for (const purpose of ['aeps_ekyc', 'aeps_daily_auth'] as const) {
      await expectSealRefused(
        await submitSealed('9000000002', await seal(AADHAAR_FIXTURES.success, { purpose })),
        422,
        'aadhaar_seal_other_purpose',
        /for a different task/,
      );
    }
    expect(ekycCalls()).toBe(0);
  });

  it('is good for 10 minutes of the server clock from its nonce, then refused (told to enter the number again, in Hindi too)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const sealed = await seal(AADHAAR_FIXTURES.success);
    vi.setSystemTime(start + SEAL_MAX_AGE_MS - 1000); // a recapture late in the flow: still the same seal
    expect((await submitSealed('9000000002', sealed)).status).toBe(200);
    vi.setSystemTime(start + SEAL_MAX_AGE_MS + 1000);
    await expectSealRefused(await submitSealed('9000000002', sealed), 422, 'aadhaar_seal_expired', /More than 10 minutes.*enter the Aadhaar number again/);
    const hindi = await submitSealed('9000000002', sealed, `${cookie}; ad_lang=hi`);
    expect((await hindi.json()).error.fields.aadhaar).toBe('आधार नंबर डाले हुए 10 मिनट से ज़्यादा हो गए हैं। सुरक्षा के लिए आधार नंबर दोबारा डालें।');
    expect(ekycCalls()).toBe(1);
  });

  it('a nonce the server did not issue (forged, tampered, re-dated) is refused', async () => {
    const genuine = await offer();
    const bytes = Buffer.from(genuine.nonce, 'base64url');
    const redated = Buffer.from(bytes);
    redated.writeUIntBE(Date.now() + 60_000, 1, 6);
    const flipped = Buffer.from(bytes);
    flipped[bytes.length - 1]! ^= 0x80;
    const madeUp = Buffer.alloc(bytes.length, 1);
    for (const nonce of [redated, flipped, madeUp].map((b) => b.toString('base64url'))) {
      const sealed = await sealWithOffer(AADHAAR_FIXTURES.success, forSender('9000000002'), { jwk: genuine.jwk, nonce });
      await expectSealRefused(await submitSealed('9000000002', sealed), 400, 'aadhaar_nonce_invalid', /failed its security check/);
    }
    expect(ekycCalls()).toBe(0);
  });

  it('a plaintext that is not a bound seal (the old bare number, unknown fields) is refused', async () => {
    const key = createPublicKey(transportKey().privateKey);
    const encrypt = (text: string) =>
      `${transportKey().kid}.${publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(text)).toString('base64url')}`;
    const { nonce } = await offer();
    for (const plain of [
      AADHAAR_FIXTURES.success,
      JSON.stringify({ v: 1, p: 'sender_ekyc', m: '9000000002', a: AADHAAR_FIXTURES.success, n: nonce, agent: 'me' }),
      JSON.stringify({ v: 2, p: 'sender_ekyc', m: '9000000002', a: AADHAAR_FIXTURES.success, n: nonce }),
    ]) {
      await expectSealRefused(await submitSealed('9000000002', encrypt(plain)), 400, 'aadhaar_seal_invalid', /not in the form this app sends/);
    }
    expect(ekycCalls()).toBe(0);
  });

  describe('transport key rotation', () => {
    const der = () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const useKeys = async (current: string | undefined, previous: string | undefined) => {
      for (const [name, value] of [
        ['AADHAAR_TRANSPORT_KEY', current],
        ['AADHAAR_TRANSPORT_KEY_PREVIOUS', previous],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await forget('config');
      await forget('transportKey');
    };
    afterEach(() => useKeys(undefined, undefined));

    it('a seal made just before the key changed is still accepted by its kid; the endpoint hands out only the new key', async () => {
      const [oldKey, newKey] = [der(), der()];
      await useKeys(oldKey, undefined);
      const sealedBefore = await seal(AADHAAR_FIXTURES.success);
      const oldKid = sealedBefore.split('.')[0];

      await useKeys(newKey, oldKey);
      expect((await offer()).jwk.kid).not.toBe(oldKid);
      expect((await submitSealed('9000000002', sealedBefore)).status).toBe(200);
      expect((await submitSealed('9000000002', await seal(AADHAAR_FIXTURES.success))).status).toBe(200);

      // Once the previous key is retired, its seals get the "enter it again" answer.
      await useKeys(newKey, undefined);
      await expectSealRefused(await submitSealed('9000000002', sealedBefore), 409, 'aadhaar_key_changed', /Enter the Aadhaar number again/);
    });
  });
});
